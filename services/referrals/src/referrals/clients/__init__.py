"""Typed clients for the other VRU services this one calls."""
