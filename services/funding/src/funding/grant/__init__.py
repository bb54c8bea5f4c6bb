"""Grants from application to close (with four-eyes approval and the budget-line guard), their
disbursement schedules, and quarterly monitoring returns."""
