"""revocations: the subjects whose earlier access tokens no longer count

Revision ID: b1_revocations
Revises: 1477cabd5e73
Create Date: 2026-12-03 13:00:00+00:00

A row per person or API client deactivated, changed (roles, districts, agency, scopes), given a new password or a
new secret: tokens of that subject issued at or before ``not_before`` are refused (``GET /v1/revocations``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b1_revocations"
down_revision: str | None = "1477cabd5e73"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "revocations",
        sa.Column("subject", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("not_before", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("subject", name=op.f("pk_revocations")),
        schema="identity",
    )
    op.create_index(
        op.f("ix_identity_revocations_not_before"), "revocations", ["not_before"], unique=False, schema="identity"
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_identity_revocations_not_before"), table_name="revocations", schema="identity")
    op.drop_table("revocations", schema="identity")
