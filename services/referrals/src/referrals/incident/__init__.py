"""Serious-violence incidents from the police's daily crime reports: intake (JSON and CSV) and reading."""
