"""Use reports: a pack was used; a resupply task opens for the CSP; the crime reference is verified."""
