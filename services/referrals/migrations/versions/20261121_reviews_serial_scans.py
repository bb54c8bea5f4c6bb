"""reviews: no parallel scans (the review queue's first page is cheaper serial)

Revision ID: a7_reviews_serial_scans
Revises: a6_incident_stats_index
Create Date: 2026-11-21 21:55:00+00:00

At 1M reviews the planner chose a Gather Merge over a parallel backward scan of ix_reviews_created_at_id for
``GET /v1/reviews?limit=50``: 16.6 ms, of which ~12 ms was starting the two workers, against 2.5 ms serial.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "a7_reviews_serial_scans"
down_revision: str | None = "a6_incident_stats_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("ALTER TABLE referrals.reviews SET (parallel_workers = 0)")


def downgrade() -> None:
    op.execute("ALTER TABLE referrals.reviews RESET (parallel_workers)")
