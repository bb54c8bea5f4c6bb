from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from referrals.incident.models import PersonRole
from referrals.referral.models import ReferralStatus
from referrals.referral.schemas import Destination
from referrals.review.models import ReviewStatus
from referrals.subject.models import DuplicateStatus

_SUMMARY_EXAMPLE: dict[str, JsonValue] = {
    "id": "3d2c1b0a-9f8e-4d7c-b6a5-948372615a0b",
    "police_person_id": "KP-000123",
    "given_name": "Alex",
    "family_name": "Example",
    "date_of_birth": "2002-03-14",
    "possible_duplicate": True,
    "merged_into_id": None,
    "version": 1,
    "created_at": "2026-11-21T07:00:00Z",
}


class SubjectSummary(BaseModel):
    """A young person matched across incidents."""

    model_config = ConfigDict(json_schema_extra={"examples": [_SUMMARY_EXAMPLE]})

    id: UUID
    police_person_id: str | None
    given_name: str
    family_name: str
    date_of_birth: date | None
    possible_duplicate: bool = Field(description="An uncertain match with another subject awaits a person's decision.")
    merged_into_id: UUID | None = Field(description="Set when this record was confirmed a duplicate of that subject.")
    version: int
    created_at: datetime


class SubjectIncident(BaseModel):
    id: UUID
    crime_reference: str
    occurred_at: datetime
    district: str
    category: str
    role: PersonRole
    age_on_day: int


class SubjectReview(BaseModel):
    id: UUID
    status: ReviewStatus
    area: str = Field(description="Coordinator area code.")
    created_at: datetime


class SubjectReferral(BaseModel):
    id: UUID
    status: ReferralStatus
    destination: Destination
    created_at: datetime


class PossibleDuplicate(BaseModel):
    other_id: UUID = Field(description="The other subject this one may be.")
    reason: str = Field(examples=["same date of birth, similar name"])
    status: DuplicateStatus
    created_at: datetime
    resolved_at: datetime | None
    resolved_by: str | None


class SubjectRead(SubjectSummary):
    """A young person's page: incidents, reviews, referrals and possible duplicates."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **_SUMMARY_EXAMPLE,
                    "incidents": [
                        {
                            "id": "0c7f3e0a-6b1d-4f59-9a51-2f1e3d4c5b6a",
                            "crime_reference": "46/123456/26",
                            "occurred_at": "2026-11-20T22:40:00Z",
                            "district": "swale",
                            "category": "robbery",
                            "role": "victim",
                            "age_on_day": 24,
                        }
                    ],
                    "reviews": [
                        {
                            "id": "5b9c1f0e-2a3d-4c5b-8e7f-6a5b4c3d2e1f",
                            "status": "new",
                            "area": "medway-swale",
                            "created_at": "2026-11-21T07:00:00Z",
                        }
                    ],
                    "referrals": [
                        {
                            "id": "8f1e2d3c-4b5a-4697-8877-665544332211",
                            "status": "sent",
                            "destination": {
                                "kind": "forum",
                                "code": "mam-medway-swale",
                                "name": "VRU multi-agency meeting, Medway & Swale",
                            },
                            "created_at": "2026-11-21T09:00:00Z",
                        }
                    ],
                    "possible_duplicates": [
                        {
                            "other_id": "7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a098",
                            "reason": "same date of birth, similar name",
                            "status": "open",
                            "created_at": "2026-11-21T07:00:00Z",
                            "resolved_at": None,
                            "resolved_by": None,
                        }
                    ],
                }
            ]
        }
    )

    incidents: list[SubjectIncident]
    reviews: list[SubjectReview]
    referrals: list[SubjectReferral]
    possible_duplicates: list[PossibleDuplicate]
