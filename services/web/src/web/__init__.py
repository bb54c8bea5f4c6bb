"""The internal front end: GOV.UK Design System pages over the platform's own API (a backend-for-frontend)."""
