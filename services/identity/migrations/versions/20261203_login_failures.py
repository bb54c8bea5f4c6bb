"""login failures: the failed-login counts every identity replica shares

Revision ID: b2_login_failures
Revises: b1_revocations
Create Date: 2026-12-03 14:10:00+00:00

Per (name tried, source address), keyed by a SHA-256 of the pair (neither is stored): how many failures within
the window, and when the last was (identity/token/throttle.py).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b2_login_failures"
down_revision: str | None = "b1_revocations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "login_failures",
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("key_hash", name=op.f("pk_login_failures")),
        schema="identity",
    )
    op.create_index(
        op.f("ix_identity_login_failures_last_failure"),
        "login_failures",
        ["last_failure"],
        unique=False,
        schema="identity",
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_identity_login_failures_last_failure"), table_name="login_failures", schema="identity")
    op.drop_table("login_failures", schema="identity")
