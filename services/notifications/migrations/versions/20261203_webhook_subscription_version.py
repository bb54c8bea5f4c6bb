"""webhook subscriptions versioned: ETag and If-Match

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


def downgrade() -> None:
    op.drop_column("subscriptions", "version", schema=S)
