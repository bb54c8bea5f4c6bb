"""Alerts raise no errors of their own."""
