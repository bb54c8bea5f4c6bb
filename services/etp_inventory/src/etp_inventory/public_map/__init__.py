"""The public map: ready packs at public sites, without authentication, never a lock code or a contact."""
