"""reviews and meeting actions: when their being overdue was announced (webhooks), with the candidates indexed

Revision ID: a11_overdue_announcements
Revises: a10_subject_name_trigrams
Create Date: 2026-12-03 18:15:00.000000+00:00

The background announcer marks each overdue review and meeting action with one ``UPDATE … RETURNING`` and
writes ``review.overdue`` / ``meeting_action.overdue`` to the event outbox in the same transaction; a partial
index holds only the rows not yet announced (and still open), so a round reads few rows however many there are.
Nullable columns without a default: adding them rewrites no table.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a11_overdue_announcements"
down_revision: str | None = "a10_subject_name_trigrams"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("reviews", sa.Column("overdue_announced_at", sa.DateTime(timezone=True)), schema="referrals")
    op.add_column("meeting_actions", sa.Column("overdue_announced_at", sa.DateTime(timezone=True)), schema="referrals")
    op.create_index(
        "ix_reviews_overdue_unannounced",
        "reviews",
        ["created_at"],
        schema="referrals",
        postgresql_where=sa.text("overdue_announced_at IS NULL AND status <> 'closed'"),
    )
    op.create_index(
        "ix_meeting_actions_overdue_unannounced",
        "meeting_actions",
        ["due_on"],
        schema="referrals",
        postgresql_where=sa.text("overdue_announced_at IS NULL AND status IN ('open', 'in_progress')"),
    )


def downgrade() -> None:
    op.drop_index("ix_meeting_actions_overdue_unannounced", table_name="meeting_actions", schema="referrals")
    op.drop_index("ix_reviews_overdue_unannounced", table_name="reviews", schema="referrals")
    op.drop_column("meeting_actions", "overdue_announced_at", schema="referrals")
    op.drop_column("reviews", "overdue_announced_at", schema="referrals")
