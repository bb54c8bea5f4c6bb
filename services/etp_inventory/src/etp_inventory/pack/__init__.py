"""Packs: each emergency trauma pack, its components and expiry, where it is and whether it is ready."""
