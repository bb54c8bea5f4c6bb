"""Multi-agency referrals of a young person to a forum or a service, and what is shared with the receiving agency."""
