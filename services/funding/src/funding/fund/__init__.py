"""Funds (the Home Office grant via the PCC), funding streams, budget lines per financial year, and spend
recorded against a budget line by other services."""
