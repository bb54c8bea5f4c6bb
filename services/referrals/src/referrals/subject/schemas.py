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
