from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from referrals.incident.models import Incident, PersonRole, ScreeningDecision, ScreeningSource
from vru_shared.exports import Column, Kind

PERSON_EXAMPLE: dict[str, JsonValue] = {
    "role": "victim",
    "police_person_id": "KP-000123",
    "given_name": "Alex",
    "family_name": "Example",
    "date_of_birth": "2002-03-14",
    "home_district": "swale",
}


class PersonRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    role: PersonRole
    police_person_id: str | None
    given_name: str
    family_name: str
    date_of_birth: date | None
    age: int | None
    age_on_day: int = Field(description="Age on the day of the incident.")
    home_district: str | None = Field(description="District code where the person lives.")
    subject_id: UUID | None = Field(description="The young person (subject) matched; null for people over 25.")


class ScreeningRead(BaseModel):
    decision: ScreeningDecision = Field(description="`in`: the incident is in a Serious Violence Review.")
    source: ScreeningSource = Field(description="`manual` decisions stick; automatic screening never overrides them.")
    reason: str | None
    by: str | None = Field(description="Token subject of the analyst who screened by hand.")
    at: datetime | None


class IncidentChangeRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    changed_at: datetime
    changed_by: str
    changes: dict[str, Any] = Field(examples=[{"location": {"from": "High St", "to": "High Street, Sittingbourne"}}])


_SUBJECT_ID = "3d2c1b0a-9f8e-4d7c-b6a5-948372615a0b"
#: An incident as reported (the example of a crime report, and of what is held).
REPORTED_EXAMPLE: dict[str, JsonValue] = {
    "crime_reference": "46/123456/26",
    "occurred_at": "2026-11-20T22:40:00Z",
    "district": "swale",
    "category": "robbery",
    "weapon_knife": True,
    "weapon_firearm": False,
    "location": "High Street, Sittingbourne",
}
_INCIDENT_EXAMPLE: dict[str, JsonValue] = {
    "id": "0c7f3e0a-6b1d-4f59-9a51-2f1e3d4c5b6a",
    **REPORTED_EXAMPLE,
    "screening": {"decision": "in", "source": "automatic", "reason": None, "by": None, "at": None},
    "review_id": "5b9c1f0e-2a3d-4c5b-8e7f-6a5b4c3d2e1f",
    "version": 1,
    "created_at": "2026-11-21T07:00:00Z",
    "updated_at": "2026-11-21T07:00:00Z",
}


class IncidentSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [_INCIDENT_EXAMPLE]})

    id: UUID
    crime_reference: str
    occurred_at: datetime
    district: str = Field(description="District code.")
    category: str = Field(description="Offence category code.")
    weapon_knife: bool
    weapon_firearm: bool
    location: str
    screening: ScreeningRead = Field(validation_alias="screening_read")
    review_id: UUID | None = Field(description="The Serious Violence Review this incident is part of.")
    version: int
    created_at: datetime
    updated_at: datetime


class IncidentRead(IncidentSummary):
    """An incident with the people involved and the history of changes from re-sent reports."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    **_INCIDENT_EXAMPLE,
                    "people": [{**PERSON_EXAMPLE, "age": None, "age_on_day": 24, "subject_id": _SUBJECT_ID}],
                    "changes": [],
                }
            ]
        },
    )

    people: list[PersonRead]
    changes: list[IncidentChangeRead]
    view: Literal["full", "residents"] = Field(
        default="full",
        description="`full`; or `residents` for a coordinator reading an incident in another district because "
        "someone involved lives in one of theirs: only those residents are in `people`, the others are counted in "
        "`people_withheld`, and `changes` (which name everyone) is empty.",
    )
    people_withheld: int = Field(default=0, description="People involved who are not shown (the `residents` view).")


class CrimeReferenceCheck(BaseModel):
    """Whether an incident with this crime reference is held. No personal data."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"crime_reference": "46/123456/26", "known": True}]})

    crime_reference: str
    known: bool


#: The columns of the incident export (``GET /v1/incidents/export``), in this order (docs/referrals.md, "Exports").
EXPORT_COLUMNS: list[Column[Incident]] = [
    Column("id", lambda i: i.id),
    Column("crime_reference", lambda i: i.crime_reference),
    Column("occurred_at", lambda i: i.occurred_at, Kind.DATETIME),
    Column("district", lambda i: i.district),
    Column("category", lambda i: i.category),
    Column("weapon_knife", lambda i: i.weapon_knife),
    Column("weapon_firearm", lambda i: i.weapon_firearm),
    Column("location", lambda i: i.location),
    Column("screening", lambda i: i.screening),
    Column("screening_source", lambda i: i.screening_source),
    Column("screening_reason", lambda i: i.screening_reason),
    Column("review_id", lambda i: i.review_id),
    Column("created_at", lambda i: i.created_at, Kind.DATETIME),
    Column("updated_at", lambda i: i.updated_at, Kind.DATETIME),
]
