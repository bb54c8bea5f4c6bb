"""due-diligence checks: what was checked of an organisation before a grant to it is approved (issue 14 item 14,
the UK government's grants minimum standards).

Every organisation already registered gets an ILLUSTRATIVE passing check dated the day this migration runs (its
register and number read from its org-id), so the seeded data keeps working; it expires like any other check.

Revision ID: 3c9d7e5b1f20
Revises: 8e3f1a6c2d57
Create Date: 2026-12-03 16:05:00.000000+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3c9d7e5b1f20"
down_revision: str | None = "8e3f1a6c2d57"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "due_diligence_checks",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("register", sa.String(length=32), nullable=False),
        sa.Column("register_number", sa.String(length=64), nullable=False),
        sa.Column("register_status", sa.String(length=64), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(length=8), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("checked_by", sa.String(length=255), nullable=False),
        sa.Column("checked_by_name", sa.String(length=200), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.text("clock_timestamp()"), nullable=False
        ),
        sa.CheckConstraint(
            "register IN ('charity_commission', 'companies_house', 'local_authority', 'other')",
            name=op.f("ck_due_diligence_checks_register"),
        ),
        sa.CheckConstraint("outcome IN ('pass', 'fail')", name=op.f("ck_due_diligence_checks_outcome")),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["funding.organisations.id"],
            name=op.f("fk_due_diligence_checks_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_due_diligence_checks")),
        schema="funding",
    )
    op.create_index(
        "ix_due_diligence_checks_org_checked_on",
        "due_diligence_checks",
        ["organisation_id", "checked_on"],
        unique=False,
        schema="funding",
    )
    op.create_index(
        "ix_due_diligence_checks_created_at_id", "due_diligence_checks", ["created_at", "id"], schema="funding"
    )
    op.execute(
        """
        INSERT INTO funding.due_diligence_checks
            (id, organisation_id, register, register_number, register_status, checked_on, outcome, notes, checked_by)
        SELECT gen_random_uuid(), id,
               CASE split_part(org_id, '-', 2)
                   WHEN 'CHC' THEN 'charity_commission'
                   WHEN 'COH' THEN 'companies_house'
                   ELSE CASE WHEN kind = 'council' THEN 'local_authority' ELSE 'other' END
               END,
               substr(org_id, length(split_part(org_id, '-', 1)) + length(split_part(org_id, '-', 2)) + 3),
               'registered', (clock_timestamp() AT TIME ZONE 'Europe/London')::date, 'pass',
               'Illustrative check recorded when the database was created (seed data; not checked against a register).',
               'seed:due-diligence'
        FROM funding.organisations
        """
    )


def downgrade() -> None:
    op.drop_index("ix_due_diligence_checks_created_at_id", table_name="due_diligence_checks", schema="funding")
    op.drop_index("ix_due_diligence_checks_org_checked_on", table_name="due_diligence_checks", schema="funding")
    op.drop_table("due_diligence_checks", schema="funding")
