"""monitoring return versions: a submitted return can be amended (issue 14 item 11) — every version of its
figures kept, with who, when and (for an amendment) why; the return holds the latest.

Returns already submitted get their version 1 from the figures they hold.

Revision ID: 8e3f1a6c2d57
Revises: 5b0e2c7d9a41
Create Date: 2026-12-03 15:55:00.000000+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "8e3f1a6c2d57"
down_revision: str | None = "5b0e2c7d9a41"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "monitoring_returns",
        sa.Column("figures_version", sa.Integer(), server_default="0", nullable=False),
        schema="funding",
    )
    op.add_column(
        "monitoring_returns", sa.Column("amended_at", sa.DateTime(timezone=True), nullable=True), schema="funding"
    )
    op.add_column("monitoring_returns", sa.Column("amended_by", sa.String(length=255), nullable=True), schema="funding")
    op.create_table(
        "monitoring_return_versions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("return_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("people_served", sa.Integer(), nullable=False),
        sa.Column("sessions_delivered", sa.Integer(), nullable=False),
        sa.Column("outcomes", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=255), nullable=False),
        sa.Column("recorded_by_name", sa.String(length=200), nullable=True),
        sa.Column(
            "recorded_at", sa.DateTime(timezone=True), server_default=sa.text("clock_timestamp()"), nullable=False
        ),
        sa.CheckConstraint("version >= 1", name=op.f("ck_monitoring_return_versions_version_positive")),
        sa.CheckConstraint(
            "version = 1 OR reason IS NOT NULL", name=op.f("ck_monitoring_return_versions_amendment_has_reason")
        ),
        sa.CheckConstraint("people_served >= 0", name=op.f("ck_monitoring_return_versions_people_not_negative")),
        sa.CheckConstraint("sessions_delivered >= 0", name=op.f("ck_monitoring_return_versions_sessions_not_negative")),
        sa.ForeignKeyConstraint(
            ["return_id"],
            ["funding.monitoring_returns.id"],
            name=op.f("fk_monitoring_return_versions_return_id_monitoring_returns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monitoring_return_versions")),
        sa.UniqueConstraint("return_id", "version", name=op.f("uq_monitoring_return_versions_return_id_version")),
        schema="funding",
    )
    op.execute(
        """
        INSERT INTO funding.monitoring_return_versions
            (id, return_id, version, people_served, sessions_delivered, outcomes, recorded_by, recorded_at)
        SELECT gen_random_uuid(), id, 1, people_served, coalesce(sessions_delivered, 0), coalesce(outcomes, ''),
               coalesce(submitted_by, 'unknown'), submitted_at
        FROM funding.monitoring_returns WHERE submitted_at IS NOT NULL
        """
    )
    op.execute("UPDATE funding.monitoring_returns SET figures_version = 1 WHERE submitted_at IS NOT NULL")


def downgrade() -> None:
    op.drop_table("monitoring_return_versions", schema="funding")
    op.drop_column("monitoring_returns", "amended_by", schema="funding")
    op.drop_column("monitoring_returns", "amended_at", schema="funding")
    op.drop_column("monitoring_returns", "figures_version", schema="funding")
