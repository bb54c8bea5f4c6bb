"""notices: e-mail and SMS notices to people (GOV.UK Notify), district fan-outs, per-person preferences

Revision ID: n4_notices
Revises: n3_webhook_subscription_version
Create Date: 2026-12-03 18:30:00.000000+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "n4_notices"
down_revision: str | None = "n3_webhook_subscription_version"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

S = "notifications"


def upgrade() -> None:
    op.create_table(
        "notice_preferences",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("mobile_number", sa.String(length=16), nullable=True),
        sa.Column(
            "choices", postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'{}'::jsonb"), nullable=False
        ),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_notice_preferences")),
        schema=S,
    )
    op.create_table(
        "notices",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("data", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("status", sa.String(length=16), server_default="pending", nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("notify_id", sa.String(length=64), nullable=True),
        sa.Column("template_id", sa.String(length=64), nullable=True),
        sa.Column("last_status_code", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], [f"{S}.events.id"], name=op.f("fk_notices_event_id_events")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
        sa.UniqueConstraint("event_id", "person_id", "channel", name=op.f("uq_notices_event_id_person_id_channel")),
        schema=S,
    )
    op.create_index(op.f("ix_notifications_notices_event_id"), "notices", ["event_id"], schema=S)
    op.create_index(op.f("ix_notifications_notices_person_id"), "notices", ["person_id"], schema=S)
    op.create_index(
        "ix_notices_due", "notices", ["next_attempt_at"], schema=S, postgresql_where=sa.text("status = 'pending'")
    )
    op.create_table(
        "notice_fanouts",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("district", sa.String(length=64), nullable=False),
        sa.Column("data", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("status", sa.String(length=16), server_default="pending", nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], [f"{S}.events.id"], name=op.f("fk_notice_fanouts_event_id_events")),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_notice_fanouts")),
        schema=S,
    )
    op.create_index(
        "ix_notice_fanouts_due",
        "notice_fanouts",
        ["next_attempt_at"],
        schema=S,
        postgresql_where=sa.text("status = 'pending'"),
    )


def downgrade() -> None:
    op.drop_table("notice_fanouts", schema=S)
    op.drop_table("notices", schema=S)
    op.drop_table("notice_preferences", schema=S)
