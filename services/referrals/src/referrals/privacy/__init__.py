"""Data protection: a subject-access export of everything held about one young person, and retention —
the review list and erasure that leaves an audit entry but no personal data."""
