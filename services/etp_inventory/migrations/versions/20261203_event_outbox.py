"""event outbox: domain events for partners' webhooks, written with the change (vru_shared.events)

Revision ID: e1_event_outbox
Revises: 8888313720c8
Create Date: 2026-12-03 16:30:00.000000+00:00
"""

from collections.abc import Sequence

from vru_shared.events import create_outbox, drop_outbox

revision: str = "e1_event_outbox"
down_revision: str | None = "8888313720c8"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_outbox("etp_inventory")


def downgrade() -> None:
    drop_outbox("etp_inventory")
