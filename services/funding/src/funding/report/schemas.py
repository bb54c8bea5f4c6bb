from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from vru_shared.exports import Column, Kind


class TotalsDimension(StrEnum):
    YEAR = "financial_year"
    AREA = "area"
    STREAM = "stream"


class TotalsGroup(BaseModel):
    """One group's figures. A dimension not grouped by is null; `area` is null for grants without a project."""

    financial_year: str | None = Field(examples=["2020-21"])
    area: str | None = Field(examples=["north-kent"])
    stream: str | None = Field(examples=["vulnerable-childrens-charities"])
    projects: int = Field(description="Distinct projects with an award.", examples=[23])
    grants: int = Field(description="Awarded grants (approved, active, completed, closed).", examples=[23])
    awarded_pence: int
    paid_pence: int = Field(description="Disbursements paid.")
    spent_pence: int | None = Field(
        description="Spend recorded directly on budget lines (e.g. packs); null when grouped by area."
    )
    people_served: int = Field(description="People receiving a service, from submitted monitoring returns.")
    sessions_delivered: int


class Totals(BaseModel):
    """Totals by financial year, area and stream (money in pence, GBP)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "group_by": ["financial_year"],
                    "financial_year": None,
                    "currency": "GBP",
                    "groups": [
                        {
                            "financial_year": "2020-21",
                            "area": None,
                            "stream": None,
                            "projects": 28,
                            "grants": 28,
                            "awarded_pence": 44_450_000,
                            "paid_pence": 0,
                            "spent_pence": 0,
                            "people_served": 612,
                            "sessions_delivered": 140,
                        }
                    ],
                }
            ]
        }
    )

    group_by: list[TotalsDimension]
    financial_year: str | None = Field(description="The year filtered on, if any.")
    currency: str = "GBP"
    groups: list[TotalsGroup]


def pounds(pence: int | None) -> Decimal | None:
    """Pence as pounds, for a spreadsheet: ``4445000`` → ``Decimal("44450.00")``."""
    return None if pence is None else Decimal(pence) / 100


#: The columns of the totals export (``GET /v1/reports/totals/export``), in this order (docs/funding.md,
#: "Exports"); money in pounds (GBP). A dimension not grouped by is empty.
EXPORT_COLUMNS: list[Column[TotalsGroup]] = [
    Column("financial_year", lambda g: g.financial_year),
    Column("area", lambda g: g.area),
    Column("stream", lambda g: g.stream),
    Column("projects", lambda g: g.projects, Kind.NUMBER),
    Column("grants", lambda g: g.grants, Kind.NUMBER),
    Column("awarded_gbp", lambda g: pounds(g.awarded_pence), Kind.MONEY),
    Column("paid_gbp", lambda g: pounds(g.paid_pence), Kind.MONEY),
    Column("spent_gbp", lambda g: pounds(g.spent_pence), Kind.MONEY),
    Column("people_served", lambda g: g.people_served, Kind.NUMBER),
    Column("sessions_delivered", lambda g: g.sessions_delivered, Kind.NUMBER),
]
