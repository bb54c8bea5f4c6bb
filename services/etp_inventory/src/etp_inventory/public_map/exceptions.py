"""The public map raises no errors of its own."""
