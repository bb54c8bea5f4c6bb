from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from referrals.audit.schemas import AuditEntryRead
from referrals.meeting.schemas import ActionRead
from referrals.referral.schemas import ReferralRead
from referrals.review.schemas import ReviewEventRead
from referrals.subject.schemas import PossibleDuplicate
from referrals.support.schemas import SupportPlanRead


class SubjectRecord(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    police_person_id: str | None
    given_name: str
    family_name: str
    date_of_birth: date | None
    merged_into_id: UUID | None
    created_at: datetime
    updated_at: datetime


class IncidentRecord(BaseModel):
    """An incident the young person was involved in, with them as the crime report recorded them."""

    incident_id: UUID
    crime_reference: str
    occurred_at: datetime
    district: str
    category: str
    weapon_knife: bool
    weapon_firearm: bool
    location: str
    role: str
    police_person_id: str | None
    given_name: str
    family_name: str
    date_of_birth: date | None
    age: int | None
    age_on_day: int
    home_district: str | None
    subject_id: UUID = Field(description="Which of the young person's records (the main one or a merged one).")


class ReviewRecord(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    status: str
    area: str
    outcome_reason: str | None
    forum_case_ref: str | None
    created_at: datetime
    closed_at: datetime | None
    events: list[ReviewEventRead]


class DecisionRecord(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    meeting_id: UUID
    referral_id: UUID
    decision: str
    recorded_at: datetime


class SubjectAccessExport(BaseModel):
    """Everything held about one young person (DPA 2018 / UK GDPR subject access)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "generated_at": "2026-12-01T10:00:00Z",
                    "subject": {
                        "id": "3d2c1b0a-9f8e-4d7c-b6a5-948372615a0b",
                        "police_person_id": "KP-000123",
                        "given_name": "Alex",
                        "family_name": "Example",
                        "date_of_birth": "2010-03-14",
                        "merged_into_id": None,
                        "created_at": "2026-11-20T07:00:00Z",
                        "updated_at": "2026-11-20T07:00:00Z",
                    },
                    "merged_records": [],
                    "incidents": [],
                    "reviews": [],
                    "referrals": [],
                    "meeting_decisions": [],
                    "actions": [],
                    "support_plans": [],
                    "possible_duplicates": [],
                    "audit_entries": [],
                }
            ]
        }
    )

    generated_at: datetime
    subject: SubjectRecord
    merged_records: list[SubjectRecord] = Field(description="Records confirmed to be the same young person.")
    incidents: list[IncidentRecord]
    reviews: list[ReviewRecord]
    referrals: list[ReferralRead]
    meeting_decisions: list[DecisionRecord]
    actions: list[ActionRead]
    support_plans: list[SupportPlanRead]
    possible_duplicates: list[PossibleDuplicate]
    audit_entries: list[AuditEntryRead] = Field(description="Who read or changed these records, and why.")


class RetentionCandidate(BaseModel):
    """A young person whose records are past their retention period and have nothing open."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "subject_id": "3d2c1b0a-9f8e-4d7c-b6a5-948372615a0b",
                    "last_activity_at": "2019-05-02T10:00:00Z",
                    "retain_until": "2025-05-02",
                    "created_at": "2019-04-01T07:00:00Z",
                }
            ]
        }
    )

    subject_id: UUID
    last_activity_at: datetime
    retain_until: date = Field(description="When the retention period ended.")
    created_at: datetime


class ErasureReason(StrEnum):
    RETENTION_PERIOD_ENDED = "retention_period_ended"
    ERASURE_REQUEST = "erasure_request"
    RECORDED_IN_ERROR = "recorded_in_error"


class ErasureRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"subject_id": "3d2c1b0a-9f8e-4d7c-b6a5-948372615a0b", "reason": "retention_period_ended"}]
        },
    )

    subject_id: UUID
    reason: ErasureReason = Field(description="Why (a category: free text could itself hold personal data).")


class ErasureResult(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "subject_id": "3d2c1b0a-9f8e-4d7c-b6a5-948372615a0b",
                    "erased_at": "2026-12-01T10:05:00Z",
                    "reason": "retention_period_ended",
                    "erased": {"subjects": 1, "incident_people": 2, "incidents": 1, "referrals": 2},
                }
            ]
        }
    )

    subject_id: UUID
    erased_at: datetime
    reason: ErasureReason
    erased: dict[str, int] = Field(description="How many records of each kind were deleted.")
