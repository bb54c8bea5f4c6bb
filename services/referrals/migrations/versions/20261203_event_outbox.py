"""event outbox: domain events for partners' webhooks, written with the change (vru_shared.events)

Revision ID: a10_event_outbox
Revises: f13_project_providers
Create Date: 2026-12-03 16:00:00.000000+00:00
"""

from collections.abc import Sequence

from vru_shared.events import create_outbox, drop_outbox

revision: str = "a10_event_outbox"
down_revision: str | None = "f13_project_providers"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_outbox("referrals")


def downgrade() -> None:
    drop_outbox("referrals")
