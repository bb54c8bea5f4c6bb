"""The data-protection audit log (DPA 2018 s.62): who read, created, changed, disclosed or erased which
personal data, when and why. Append-only (the database refuses UPDATE, DELETE and TRUNCATE) and
tamper-evident (a hash chain over the entries, sealed in order by a background task)."""
