"""packs: which expiry date was announced (pack.expiring) and when an overdue check was (pack.check_overdue)

Revision ID: e2_pack_announcements
Revises: e1_event_outbox
Create Date: 2026-12-03 18:20:00.000000+00:00

The background announcer marks packs with one ``UPDATE … RETURNING`` per kind and writes the events to the outbox
in the same transaction. Nullable columns without a default: adding them rewrites no table.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e2_pack_announcements"
down_revision: str | None = "e1_event_outbox"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("packs", sa.Column("expiry_announced_on", sa.Date()), schema="etp_inventory")
    op.add_column("packs", sa.Column("check_overdue_announced_at", sa.DateTime(timezone=True)), schema="etp_inventory")


def downgrade() -> None:
    op.drop_column("packs", "check_overdue_announced_at", schema="etp_inventory")
    op.drop_column("packs", "expiry_announced_on", schema="etp_inventory")
