"""Reference data: the 13 districts of Kent & Medway and the five coordinator areas grouping them."""
