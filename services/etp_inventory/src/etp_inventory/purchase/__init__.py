"""Purchases: lots of packs received into the central store, their cost charged to a funding budget line."""
