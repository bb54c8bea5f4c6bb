from datetime import date, datetime
from typing import Self
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, JsonValue, model_validator

from referrals.fields import Code, ShortText, Text
from referrals.plausible import CaseworkDay
from referrals.support.models import InterventionKind, InterventionStatus, PlanStatus

_INTERVENTION_EXAMPLE: dict[str, JsonValue] = {
    "id": "0a9b8c7d-6e5f-4a3b-9c1d-2e3f4a5b6c7d",
    "kind": "substance_misuse_support",
    "provider_agency": "substance-misuse-service",
    "provider": "Young People's Substance Misuse Service",
    "description": "Weekly one-to-one sessions.",
    "starts_on": "2026-11-30",
    "ends_on": None,
    "status": "active",
    "outcome": None,
    "updated_at": "2026-11-30T10:00:00Z",
    "version": 2,
}


class InterventionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [_INTERVENTION_EXAMPLE]})

    id: UUID
    kind: InterventionKind
    provider_agency: str | None = Field(description="Partner agency code of the provider, when it is one.")
    provider: str = Field(description="Who provides it.")
    description: str | None
    starts_on: date
    ends_on: date | None
    status: InterventionStatus
    outcome: str | None
    updated_at: datetime
    version: int = Field(description='The ETag is `"v<version>"`.')


class InterventionCreate(BaseModel):
    """An intervention agreed for the young person. `provider` defaults to the provider agency's name."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "kind": "electronic_tag",
                    "provider": "Electronic monitoring provider (via Youth Justice)",
                    "provider_agency": "youth-justice-service",
                    "starts_on": "2026-11-25",
                    "status": "active",
                }
            ]
        },
    )

    kind: InterventionKind
    provider_agency: Code | None = None
    provider: ShortText | None = None
    description: Text | None = None
    starts_on: CaseworkDay
    ends_on: CaseworkDay | None = None
    status: InterventionStatus = InterventionStatus.PLANNED
    outcome: Text | None = None

    @model_validator(mode="after")
    def _valid(self) -> Self:
        if self.provider is None and self.provider_agency is None:
            raise ValueError("give provider or provider_agency")
        _check(self.starts_on, self.ends_on, self.status, self.outcome)
        return self


def _check(
    starts_on: date | None, ends_on: date | None, status: InterventionStatus | None, outcome: str | None
) -> None:
    if starts_on and ends_on and ends_on < starts_on:
        raise ValueError("ends_on is before starts_on")
    if status in (InterventionStatus.COMPLETED, InterventionStatus.STOPPED) and not outcome:
        raise ValueError(f"an outcome is required when the intervention is {status.value}")


class InterventionUpdate(BaseModel):
    """Record progress: a new status (an outcome is required to complete or stop), end date, outcome."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"status": "completed", "ends_on": "2027-02-26", "outcome": "Tag removed; no further approaches."}
            ]
        },
    )

    status: InterventionStatus | None = None
    ends_on: CaseworkDay | None = None
    outcome: Text | None = None
    description: Text | None = None

    @model_validator(mode="after")
    def _something(self) -> Self:
        if not self.model_fields_set:
            raise ValueError("nothing to change")
        return self


_PLAN_EXAMPLE: dict[str, JsonValue] = {
    "id": "9e8d7c6b-5a49-4837-a261-5f4e3d2c1b0a",
    "subject_id": "3d2c1b0a-9f8e-4d7c-b6a5-948372615a0b",
    "referral_id": "8f1e2d3c-4b5a-4697-8877-665544332211",
    "status": "active",
    "summary": "Safety network after criminal exploitation.",
    "created_at": "2026-11-24T12:00:00Z",
    "updated_at": "2026-11-24T12:00:00Z",
    "closed_at": None,
    "version": 1,
}


class SupportPlanSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [_PLAN_EXAMPLE]})

    id: UUID
    subject_id: UUID
    referral_id: UUID | None
    status: PlanStatus
    summary: str
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None
    version: int = Field(description='The ETag is `"v<version>"`.')


class SupportPlanRead(SupportPlanSummary):
    """A support plan with its interventions."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={"examples": [{**_PLAN_EXAMPLE, "interventions": [_INTERVENTION_EXAMPLE]}]},
    )

    interventions: list[InterventionRead]


class SupportPlanCreate(BaseModel):
    """A young person's support plan (one active plan each), optionally from a referral."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "subject_id": "3d2c1b0a-9f8e-4d7c-b6a5-948372615a0b",
                    "referral_id": "8f1e2d3c-4b5a-4697-8877-665544332211",
                    "summary": "Safety network after criminal exploitation.",
                }
            ]
        },
    )

    subject_id: UUID
    referral_id: UUID | None = None
    summary: Text


class SupportPlanUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"status": "closed"}, {"summary": "Updated plan."}]}
    )

    summary: Text | None = None
    status: PlanStatus | None = None

    @model_validator(mode="after")
    def _something(self) -> Self:
        if not self.model_fields_set:
            raise ValueError("nothing to change")
        for name in self.model_fields_set:
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be cleared")
        return self
