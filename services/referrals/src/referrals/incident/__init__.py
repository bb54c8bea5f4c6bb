"""Serious-violence incidents from the police's daily crime reports: reading them (intake is ``intake``)."""
