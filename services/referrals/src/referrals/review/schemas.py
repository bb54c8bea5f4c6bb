from datetime import date, datetime
from typing import Annotated, Self
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, JsonValue, StringConstraints, model_validator

from referrals.review.models import ReviewEventKind, ReviewStatus
from vru_shared.exports import Column, Kind

_SUMMARY_EXAMPLE: dict[str, JsonValue] = {
    "id": "5b9c1f0e-2a3d-4c5b-8e7f-6a5b4c3d2e1f",
    "status": "in_review",
    "area": "medway-swale",
    "district": "swale",
    "districts": ["canterbury", "medway", "swale"],
    "incident_count": 2,
    "subject_count": 1,
    "forum_case_ref": None,
    "outcome_reason": None,
    "created_at": "2026-11-09T07:00:00Z",
    "updated_at": "2026-11-10T09:12:00Z",
    "closed_at": None,
    "due_on": "2026-11-23",
    "overdue": False,
    "version": 3,
}


class ReviewSummary(BaseModel):
    """A Serious Violence Review in the coordinators' queue."""

    model_config = ConfigDict(json_schema_extra={"examples": [_SUMMARY_EXAMPLE]})

    id: UUID
    status: ReviewStatus
    area: str = Field(description="Code of the coordinator area it is routed to (the first incident's district).")
    district: str = Field(description="Code of the district of the incident that opened it.")
    districts: list[str] = Field(
        description="Every district drawn in: the incidents' districts and where the people involved live."
    )
    incident_count: int
    subject_count: int = Field(description="Young people (25 or under) in the review.")
    forum_case_ref: str | None = Field(description="For `already_managed`: the existing forum case reference.")
    outcome_reason: str | None = Field(description="The reason given for the outcome (required for NFA).")
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None
    due_on: date = Field(description="Target date: the configured number of working days (Mon–Fri) after opening.")
    overdue: bool = Field(description="Not closed and past `due_on`.")
    version: int = Field(description='Bumped on every change; the ETag is `"v<version>"`.')


class ReviewIncident(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    crime_reference: str
    occurred_at: datetime
    district: str
    category: str
    weapon_knife: bool
    weapon_firearm: bool


class ReviewSubjectRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    given_name: str
    family_name: str
    date_of_birth: date | None


class ReviewEventRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    kind: ReviewEventKind
    from_status: ReviewStatus | None
    to_status: ReviewStatus | None
    reason: str | None
    forum_case_ref: str | None
    incident_id: UUID | None
    actor: str = Field(description="Token subject of who did it (the importing client for intake events).")
    actor_name: str | None
    at: datetime


class ReviewRead(ReviewSummary):
    """A review with its incidents, young people and history (who did what, when)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **_SUMMARY_EXAMPLE,
                    "incidents": [
                        {
                            "id": "0c7f3e0a-6b1d-4f59-9a51-2f1e3d4c5b6a",
                            "crime_reference": "46/123456/26",
                            "occurred_at": "2026-11-08T22:40:00Z",
                            "district": "swale",
                            "category": "robbery",
                            "weapon_knife": True,
                            "weapon_firearm": False,
                        }
                    ],
                    "subjects": [
                        {
                            "id": "3d2c1b0a-9f8e-4d7c-b6a5-948372615a0b",
                            "given_name": "Alex",
                            "family_name": "Example",
                            "date_of_birth": "2002-03-14",
                        }
                    ],
                    "events": [
                        {
                            "kind": "transition",
                            "from_status": "new",
                            "to_status": "in_review",
                            "reason": None,
                            "forum_case_ref": None,
                            "incident_id": None,
                            "actor": "9b2e4c1d-3f5a-4e6b-8c7d-0a1b2c3d4e5f",
                            "actor_name": "Coordinator (example.org)",
                            "at": "2026-11-10T09:12:00Z",
                        }
                    ],
                }
            ]
        }
    )

    incidents: list[ReviewIncident]
    subjects: list[ReviewSubjectRead]
    events: list[ReviewEventRead]


Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=2000)]


class ReviewTransition(BaseModel):
    """Move a review one step: new → in_review → referred | already_managed | no_further_action → closed."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"to": "in_review"},
                {"to": "no_further_action", "reason": "Incident was a misunderstanding between friends; no risk."},
                {"to": "already_managed", "forum_case_ref": "DCSM-SW-2026-041"},
            ]
        },
    )

    to: ReviewStatus
    reason: Reason | None = Field(default=None, description="Why. Required for `no_further_action`.")
    forum_case_ref: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)] | None = (
        Field(default=None, description="Required for `already_managed`: the existing forum case reference.")
    )

    @model_validator(mode="after")
    def _required_details(self) -> Self:
        if self.to is ReviewStatus.NO_FURTHER_ACTION and not self.reason:
            raise ValueError("a reason is required for no further action")
        if self.to is ReviewStatus.ALREADY_MANAGED and not self.forum_case_ref:
            raise ValueError("forum_case_ref is required for already managed (the existing forum case)")
        if self.forum_case_ref and self.to is not ReviewStatus.ALREADY_MANAGED:
            raise ValueError("forum_case_ref is only for already managed")
        return self


#: The columns of the review queue export (``GET /v1/reviews/export``), in this order (docs/referrals.md,
#: "Exports"). ``districts`` is the codes separated by spaces.
EXPORT_COLUMNS: list[Column[ReviewSummary]] = [
    Column("id", lambda r: r.id),
    Column("status", lambda r: r.status.value),
    Column("area", lambda r: r.area),
    Column("district", lambda r: r.district),
    Column("districts", lambda r: " ".join(r.districts)),
    Column("incident_count", lambda r: r.incident_count, Kind.NUMBER),
    Column("subject_count", lambda r: r.subject_count, Kind.NUMBER),
    Column("due_on", lambda r: r.due_on, Kind.DATE),
    Column("overdue", lambda r: r.overdue),
    Column("forum_case_ref", lambda r: r.forum_case_ref),
    Column("outcome_reason", lambda r: r.outcome_reason),
    Column("created_at", lambda r: r.created_at, Kind.DATETIME),
    Column("updated_at", lambda r: r.updated_at, Kind.DATETIME),
    Column("closed_at", lambda r: r.closed_at, Kind.DATETIME),
]
