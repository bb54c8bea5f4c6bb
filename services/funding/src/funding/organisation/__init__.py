"""Organisations the unit funds, each with an org-id identifier (org-id.guide: `GB-CHC-…`, `GB-COH-…`, `GB-LAE-…`)."""
