from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, JsonValue, StringConstraints

from identity.agency.models import AgencyKind

Slug = Annotated[
    str,
    StringConstraints(min_length=2, max_length=64, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$"),
    Field(description="Lower-case letters, digits and hyphens; stable, used by other systems."),
]
AgencyName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]

_EXAMPLE: dict[str, JsonValue] = {
    "id": "1f0c9a52-7d0e-5b8c-9a3e-0c4b7d2e6f11",
    "code": "kent-police",
    "name": "Kent Police",
    "kind": "police",
    "version": 1,
    "created_at": "2026-11-21T09:30:00Z",
    "updated_at": "2026-11-21T09:30:00Z",
}


class AgencyCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"code": "kent-police", "name": "Kent Police", "kind": "police"}]},
    )

    code: Slug
    name: AgencyName
    kind: AgencyKind


class AgencyUpdate(BaseModel):
    """Fields to change; omitted fields keep their value. The code cannot change."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"name": "Kent Police (Force HQ)"}]})

    name: AgencyName | None = None
    kind: AgencyKind | None = None


class AgencyRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [_EXAMPLE]})

    id: UUID
    code: str
    name: str
    kind: AgencyKind
    version: int = Field(description='Bumped on every change; the record\'s ETag is `"v<version>"`.')
    created_at: datetime
    updated_at: datetime
