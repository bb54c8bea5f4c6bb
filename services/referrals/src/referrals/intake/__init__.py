"""The police's daily crime reports in (JSON batch and CSV export): matched, screened and written."""
