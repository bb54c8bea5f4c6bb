from datetime import date, datetime
from typing import Annotated
from uuid import UUID

from pydantic import AliasPath, BaseModel, ConfigDict, Field, JsonValue, StringConstraints

from funding.money import Currency
from vru_shared.inputs import Day
from vru_shared.money import Pence, PositivePence

Code = Annotated[
    str,
    StringConstraints(min_length=2, max_length=64, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$"),
    Field(description="Lower-case letters, digits and hyphens; stable.", examples=["knife-awareness"]),
]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
YearCode = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}$"),
    Field(description="Financial year code.", examples=["2020-21"]),
]


class StreamCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"code": "mentoring", "name": "Mentoring", "description": "One-to-one mentoring schemes."}]
        },
    )

    code: Code
    name: Name
    description: Annotated[str, StringConstraints(max_length=2000)] = ""


class StreamRead(BaseModel):
    """A funding stream: a purpose the unit funds."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "0b6a5cf5-7d3f-5a8f-9a53-2e31a5f3c1d4",
                    "code": "knife-awareness",
                    "name": "Knife Awareness Campaign",
                    "description": "Community Safety Units' knife-awareness work.",
                }
            ]
        },
    )

    id: UUID
    code: str
    name: str
    description: str


class FundCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "code": "home-office-vru-grant",
                    "name": "Home Office Violence Reduction Unit grant",
                    "source": "Home Office, awarded to the Police and Crime Commissioner for Kent",
                }
            ]
        },
    )

    code: Code
    name: Name
    source: Name = Field(description="Who the money comes from.")
    description: Annotated[str, StringConstraints(max_length=2000)] = ""


class FundRead(BaseModel):
    """Money the unit receives."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "8e3f8c4b-1b7e-5d1e-9a55-43a9c1d0e7b2",
                    "code": "home-office-vru-grant",
                    "name": "Home Office Violence Reduction Unit grant",
                    "source": "Home Office, awarded to the Police and Crime Commissioner for Kent",
                    "description": "",
                    "created_at": "2026-11-21T09:30:00Z",
                }
            ]
        },
    )

    id: UUID
    code: str
    name: str
    source: str
    description: str
    created_at: datetime


_LINE_EXAMPLE: dict[str, JsonValue] = {
    "id": "3c1b0f3e-7f0c-5b8a-a9a1-6c0e2d4b5a10",
    "fund_id": "8e3f8c4b-1b7e-5d1e-9a55-43a9c1d0e7b2",
    "financial_year": "2020-21",
    "stream": "knife-awareness",
    "code": "knife-awareness",
    "name": "Knife Awareness Campaign 2020/21",
    "amount_pence": 15_000_000,
    "currency": "GBP",
    "awarded_pence": 10_000_000,
    "spent_pence": 0,
    "available_pence": 5_000_000,
    "illustrative": True,
    "version": 1,
    "created_at": "2026-11-21T09:30:00Z",
    "updated_at": "2026-11-21T09:30:00Z",
}


class BudgetLineCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "fund_id": "8e3f8c4b-1b7e-5d1e-9a55-43a9c1d0e7b2",
                    "financial_year": "2021-22",
                    "stream": "knife-awareness",
                    "code": "knife-awareness",
                    "name": "Knife Awareness Campaign 2021/22",
                    "amount_pence": 12_000_000,
                    "currency": "GBP",
                }
            ]
        },
    )

    fund_id: UUID
    financial_year: YearCode
    stream: Code | None = Field(default=None, description="The stream's code, if the line is for one stream.")
    code: Code = Field(description="Unique within the fund and year.")
    name: Name
    amount_pence: Pence
    currency: Currency


class BudgetLineUpdate(BaseModel):
    """Fields to change; omitted fields keep their value. The amount cannot go below what is awarded and spent."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"amount_pence": 16_000_000}]})

    name: Name | None = None
    amount_pence: Pence | None = None


class BudgetLineRead(BaseModel):
    """A budget line with what is committed against it: `available = amount − awarded − spent`."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [_LINE_EXAMPLE]})

    id: UUID
    fund_id: UUID
    financial_year: str = Field(validation_alias=AliasPath("year", "code"))
    stream: str | None = Field(validation_alias="stream_code")
    code: str
    name: str
    amount_pence: int
    currency: Currency
    awarded_pence: int = Field(
        description="Awards of approved, active, completed and closed grants (and what was paid on withdrawn ones)."
    )
    spent_pence: int = Field(description="Spend recorded directly against the line (e.g. pack purchases).")
    available_pence: int
    illustrative: bool = Field(description="Seeded with a made-up amount (the newsletter gives no figures).")
    version: int = Field(description='Bumped on every change; the ETag is `"v<version>"`.')
    created_at: datetime
    updated_at: datetime


class SpendCreate(BaseModel):
    """Spend against a budget line, recorded by another service. Idempotent on (source, source_reference)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "amount_pence": 249_900,
                    "currency": "GBP",
                    "description": "50 emergency trauma packs (lot 2020-07)",
                    "source": "etp_inventory",
                    "source_reference": "6f1d3c9a-2b4e-4f5a-8c7d-0e1f2a3b4c5d",
                    "spent_on": "2020-07-14",
                }
            ]
        },
    )

    amount_pence: PositivePence
    currency: Currency
    description: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
    source: Annotated[
        str,
        StringConstraints(min_length=2, max_length=64, pattern=r"^[a-z0-9_-]+$"),
        Field(description="The recording system.", examples=["etp_inventory"]),
    ]
    source_reference: Annotated[
        str,
        StringConstraints(min_length=1, max_length=200, pattern=r"^[\x21-\x7e]+$"),
        Field(
            description="The recording system's own id for it (e.g. the purchase id).",
            examples=["6f1d3c9a-2b4e-4f5a-8c7d-0e1f2a3b4c5d"],
        ),
    ]
    spent_on: Day


class SpendRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                    "budget_line_id": "3c1b0f3e-7f0c-5b8a-a9a1-6c0e2d4b5a10",
                    "amount_pence": 249_900,
                    "currency": "GBP",
                    "description": "50 emergency trauma packs (lot 2020-07)",
                    "source": "etp_inventory",
                    "source_reference": "6f1d3c9a-2b4e-4f5a-8c7d-0e1f2a3b4c5d",
                    "spent_on": "2020-07-14",
                    "created_at": "2026-11-21T09:30:00Z",
                }
            ]
        },
    )

    id: UUID
    budget_line_id: UUID
    amount_pence: int
    currency: Currency
    description: str
    source: str
    source_reference: str
    spent_on: date
    created_at: datetime
