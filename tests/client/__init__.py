"""The Python client partners install (clients/python)."""
