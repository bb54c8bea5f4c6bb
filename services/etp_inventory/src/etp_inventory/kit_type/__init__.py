"""Kit types: what a pack holds (components and quantities)."""
