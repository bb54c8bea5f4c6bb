"""Guardians' checks of the packs at their sites, and which checks are due or overdue."""
