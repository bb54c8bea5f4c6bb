"""Announcing what became overdue without anyone asking: reviews past their target date and meeting actions past
their due date, each once (``review.overdue``, ``meeting_action.overdue``; docs/notifications.md)."""
