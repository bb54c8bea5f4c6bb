from datetime import date, datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, JsonValue, StringConstraints

from funding.organisation.models import ORG_ID_PATTERN, DueDiligenceOutcome, OrganisationKind, Register
from vru_shared.inputs import Day
from vru_shared.kent_medway import DistrictCode

OrgId = Annotated[
    str,
    StringConstraints(max_length=100, pattern=ORG_ID_PATTERN),
    Field(
        description="An org-id.guide identifier: list code and id, e.g. `GB-CHC-1234567` (charity), "
        "`GB-COH-09876543` (company), `GB-LAE-MDW` (local authority).",
        examples=["GB-CHC-1234567"],
    ),
]

_EXAMPLE: dict[str, JsonValue] = {
    "id": "4d7f0d1e-3c2b-5a19-8e7f-6a5b4c3d2e1f",
    "org_id": "GB-LAE-MDW",
    "name": "Medway Council",
    "kind": "council",
    "district": "medway",
    "csu": True,
    "illustrative": True,
    "created_at": "2026-11-21T09:30:00Z",
}


class OrganisationCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"org_id": "GB-CHC-1234567", "name": "Riverside Youth Trust", "kind": "charity"}]
        },
    )

    org_id: OrgId
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    kind: OrganisationKind
    district: DistrictCode | None = Field(default=None, description="The district it is based in, if one.")


class OrganisationRead(BaseModel):
    """An organisation the unit funds."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [_EXAMPLE]})

    id: UUID
    org_id: str = Field(description="org-id.guide identifier (used as the 360Giving recipient id).")
    name: str
    kind: OrganisationKind
    district: str | None
    csu: bool = Field(description="Hosts the district's Community Safety Unit: receives formula allocations.")
    illustrative: bool = Field(description="Seeded with a made-up identifier.")
    created_at: datetime


_CHECK_EXAMPLE: dict[str, JsonValue] = {
    "registry": "charity_commission",
    "register_number": "1234567",
    "register_status": "registered",
    "checked_on": "2026-11-30",
    "outcome": "pass",
    "notes": "Registered, accounts filed on time, no regulatory action; trustees checked against the register.",
}


class DueDiligenceCheckCreate(BaseModel):
    """A due-diligence check just made of an organisation."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_CHECK_EXAMPLE]})

    registry: Register = Field(
        description="The register it was checked in: `charity_commission`, `companies_house`, "
        "`local_authority` (a public body), `other`."
    )
    register_number: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)] = Field(
        description="The charity or company number (or the public body's code) checked."
    )
    register_status: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)] = Field(
        description="What the register showed, e.g. `registered`, `active`, `removed`, `dissolved`."
    )
    checked_on: Day = Field(description="The day the check was made (not in the future).")
    outcome: DueDiligenceOutcome = Field(description="`pass`: fit to receive a grant; `fail`: not.")
    notes: Annotated[str, StringConstraints(max_length=8000)] = ""


class DueDiligenceCheckRead(BaseModel):
    """A recorded due-diligence check, with whether it is current (passing and within the validity period)."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e9f",
                    "organisation_id": "4d7f0d1e-3c2b-5a19-8e7f-6a5b4c3d2e1f",
                    **_CHECK_EXAMPLE,
                    "checked_by": "officer-1",
                    "checked_by_name": "Programme officer",
                    "valid_until": "2027-11-30",
                    "created_at": "2026-11-30T10:00:00Z",
                }
            ]
        },
    )

    id: UUID
    organisation_id: UUID
    registry: Register = Field(validation_alias="register")
    register_number: str
    register_status: str
    checked_on: date
    outcome: DueDiligenceOutcome
    notes: str
    checked_by: str
    checked_by_name: str | None
    valid_until: date = Field(description="The last day a passing check counts for approving a grant.")
    created_at: datetime
