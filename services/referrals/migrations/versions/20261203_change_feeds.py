"""Indexes for the change feeds partners poll: referrals and meeting actions by (updated_at, id).

Revision ID: b1_change_feeds
Revises: a9_subject_search
"""

from alembic import op

revision: str = "b1_change_feeds"
down_revision: str | None = "a9_subject_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_referrals_updated_at_id", "referrals", ["updated_at", "id"], schema="referrals")
    op.create_index("ix_meeting_actions_updated_at_id", "meeting_actions", ["updated_at", "id"], schema="referrals")


def downgrade() -> None:
    op.drop_index("ix_meeting_actions_updated_at_id", table_name="meeting_actions", schema="referrals")
    op.drop_index("ix_referrals_updated_at_id", table_name="referrals", schema="referrals")
