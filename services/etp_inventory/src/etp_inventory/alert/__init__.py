"""Alerts for the front end and partner systems: expiring packs, overdue checks, CSPs low on stock."""
