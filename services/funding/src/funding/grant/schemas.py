from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Self
from uuid import UUID

from pydantic import AliasPath, BaseModel, ConfigDict, Field, JsonValue, StrictInt, StringConstraints, model_validator

from funding.grant.models import DisbursementStatus, GrantStatus
from funding.money import Currency
from vru_shared.inputs import Day
from vru_shared.kent_medway import DistrictCode
from vru_shared.money import Pence, PositivePence

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=8000)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]

_GRANT_EXAMPLE: dict[str, JsonValue] = {
    "id": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    "title": "Sheppey Matters 2020/21",
    "description": "Diversionary activities for young people on the Isle of Sheppey.",
    "status": "active",
    "recipient_organisation_id": "4d7f0d1e-3c2b-5a19-8e7f-6a5b4c3d2e1f",
    "recipient_org_id": "GB-CHC-9000003",
    "recipient_name": "Sheppey Matters",
    "project_id": "9d1c2b3a-4e5f-5a6b-8c7d-0e1f2a3b4c5d",
    "budget_line_id": "3c1b0f3e-7f0c-5b8a-a9a1-6c0e2d4b5a10",
    "allocation_id": None,
    "districts": ["swale"],
    "currency": "GBP",
    "amount_applied_pence": 1_200_000,
    "amount_recommended_pence": 1_200_000,
    "amount_awarded_pence": 1_200_000,
    "paid_pence": 400_000,
    "scheduled_pence": 800_000,
    "remaining_pence": 0,
    "people_referred": 0,
    "planned_start_on": "2020-07-01",
    "planned_end_on": "2021-03-31",
    "award_date": "2020-06-01",
    "regrant": False,
    "status_reason": None,
    "created_by": "5f0c…",
    "submitted_by": "5f0c…",
    "submitted_at": "2020-05-10T09:00:00Z",
    "decided_by": "8a2d…",
    "decided_at": "2020-06-01T10:00:00Z",
    "illustrative": False,
    "version": 5,
    "created_at": "2020-05-01T09:00:00Z",
    "updated_at": "2020-07-01T09:00:00Z",
}


class GrantCreate(BaseModel):
    """A grant application (status `draft`)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "title": "Riverside mentoring 2021/22",
                    "description": "Weekly mentoring for young people referred by the district forum.",
                    "recipient_organisation_id": "4d7f0d1e-3c2b-5a19-8e7f-6a5b4c3d2e1f",
                    "project_id": "9d1c2b3a-4e5f-5a6b-8c7d-0e1f2a3b4c5d",
                    "budget_line_id": "3c1b0f3e-7f0c-5b8a-a9a1-6c0e2d4b5a10",
                    "districts": ["medway"],
                    "amount_applied_pence": 1_500_000,
                    "currency": "GBP",
                    "planned_start_on": "2021-07-01",
                    "planned_end_on": "2022-03-31",
                }
            ]
        },
    )

    title: Title
    description: Text
    recipient_organisation_id: UUID
    project_id: UUID | None = None
    budget_line_id: UUID | None = Field(default=None, description="Needed before the grant can be approved.")
    districts: list[DistrictCode] = Field(
        default_factory=list, max_length=13, description="Districts served; empty: the project's."
    )
    amount_applied_pence: Pence
    amount_recommended_pence: Pence | None = None
    currency: Currency
    planned_start_on: Day | None = None
    planned_end_on: Day | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        if self.planned_start_on and self.planned_end_on and self.planned_end_on < self.planned_start_on:
            raise ValueError("planned_end_on is before planned_start_on")
        return self


class GrantUpdate(BaseModel):
    """Fields to change before a decision (draft, submitted, in review); omitted fields keep their value."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"amount_recommended_pence": 1_250_000}]})

    title: Title | None = None
    description: Text | None = None
    budget_line_id: UUID | None = None
    project_id: UUID | None = None
    districts: list[DistrictCode] | None = Field(default=None, max_length=13)
    amount_applied_pence: Pence | None = None
    amount_recommended_pence: Pence | None = None
    planned_start_on: Day | None = None
    planned_end_on: Day | None = None


class GrantTransition(BaseModel):
    """One step of the lifecycle. `rejected` and `closed` need a `reason`; `approved` may set the award."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"to": "submitted"},
                {"to": "approved", "amount_awarded_pence": 1_250_000, "award_date": "2021-06-01"},
                {"to": "rejected", "reason": "Outside the stream's priorities this year."},
                {"to": "closed", "reason": "The organisation ceased trading."},
            ]
        },
    )

    to: GrantStatus
    reason: Reason | None = None
    amount_awarded_pence: PositivePence | None = Field(
        default=None, description="For `approved`: the award; default the recommended (else applied) amount."
    )
    award_date: Day | None = Field(default=None, description="For `approved`: default today (UK).")

    @model_validator(mode="after")
    def _reason_where_needed(self) -> Self:
        if self.to in (GrantStatus.REJECTED, GrantStatus.CLOSED) and not self.reason:
            raise ValueError(f"a reason is required to move a grant to {self.to.value}")
        if self.to is not GrantStatus.APPROVED and (self.amount_awarded_pence is not None or self.award_date):
            raise ValueError("amount_awarded_pence and award_date are only for approved")
        return self


class GrantEventRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    from_status: GrantStatus | None
    to_status: GrantStatus
    reason: str | None
    amount_awarded_pence: int | None
    actor: str = Field(description="Token subject of who made the step.")
    actor_name: str | None
    at: datetime


class GrantRead(BaseModel):
    """A grant. `remaining = awarded − paid − scheduled` (disbursements not yet paid nor cancelled)."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [_GRANT_EXAMPLE]})

    id: UUID
    title: str
    description: str
    status: GrantStatus
    recipient_organisation_id: UUID
    recipient_org_id: str = Field(validation_alias=AliasPath("recipient", "org_id"))
    recipient_name: str = Field(validation_alias=AliasPath("recipient", "name"))
    project_id: UUID | None
    budget_line_id: UUID | None
    allocation_id: UUID | None = Field(description="The formula allocation that created it, if any.")
    districts: list[str]
    currency: Currency
    amount_applied_pence: int
    amount_recommended_pence: int | None
    amount_awarded_pence: int | None
    paid_pence: int
    scheduled_pence: int
    remaining_pence: int | None
    people_referred: int = Field(
        default=0,
        description="Young people referred to the funded project through the referrals service and accepted by it "
        "(people receiving a service), counted once each.",
    )
    planned_start_on: date | None
    planned_end_on: date | None
    award_date: date | None
    regrant: bool = Field(description="A grant to a Community Safety Unit for onward delivery (360Giving regrant).")
    status_reason: str | None
    created_by: str
    submitted_by: str | None
    submitted_at: datetime | None
    decided_by: str | None
    decided_at: datetime | None
    illustrative: bool = Field(description="Seeded from the newsletter with a made-up amount.")
    version: int = Field(description='Bumped on every change; the ETag is `"v<version>"`.')
    created_at: datetime
    updated_at: datetime


class GrantDetail(GrantRead):
    """A grant with its history."""

    model_config = ConfigDict(json_schema_extra={"examples": [{**_GRANT_EXAMPLE, "history": []}]})

    history: list[GrantEventRead]


class Frequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"


class ScheduleCreate(BaseModel):
    """Split an award into instalments, exactly to the penny: the first instalments take the odd pennies."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"instalments": 3, "frequency": "quarterly", "first_due_on": "2020-07-01"}]},
    )

    instalments: StrictInt = Field(ge=1, le=60)
    frequency: Frequency
    first_due_on: Day
    amount_pence: PositivePence | None = Field(
        default=None, description="The amount to schedule; default what remains (awarded − paid − scheduled)."
    )


class DisbursementTransition(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"to": "approved"},
                {"to": "paid", "paid_on": "2020-07-03"},
                {"to": "cancelled", "reason": "…"},
            ]
        },
    )

    to: DisbursementStatus
    paid_on: Day | None = Field(default=None, description="For `paid`: default today (UK).")
    reason: Reason | None = None


class DisbursementRead(BaseModel):
    """One instalment: scheduled → approved → paid | cancelled."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f",
                    "grant_id": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                    "sequence": 1,
                    "due_on": "2020-07-01",
                    "amount_pence": 333_334,
                    "currency": "GBP",
                    "status": "scheduled",
                    "paid_on": None,
                    "reason": None,
                    "version": 1,
                    "created_at": "2020-06-02T09:00:00Z",
                    "updated_at": "2020-06-02T09:00:00Z",
                }
            ]
        },
    )

    id: UUID
    grant_id: UUID
    sequence: int
    due_on: date
    amount_pence: int
    currency: Currency
    status: DisbursementStatus
    paid_on: date | None
    reason: str | None
    version: int
    created_at: datetime
    updated_at: datetime


class MonitoringReturnSubmit(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "people_served": 27,
                    "sessions_delivered": 12,
                    "outcomes": "Weekly boxing sessions; two participants moved into college courses.",
                }
            ]
        },
    )

    people_served: StrictInt = Field(ge=0, le=1_000_000, description="People who received a service in the quarter.")
    sessions_delivered: StrictInt = Field(ge=0, le=100_000)
    outcomes: Text


class MonitoringReturnRead(BaseModel):
    """A quarterly monitoring return (financial-year quarters), due 30 days after the quarter ends."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "6c5b4a39-2817-4f6e-9d8c-7b6a59483726",
                    "grant_id": "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                    "period": "2020-21 Q2",
                    "quarter_start": "2020-07-01",
                    "quarter_end": "2020-09-30",
                    "due_on": "2020-10-30",
                    "people_served": 27,
                    "sessions_delivered": 12,
                    "outcomes": "…",
                    "submitted_at": "2020-10-12T09:00:00Z",
                    "submitted_by": "5f0c…",
                    "version": 2,
                    "amended_at": "2020-11-03T14:20:00Z",
                    "amended_by": "7a2d…",
                    "overdue": False,
                    "people_referred": 3,
                }
            ]
        },
    )

    id: UUID
    grant_id: UUID
    period: str
    quarter_start: date
    quarter_end: date
    due_on: date
    people_served: int | None
    sessions_delivered: int | None
    outcomes: str | None
    submitted_at: datetime | None
    submitted_by: str | None
    version: int = Field(
        validation_alias="figures_version",
        description="The figures' version: 0 before submission, 1 as submitted, one more per amendment. The figures "
        "shown (and every total derived from returns) are the latest version's; earlier ones are at "
        "`/v1/monitoring-returns/{id}/versions`.",
    )
    amended_at: datetime | None = Field(description="When the figures were last amended (None if never).")
    amended_by: str | None
    overdue: bool = Field(description="Not submitted and past `due_on`.")
    people_referred: int = Field(
        default=0,
        description="Young people referred through the referrals service and accepted by the project in the quarter, "
        "counted automatically (part of the people receiving a service).",
    )


class MonitoringReturnAmend(MonitoringReturnSubmit):
    """Corrected figures for a submitted return, and why: a new version (the earlier ones are kept)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "people_served": 29,
                    "sessions_delivered": 12,
                    "outcomes": "Weekly boxing sessions; two participants moved into college courses.",
                    "reason": "Two attendees' registration forms arrived after the return was submitted.",
                }
            ]
        },
    )

    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)] = Field(
        description="Why the figures are corrected (mandatory)."
    )


class MonitoringReturnVersionRead(BaseModel):
    """One version of a return's figures: the submission (version 1) or an amendment (with its reason)."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a",
                    "return_id": "6c5b4a39-2817-4f6e-9d8c-7b6a59483726",
                    "version": 2,
                    "people_served": 29,
                    "sessions_delivered": 12,
                    "outcomes": "…",
                    "reason": "Two attendees' registration forms arrived after the return was submitted.",
                    "recorded_by": "7a2d…",
                    "recorded_by_name": "Programme officer",
                    "recorded_at": "2020-11-03T14:20:00Z",
                }
            ]
        },
    )

    id: UUID
    return_id: UUID
    version: int
    people_served: int
    sessions_delivered: int
    outcomes: str
    reason: str | None = Field(description="Why it was amended; None for the submission (version 1).")
    recorded_by: str = Field(description="Who recorded it (the token's subject).")
    recorded_by_name: str | None = Field(description="Their display name at the time.")
    recorded_at: datetime
