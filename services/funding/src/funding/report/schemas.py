from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


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
