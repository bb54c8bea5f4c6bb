from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Self
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, JsonValue, StrictInt, StringConstraints, model_validator

from funding.allocation.models import AllocationBasis, AllocationStatus
from funding.money import Currency
from vru_shared.exports import Column, Kind
from vru_shared.inputs import Day
from vru_shared.kent_medway import DISTRICT_CODES, DistrictCode
from vru_shared.money import Pence, PositivePence

_LINE_EXAMPLE: dict[str, JsonValue] = {
    "district": "medway",
    "district_name": "Medway",
    "basis_value": 7,
    "quota": "35000000/19",
    "quota_pence": "1842105.263158",
    "bound": None,
    "whole_pence": 1_842_105,
    "remainder": "5/19",
    "remainder_decimal": "0.263158",
    "rank": 13,
    "extra_penny": False,
    "tie_broken": False,
    "amount_pence": 1_842_105,
    "grant_id": None,
}


class AllocationCreate(BaseModel):
    """What to split and by what. With `knife_incidents` the counts for `period_from`–`period_to` are fetched
    from the referrals service; with `weights` they are given here."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "title": "Knife Awareness Campaign 2020/21",
                    "budget_line_id": "3c1b0f3e-7f0c-5b8a-a9a1-6c0e2d4b5a10",
                    "pot_pence": 10_000_000,
                    "currency": "GBP",
                    "basis": "knife_incidents",
                    "period_from": "2019-04-01",
                    "period_to": "2020-03-31",
                },
                {
                    "title": "Summer diversionary activities",
                    "budget_line_id": "3c1b0f3e-7f0c-5b8a-a9a1-6c0e2d4b5a10",
                    "pot_pence": 3_000_000,
                    "currency": "GBP",
                    "basis": "weights",
                    "weights": {"medway": 3, "swale": 2, "thanet": 1},
                    "floor_pence": 250_000,
                },
            ]
        },
    )

    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=250)]
    budget_line_id: UUID = Field(description="The line the grants will be charged to.")
    project_id: UUID | None = Field(default=None, description="The project the grants belong to, if any.")
    pot_pence: PositivePence
    currency: Currency
    basis: AllocationBasis
    period_from: Day | None = Field(default=None, description="For `knife_incidents`: first day counted.")
    period_to: Day | None = Field(default=None, description="For `knife_incidents`: last day counted (inclusive).")
    weights: dict[DistrictCode, Annotated[StrictInt, Field(ge=0, le=1_000_000_000)]] | None = Field(
        default=None,
        max_length=13,
        description="For `weights`: each recipient district's weight (the recipients are its keys).",
    )
    recipients: list[DistrictCode] | None = Field(
        default=None,
        min_length=1,
        max_length=13,
        description="For `knife_incidents`: the districts sharing the pot; default all 13 (a district with no "
        "incidents gets its floor, or nothing).",
    )
    floor_pence: Pence | None = Field(default=None, description="Each recipient gets at least this.")
    cap_pence: Pence | None = Field(default=None, description="No recipient gets more than this.")

    @model_validator(mode="after")
    def _basis_fields(self) -> Self:
        if self.basis is AllocationBasis.KNIFE_INCIDENTS:
            if self.period_from is None or self.period_to is None:
                raise ValueError("knife_incidents needs period_from and period_to")
            if self.period_to < self.period_from:
                raise ValueError("period_to is before period_from")
            if (self.period_to - self.period_from).days > 3660:
                raise ValueError("the period may be at most 3660 days")
            if self.weights is not None:
                raise ValueError("weights are only for the weights basis")
        else:
            if not self.weights:
                raise ValueError("the weights basis needs weights")
            if self.period_from is not None or self.period_to is not None or self.recipients is not None:
                raise ValueError("period and recipients are only for knife_incidents (weights name the recipients)")
        if self.recipients is not None and len(set(self.recipients)) != len(self.recipients):
            raise ValueError("recipients are repeated")
        return self

    def recipient_codes(self) -> list[str]:
        if self.weights is not None:
            return sorted(self.weights)
        return sorted(self.recipients or DISTRICT_CODES)


class AllocationLineRead(BaseModel):
    """One recipient's share and how it was reached."""

    model_config = ConfigDict(json_schema_extra={"examples": [_LINE_EXAMPLE]})

    district: str
    district_name: str
    basis_value: int = Field(description="Knife incidents counted in the period, or the given weight.")
    quota: str = Field(description="The exact quota in pence, as a fraction `numerator/denominator`.")
    quota_pence: str = Field(description="The quota in pence as a decimal (6 places, for reading).")
    bound: str | None = Field(description="`floor` or `cap` when the constraint held the quota there.")
    whole_pence: int = Field(description="The quota rounded down (the method's floor).")
    remainder: str = Field(description="The quota's fractional part, exact.")
    remainder_decimal: str
    rank: int | None = Field(description="Position in the largest-remainder order (1 = first extra penny).")
    extra_penny: bool = Field(description="Got one of the pennies left over after rounding down.")
    tie_broken: bool = Field(description="Its remainder equals another's that fell on the other side of the cut.")
    amount_pence: int = Field(description="The allocation: `whole_pence` + 1 if `extra_penny`.")
    grant_id: UUID | None = Field(description="The grant created on commit.")


class AllocationRead(BaseModel):
    """A formula allocation run: inputs, method, and each recipient's share. Figures are stored as computed;
    `reproducible` says a recomputation from the stored inputs gives them again."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716",
                    "title": "Knife Awareness Campaign 2020/21",
                    "status": "preview",
                    "basis": "knife_incidents",
                    "budget_line_id": "3c1b0f3e-7f0c-5b8a-a9a1-6c0e2d4b5a10",
                    "project_id": None,
                    "pot_pence": 10_000_000,
                    "currency": "GBP",
                    "period_from": "2019-04-01",
                    "period_to": "2020-03-31",
                    "floor_pence": None,
                    "cap_pence": None,
                    "basis_total": 38,
                    "total_pence": 10_000_000,
                    "method": "largest-remainder (Hamilton) in pence, floor and cap by proportional clamping; v1",
                    "tie_break": "larger remainder first; equal remainders: larger basis value first, then "
                    "district code A to Z",
                    "recipients": [_LINE_EXAMPLE],
                    "inputs": {"basis_values": {"medway": 7}},
                    "reproducible": True,
                    "created_by": "5f0c…",
                    "created_at": "2026-11-21T09:30:00Z",
                    "committed_by": None,
                    "committed_at": None,
                    "version": 1,
                }
            ]
        }
    )

    id: UUID
    title: str
    status: AllocationStatus
    basis: AllocationBasis
    budget_line_id: UUID
    project_id: UUID | None
    pot_pence: int
    currency: Currency
    period_from: date | None
    period_to: date | None
    floor_pence: int | None
    cap_pence: int | None
    basis_total: int = Field(description="The sum of the basis values (of the recipients you can see).")
    total_pence: int = Field(description="The sum of the allocations shown: the pot, for a full view.")
    method: str
    tie_break: str
    recipients: list[AllocationLineRead]
    inputs: dict[str, Any] | None = Field(
        description="The stored inputs snapshot (for knife incidents, the referrals service's answer as received). "
        "Not shown to CSP officers."
    )
    reproducible: bool
    created_by: str
    created_at: datetime
    committed_by: str | None
    committed_at: datetime | None
    version: int


#: The columns of an allocation's explanation export (``GET /v1/allocations/{id}/export``): one row per recipient,
#: in the run's order, in this column order (docs/funding.md, "Exports"). Amounts in pence, as the run computes them.
EXPORT_COLUMNS: list[Column[AllocationLineRead]] = [
    Column("district", lambda r: r.district),
    Column("district_name", lambda r: r.district_name),
    Column("basis_value", lambda r: r.basis_value, Kind.NUMBER),
    Column("quota", lambda r: r.quota),
    Column("quota_pence", lambda r: Decimal(r.quota_pence), Kind.NUMBER),
    Column("bound", lambda r: r.bound),
    Column("whole_pence", lambda r: r.whole_pence, Kind.NUMBER),
    Column("remainder", lambda r: r.remainder),
    Column("remainder_decimal", lambda r: Decimal(r.remainder_decimal), Kind.NUMBER),
    Column("rank", lambda r: r.rank, Kind.NUMBER),
    Column("extra_penny", lambda r: r.extra_penny),
    Column("tie_broken", lambda r: r.tie_broken),
    Column("amount_pence", lambda r: r.amount_pence, Kind.NUMBER),
    Column("grant_id", lambda r: r.grant_id),
]
