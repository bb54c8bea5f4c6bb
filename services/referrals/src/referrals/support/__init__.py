"""Support plans: the interventions agreed for a young person, with provider, dates and outcome."""
