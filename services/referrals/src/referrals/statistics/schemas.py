from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from vru_shared.exports import Column, Kind


class GroupBy(StrEnum):
    DISTRICT = "district"
    MONTH = "month"
    CATEGORY = "category"


class IncidentCount(BaseModel):
    """One group's count. A dimension not grouped by is null."""

    district: str | None = Field(description="District code.", examples=["medway"])
    month: str | None = Field(description="`YYYY-MM`, UK local time.", examples=["2026-05"])
    category: str | None = Field(description="Offence category code.", examples=["knife-sharp-instrument"])
    count: int = Field(examples=[12])


class IncidentStatistics(BaseModel):
    """Counts of incidents received from the crime reports (no personal data)."""

    model_config = ConfigDict(
        populate_by_name=True,
        json_schema_extra={
            "examples": [
                {
                    "from": "2026-01-01",
                    "to": "2026-12-31",
                    "group_by": ["district", "month"],
                    "knife": True,
                    "districts": None,
                    "total": 14,
                    "groups": [
                        {"district": "medway", "month": "2026-05", "category": None, "count": 9},
                        {"district": "swale", "month": "2026-05", "category": None, "count": 5},
                    ],
                }
            ]
        },
    )

    from_: date = Field(alias="from", description="First day counted (UK local date).")
    to: date = Field(description="Last day counted (inclusive).")
    group_by: list[GroupBy]
    knife: bool | None = Field(description="`true`: knife incidents only; `false`: the others; null: all.")
    districts: list[str] | None = Field(
        default=None,
        description="The districts counted: a coordinator's own; null: every district (analysts, the director, "
        "the programme officer, the platform's services).",
    )
    total: int
    groups: list[IncidentCount] = Field(description="Non-zero groups, ordered by district, month and category.")


#: The columns of the statistics export (``GET /v1/statistics/incidents/export``), in this order
#: (docs/referrals.md, "Exports"): a dimension not grouped by is empty.
EXPORT_COLUMNS: list[Column[IncidentCount]] = [
    Column("district", lambda g: g.district),
    Column("month", lambda g: g.month),
    Column("category", lambda g: g.category),
    Column("count", lambda g: g.count, Kind.NUMBER),
]
