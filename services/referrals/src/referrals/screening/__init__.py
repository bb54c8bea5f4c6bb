"""Screening incidents into Serious Violence Reviews, automatically and by hand."""
