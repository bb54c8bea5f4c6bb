"""current grants: five of the newsletter's projects funded again for 2026/27, so that today's referral
destinations are projects a grant funds today (issue 14 item 12).

The 2020/21 grants ran from 1 July 2020 to 31 March 2021: their projects are no longer referral destinations.
Box It Out, StreetSoccer, Medway Youth Justice, Sheppey Matters and Refocus get a 2026/27 grant (1 April 2026 –
31 March 2027) on 2026/27 budget lines. Like the rest of the seed, every amount here is MADE UP and the rows are
``illustrative``.

Revision ID: 5b0e2c7d9a41
Revises: c5e5ff8176be
Create Date: 2026-12-03 15:45:00.000000+00:00
"""

import uuid
from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
from alembic import op

revision: str = "5b0e2c7d9a41"
down_revision: str | None = "c5e5ff8176be"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAMESPACE = uuid.UUID("3b8e6f0a-9c4d-4e2b-8a71-5f0d2c6e9b13")  # the newsletter seed's
SEED = "seed:current-grants-2026-27"
NOTE = "Illustrative record: the project's 2026/27 grant; the amount is made up."
YEAR = "2026-27"
FUND = "home-office-vru-grant"
AWARDED_ON, STARTS, ENDS = date(2026, 3, 16), date(2026, 4, 1), date(2027, 3, 31)

#: stream: budget in pounds (MADE UP).
BUDGET_LINES = {"vulnerable-childrens-charities": 120_000, "youth-justice": 40_000}
STREAM_NAMES = {
    "vulnerable-childrens-charities": (
        "Vulnerable Children's Charities fund",
        "Diversionary activities offered to "
        "communities through local charities: sport, practical skills, emotional and wellbeing support.",
    ),
    "youth-justice": ("Youth justice", "Youth justice services and first-aid training for young people."),
}

#: project code: (name, stream, pounds (MADE UP)); the recipient and districts are the project's.
GRANTS = {
    "box-it-out": ("Box It Out", "vulnerable-childrens-charities", 16_000),
    "street-soccer": ("StreetSoccer", "vulnerable-childrens-charities", 24_000),
    "medway-youth-justice": ("Medway Youth Justice", "youth-justice", 26_000),
    "sheppey-matters": ("Sheppey Matters", "vulnerable-childrens-charities", 12_500),
    "refocus": ("Refocus", "vulnerable-childrens-charities", 14_000),
}


def stable_id(kind: str, code: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, f"{kind}:{code}")


def _table(name: str, *columns: str) -> sa.TableClause:
    return sa.table(name, *(sa.column(c) for c in columns), schema="funding")


def upgrade() -> None:
    bind = op.get_bind()
    op.bulk_insert(
        _table(
            "budget_lines",
            "id",
            "fund_id",
            "financial_year_id",
            "stream_id",
            "code",
            "name",
            "amount_pence",
            "currency",
            "illustrative",
            "version",
        ),
        [
            {
                "id": stable_id("budget-line", f"{YEAR}:{stream}"),
                "fund_id": stable_id("fund", FUND),
                "financial_year_id": stable_id("financial-year", YEAR),
                "stream_id": stable_id("stream", stream),
                "code": stream,
                "name": f"{STREAM_NAMES[stream][0]} 2026/27",
                "amount_pence": pounds * 100,
                "currency": "GBP",
                "illustrative": True,
                "version": 1,
            }
            for stream, pounds in BUDGET_LINES.items()
        ],
    )
    rows = []
    for code, (name, stream, pounds) in GRANTS.items():
        project = bind.execute(
            sa.text("SELECT lead_organisation_id, districts FROM funding.projects WHERE id = :id"),
            {"id": stable_id("project", code)},
        ).one()
        rows.append(
            {
                "id": stable_id("grant", f"{YEAR}:{code}"),
                "title": f"{name} 2026/27",
                "description": f"{STREAM_NAMES[stream][1]} {NOTE}",
                "recipient_organisation_id": project.lead_organisation_id,
                "project_id": stable_id("project", code),
                "budget_line_id": stable_id("budget-line", f"{YEAR}:{stream}"),
                "districts": project.districts,
                "status": "active",
                "currency": "GBP",
                "amount_applied_pence": pounds * 100,
                "amount_recommended_pence": pounds * 100,
                "amount_awarded_pence": pounds * 100,
                "planned_start_on": STARTS,
                "planned_end_on": ENDS,
                "award_date": AWARDED_ON,
                "regrant": False,
                "created_by": SEED,
                "submitted_by": SEED,
                "decided_by": SEED,
                "illustrative": True,
                "version": 1,
            }
        )
    op.bulk_insert(
        _table(
            "grants",
            "id",
            "title",
            "description",
            "recipient_organisation_id",
            "project_id",
            "budget_line_id",
            "districts",
            "status",
            "currency",
            "amount_applied_pence",
            "amount_recommended_pence",
            "amount_awarded_pence",
            "planned_start_on",
            "planned_end_on",
            "award_date",
            "regrant",
            "created_by",
            "submitted_by",
            "decided_by",
            "illustrative",
            "version",
        ),
        rows,
    )


def downgrade() -> None:
    bind = op.get_bind()
    bind.execute(
        sa.text("DELETE FROM funding.grants WHERE id = ANY(:ids)"),
        {"ids": [stable_id("grant", f"{YEAR}:{code}") for code in GRANTS]},
    )
    bind.execute(
        sa.text("DELETE FROM funding.budget_lines WHERE id = ANY(:ids)"),
        {"ids": [stable_id("budget-line", f"{YEAR}:{stream}") for stream in BUDGET_LINES]},
    )
