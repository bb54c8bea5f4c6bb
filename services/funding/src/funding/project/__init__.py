"""Projects the unit funds (by area and district, stream and year) and the programme officer's evaluations."""
