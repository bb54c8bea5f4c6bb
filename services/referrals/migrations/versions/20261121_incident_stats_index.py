"""incident statistics covering index

Revision ID: a6_incident_stats_index
Revises: a5_project_referrals
Create Date: 2026-11-21 21:40:00+00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "a6_incident_stats_index"
down_revision: str | None = "a5_project_referrals"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_incidents_occurred_at_stats",
        "incidents",
        ["occurred_at"],
        unique=False,
        schema="referrals",
        postgresql_include=["district_id", "category_id", "weapon_knife"],
    )


def downgrade() -> None:
    op.drop_index("ix_incidents_occurred_at_stats", table_name="incidents", schema="referrals")
