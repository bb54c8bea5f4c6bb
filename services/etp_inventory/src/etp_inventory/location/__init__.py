"""Locations: the central store, a Community Safety Partnership per district, and sites with guardians."""
