"""A young person's file: the read model above subject, incident, review and referral, and merges."""
