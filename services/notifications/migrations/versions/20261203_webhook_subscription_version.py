"""webhook subscriptions versioned (ETag and If-Match); the create's Idempotency-Key kept per caller

Revision ID: n3_webhook_subscription_version
Revises: n2_webhook_secrets_at_rest
Create Date: 2026-12-03 18:10:00.000000+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "n3_webhook_subscription_version"
down_revision: str | None = "n2_webhook_secrets_at_rest"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

S = "notifications"


def upgrade() -> None:
    op.add_column("subscriptions", sa.Column("version", sa.Integer(), nullable=False, server_default="1"), schema=S)
    op.alter_column("subscriptions", "version", server_default=None, schema=S)
    op.add_column("subscriptions", sa.Column("idempotency_key", sa.String(length=255), nullable=True), schema=S)
    op.create_unique_constraint(
        op.f("uq_subscriptions_created_by_idempotency_key"),
        "subscriptions",
        ["created_by", "idempotency_key"],
        schema=S,
    )


def downgrade() -> None:
    op.drop_constraint(op.f("uq_subscriptions_created_by_idempotency_key"), "subscriptions", schema=S)
    op.drop_column("subscriptions", "idempotency_key", schema=S)
    op.drop_column("subscriptions", "version", schema=S)
