"""sessions

Revision ID: w1_sessions
Revises:
Create Date: 2026-12-03 13:00:00.000000+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "w1_sessions"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id_hash", sa.String(length=64), nullable=False),
        sa.Column("subject", sa.String(length=255), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("roles", postgresql.ARRAY(sa.String(length=64)), nullable=False),
        sa.Column("districts", postgresql.ARRAY(sa.String(length=16)), nullable=False),
        sa.Column("agency_id", sa.String(length=64), nullable=True),
        sa.Column("token", sa.LargeBinary(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id_hash", name=op.f("pk_sessions")),
        schema="web",
    )
    op.create_index(op.f("ix_web_sessions_subject"), "sessions", ["subject"], unique=False, schema="web")
    op.create_index(op.f("ix_web_sessions_expires_at"), "sessions", ["expires_at"], unique=False, schema="web")


def downgrade() -> None:
    op.drop_index(op.f("ix_web_sessions_expires_at"), table_name="sessions", schema="web")
    op.drop_index(op.f("ix_web_sessions_subject"), table_name="sessions", schema="web")
    op.drop_table("sessions", schema="web")
