"""Counts of incidents by district, month and category (no personal data)."""
