from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, JsonValue, StringConstraints

from funding.organisation.models import ORG_ID_PATTERN, OrganisationKind
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
