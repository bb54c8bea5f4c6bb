from datetime import datetime
from uuid import UUID

from pydantic import AliasPath, BaseModel, ConfigDict, Field

from referrals.incident.models import PersonRole
from referrals.referral.models import ReferralStatus
from referrals.referral.schemas import Destination
from referrals.review.models import ReviewStatus
from referrals.subject.schemas import SUMMARY_EXAMPLE, PossibleDuplicate, SubjectSummary


class SubjectIncident(BaseModel):
    # read from the young person as involved in the incident (role, age) and from the incident
    model_config = ConfigDict(from_attributes=True)

    id: UUID = Field(validation_alias=AliasPath("incident", "id"))
    crime_reference: str = Field(validation_alias=AliasPath("incident", "crime_reference"))
    occurred_at: datetime = Field(validation_alias=AliasPath("incident", "occurred_at"))
    district: str = Field(validation_alias=AliasPath("incident", "district"))
    category: str = Field(validation_alias=AliasPath("incident", "category"))
    role: PersonRole
    age_on_day: int


class SubjectReview(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    status: ReviewStatus
    area: str = Field(description="Coordinator area code.")
    created_at: datetime


class SubjectReferral(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    status: ReferralStatus
    destination: Destination
    created_at: datetime


class SubjectRead(SubjectSummary):
    """A young person's page: incidents, reviews, referrals and possible duplicates."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    **SUMMARY_EXAMPLE,
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
        },
    )

    incidents: list[SubjectIncident]
    reviews: list[SubjectReview]
    referrals: list[SubjectReferral]
    possible_duplicates: list[PossibleDuplicate]
