"""Young people (subjects) matched across incidents, with possible duplicates for a person to resolve."""
