"""webhook signing secrets encrypted at rest (NOTIFICATIONS_SECRET_ENCRYPTION_KEYS)

Revision ID: n2_webhook_secrets_at_rest
Revises: n1_webhooks
Create Date: 2026-12-03 18:00:00.000000+00:00

The existing secrets are encrypted with the first configured key (the migration job gets the same
``NOTIFICATIONS_SECRET_ENCRYPTION_KEYS`` as the service); the downgrade decrypts them back.
"""

from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

from notifications.settings import NotificationsSettings

revision: str = "n2_webhook_secrets_at_rest"
down_revision: str | None = "n1_webhooks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

S = "notifications"


def _rewrite(column: str, change: Callable[[str], str]) -> None:
    subscriptions = sa.table("subscriptions", sa.column("id", sa.Uuid()), sa.column(column, sa.String()), schema=S)
    value = subscriptions.c[column]
    connection = op.get_bind()
    rows = connection.execute(sa.select(subscriptions.c.id, value).where(value.is_not(None)).with_for_update()).all()
    for row_id, stored in rows:
        connection.execute(
            sa.update(subscriptions).where(subscriptions.c.id == row_id).values({column: change(stored)})
        )


def upgrade() -> None:
    box = NotificationsSettings().secret_box
    for old, new in (("secret", "secret_encrypted"), ("previous_secret", "previous_secret_encrypted")):
        op.alter_column("subscriptions", old, new_column_name=new, type_=sa.String(length=512), schema=S)
        _rewrite(new, box.encrypt)


def downgrade() -> None:
    box = NotificationsSettings().secret_box
    for old, new in (("secret", "secret_encrypted"), ("previous_secret", "previous_secret_encrypted")):
        _rewrite(new, box.decrypt)
        op.alter_column("subscriptions", new, new_column_name=old, type_=sa.String(length=100), schema=S)
