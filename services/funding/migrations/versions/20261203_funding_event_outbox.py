"""event outbox: domain events for partners' webhooks, written with the change (vru_shared.events)

Revision ID: f1_funding_event_outbox
Revises: 3c9d7e5b1f20
Create Date: 2026-12-03 18:00:00.000000+00:00
"""

from collections.abc import Sequence

from vru_shared.events import create_outbox, drop_outbox

revision: str = "f1_funding_event_outbox"
down_revision: str | None = "3c9d7e5b1f20"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_outbox("funding")


def downgrade() -> None:
    drop_outbox("funding")
