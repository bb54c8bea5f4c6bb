from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from referrals.subject.models import DuplicateStatus

SUMMARY_EXAMPLE: dict[str, JsonValue] = {
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

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [SUMMARY_EXAMPLE]})

    id: UUID
    police_person_id: str | None
    given_name: str
    family_name: str
    date_of_birth: date | None
    possible_duplicate: bool = Field(description="An uncertain match with another subject awaits a person's decision.")
    merged_into_id: UUID | None = Field(description="Set when this record was confirmed a duplicate of that subject.")
    version: int
    created_at: datetime


class PossibleDuplicate(BaseModel):
    other_id: UUID = Field(description="The other subject this one may be.")
    reason: str = Field(examples=["same date of birth, similar name"])
    status: DuplicateStatus
    created_at: datetime
    resolved_at: datetime | None
    resolved_by: str | None


class SubjectBrief(BaseModel):
    """A young person's record as a possible duplicate shows it: enough to tell two records apart."""

    model_config = ConfigDict(from_attributes=True)

    id: UUID
    police_person_id: str | None
    given_name: str
    family_name: str
    date_of_birth: date | None
    created_at: datetime


_BRIEF_EXAMPLE: dict[str, JsonValue] = {
    k: v for k, v in SUMMARY_EXAMPLE.items() if k not in ("possible_duplicate", "merged_into_id", "version")
}


class PossibleDuplicatePair(BaseModel):
    """An open possible duplicate: two records that may be the same young person, awaiting an analyst's
    decision (`POST /v1/subjects/{subject_id}/duplicates/{other_id}/confirm` or `/split`)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "6f1d2c3b-4a59-4e8d-9c7b-1a2b3c4d5e6f",
                    "subject": _BRIEF_EXAMPLE,
                    "other": {
                        **_BRIEF_EXAMPLE,
                        "id": "8e7d6c5b-4a39-4281-9f0e-d1c2b3a49586",
                        "police_person_id": None,
                        "given_name": "Alec",
                    },
                    "reason": "same date of birth, similar name",
                    "created_at": "2026-11-21T07:00:05Z",
                }
            ]
        }
    )

    id: UUID = Field(description="The flag's id.")
    subject: SubjectBrief = Field(description="The newer record (`subject_id` in the confirm and split paths).")
    other: SubjectBrief = Field(description="The record it may be (`other_id`).")
    reason: str = Field(examples=["same date of birth, similar name"])
    created_at: datetime
