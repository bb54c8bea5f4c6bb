"""the audit log moves to its own schema, owned by a role the service cannot become

The owner's provisioning (``referrals/audit/owner.sql``, run by a superuser before the migrations) creates
``referrals_audit`` and adopts a log made in this schema; what is left here is the empty log that
``a1_audit_log`` makes on a new database, and the trigger function.

Revision ID: a8_audit_log_owner
Revises: a7_reviews_serial_scans
Create Date: 2026-12-03 12:00:00.000000+00:00
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

revision: str = "a8_audit_log_owner"
down_revision: str | None = "a7_reviews_serial_scans"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.execute(text("SELECT to_regclass('referrals_audit.audit_log')")).scalar() is None:
        raise RuntimeError(
            "the audit log's owner is not provisioned: run services/referrals/src/referrals/audit/owner.sql as a "
            "superuser first (vru up and the tests do; docker-compose's postgres init does on a new volume)"
        )
    if bind.execute(text("SELECT to_regclass('referrals.audit_log')")).scalar() is not None:
        if bind.execute(text("SELECT EXISTS (SELECT 1 FROM referrals.audit_log)")).scalar():
            raise RuntimeError(
                "referrals.audit_log still holds entries: run referrals/audit/owner.sql as a superuser to adopt "
                "them into referrals_audit before migrating"
            )
        op.execute("DROP TABLE referrals.audit_log")
    op.execute("DROP TABLE IF EXISTS referrals.audit_chain")
    op.execute("DROP FUNCTION IF EXISTS referrals.refuse_change()")


def downgrade() -> None:
    # The log stays where it is: its owner, not the service, decides about it.
    pass
