"""Serious Violence Reviews: the coordinators' queue and each review's lifecycle."""
