"""project providers: the partner agency that delivers a funded project sees and answers the referrals sent to
it (issue 14 item 13). Seeds the provider of Box It Out (a project funded for 2026/27) as a partner agency that
delivers it; linking it to an identity agency (PATCH /v1/partner-agencies/box-it-out) lets its people and API
clients in.

Revision ID: f13_project_providers
Revises: b1_change_feeds
Create Date: 2026-12-03 16:15:00.000000+00:00
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "f13_project_providers"
down_revision: str | None = "b1_change_feeds"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAMESPACE = uuid.UUID("5d0c7a52-3f4e-4b8e-9d1a-7c2b6e0f4a10")  # the reference data's
#: Funded providers: (code, name, the funding service's project ids they deliver).
PROVIDERS = (("box-it-out", "Box It Out CIC", ("30ef20cc-301d-578e-b731-92f71ec7cd3a",)),)


def stable_id(kind: str, code: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{kind}:{code}")


def upgrade() -> None:
    op.create_table(
        "project_providers",
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("partner_agency_id", sa.Uuid(), nullable=False),
        sa.Column("linked_by", sa.String(length=255), nullable=False),
        sa.Column("linked_at", sa.DateTime(timezone=True), server_default=sa.text("clock_timestamp()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["partner_agency_id"],
            ["referrals.partner_agencies.id"],
            name=op.f("fk_project_providers_partner_agency_id_partner_agencies"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("project_id", name=op.f("pk_project_providers")),
        schema="referrals",
    )
    op.create_index(
        op.f("ix_referrals_project_providers_partner_agency_id"),
        "project_providers",
        ["partner_agency_id"],
        unique=False,
        schema="referrals",
    )
    partners = sa.table("partner_agencies", *(sa.column(c) for c in ("id", "code", "name", "kind")), schema="referrals")
    op.bulk_insert(
        partners,
        [{"id": stable_id("partner", c), "code": c, "name": n, "kind": "funded_provider"} for c, n, _ in PROVIDERS],
    )
    providers = sa.table(
        "project_providers",
        *(sa.column(c) for c in ("project_id", "partner_agency_id", "linked_by")),
        schema="referrals",
    )
    op.bulk_insert(
        providers,
        [
            {"project_id": uuid.UUID(p), "partner_agency_id": stable_id("partner", c), "linked_by": "seed"}
            for c, _, projects in PROVIDERS
            for p in projects
        ],
    )


def downgrade() -> None:
    op.drop_index(
        op.f("ix_referrals_project_providers_partner_agency_id"), table_name="project_providers", schema="referrals"
    )
    op.drop_table("project_providers", schema="referrals")
    op.get_bind().execute(
        sa.text("DELETE FROM referrals.partner_agencies WHERE id = ANY(:ids)"),
        {"ids": [stable_id("partner", c) for c, _, _ in PROVIDERS]},
    )
