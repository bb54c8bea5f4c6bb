"""Forum sittings: agendas from pending referrals, per-subject decisions and actions, minutes."""
