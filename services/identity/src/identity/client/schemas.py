from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, JsonValue, StrictBool, StringConstraints

from identity.agency.schemas import Slug
from identity.districts import Districts
from identity.person.schemas import DisplayName, Roles

Scope = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[a-z][a-z0-9_.:-]*$")]


Scopes = Annotated[
    list[Scope],
    Field(max_length=50, description="OAuth2 scopes the client may ask for.", examples=[["incidents:ingest"]]),
    AfterValidator(lambda values: sorted(set(values))),  # each once, sorted
]

_READ: dict[str, JsonValue] = {
    "id": "c3a1e2d4-5b6f-4a7e-8c9d-0e1f2a3b4c5d",
    "client_id": "police-crime-feed",
    "name": "Kent Police daily crime feed",
    "agency_id": "1f0c9a52-7d0e-5b8c-9a3e-0c4b7d2e6f11",
    "roles": ["analyst"],
    "districts": ["medway", "swale"],
    "scopes": ["incidents:ingest"],
    "active": True,
    "secret_rotated_at": "2026-11-21T09:30:00Z",
    "version": 1,
    "created_at": "2026-11-21T09:30:00Z",
    "updated_at": "2026-11-21T09:30:00Z",
}
_SECRET = "3q2-7wEXAMPLEONLYpP0aM1x2b3c4d5e6f7g8h9i0jkL"


class ApiClientCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "client_id": "police-crime-feed",
                    "name": "Kent Police daily crime feed",
                    "agency_id": "1f0c9a52-7d0e-5b8c-9a3e-0c4b7d2e6f11",
                    "roles": ["analyst"],
                    "districts": ["medway", "swale"],
                    "scopes": ["incidents:ingest"],
                }
            ]
        },
    )

    client_id: Slug
    name: DisplayName
    agency_id: UUID
    roles: Roles = []
    districts: Districts = []
    scopes: Scopes = []
    active: StrictBool = True


class ApiClientUpdate(BaseModel):
    """Fields to change; omitted fields keep their value. The `client_id` cannot change."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"active": False}]})

    name: DisplayName | None = None
    agency_id: UUID | None = None
    roles: Roles | None = None
    districts: Districts | None = None
    scopes: Scopes | None = None
    active: StrictBool | None = None


class ApiClientRead(BaseModel):
    """An API client. Its secret is never returned after it was issued."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [_READ]})

    id: UUID
    client_id: str
    name: str
    agency_id: UUID
    roles: list[str]
    districts: list[str]
    scopes: list[str]
    active: bool
    secret_rotated_at: datetime
    version: int
    created_at: datetime
    updated_at: datetime


class ApiClientCreated(ApiClientRead):
    """The new client with its secret: shown this once, store it now."""

    model_config = ConfigDict(
        from_attributes=True, json_schema_extra={"examples": [{**_READ, "client_secret": _SECRET}]}
    )

    client_secret: str = Field(description="Shown only in this response. Only a hash is kept.")


class ClientSecretIssued(BaseModel):
    """A new secret for a client; the previous one stopped working."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": _READ["id"],
                    "client_id": "police-crime-feed",
                    "client_secret": _SECRET,
                    "secret_rotated_at": "2026-11-22T10:00:00Z",
                }
            ]
        }
    )

    id: UUID
    client_id: str
    client_secret: str = Field(description="Shown only in this response. Only a hash is kept.")
    secret_rotated_at: datetime
