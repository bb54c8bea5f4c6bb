"""The audit log has no not-found cases of its own: queries return empty pages."""
