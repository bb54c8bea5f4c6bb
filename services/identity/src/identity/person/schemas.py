import re
from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, JsonValue, StrictBool, StringConstraints

from identity.districts import Districts
from vru_shared.auth import Role

EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _email(value: str) -> str:
    value = value.strip().lower()
    if not EMAIL_PATTERN.match(value):
        raise ValueError("Not a valid e-mail address")
    return value


Email = Annotated[
    str,
    StringConstraints(max_length=254),
    AfterValidator(_email),
    Field(
        description="The login; compared case-insensitively and stored lower-case.", examples=["analyst@example.org"]
    ),
]
DisplayName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Password = Annotated[
    str,
    StringConstraints(min_length=12, max_length=256),
    Field(description="At least 12 characters. Never returned.", examples=["correct horse battery"]),
]
Roles = Annotated[
    list[Role],
    Field(max_length=len(Role), description="Roles this account holds (see DESIGN §7)."),
    AfterValidator(lambda values: sorted(set(values))),  # each once, sorted
]

_EXAMPLE: dict[str, JsonValue] = {
    "id": "8d6a7c3e-2b1f-4e5d-9c0a-1b2c3d4e5f60",
    "email": "coordinator.medway-swale@example.org",
    "display_name": "Medway & Swale coordinator",
    "agency_id": "1f0c9a52-7d0e-5b8c-9a3e-0c4b7d2e6f11",
    "roles": ["coordinator"],
    "districts": ["medway", "swale"],
    "active": True,
    "has_password": True,
    "failed_attempts": 0,
    "locked_until": None,
    "last_login_at": "2026-11-21T09:30:00Z",
    "version": 3,
    "created_at": "2026-11-01T09:00:00Z",
    "updated_at": "2026-11-21T09:30:00Z",
}


class PersonCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "email": "coordinator.medway-swale@example.org",
                    "display_name": "Medway & Swale coordinator",
                    "agency_id": "1f0c9a52-7d0e-5b8c-9a3e-0c4b7d2e6f11",
                    "roles": ["coordinator"],
                    "districts": ["medway", "swale"],
                    "password": "a long passphrase here",
                }
            ]
        },
    )

    email: Email
    display_name: DisplayName
    agency_id: UUID
    roles: Roles = []
    districts: Districts = []
    password: Password | None = Field(
        default=None, description="Optional: without one the person can only sign in through an external issuer."
    )
    active: StrictBool = True


class PersonUpdate(BaseModel):
    """Fields to change; omitted fields keep their value. A new password also resets the failed-login count."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"roles": ["coordinator", "analyst"], "districts": ["medway"]}]},
    )

    display_name: DisplayName | None = None
    agency_id: UUID | None = None
    roles: Roles | None = None
    districts: Districts | None = None
    active: StrictBool | None = None
    password: Password | None = None


class PersonRead(BaseModel):
    """A person as the admin sees them. The password hash is never returned."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [_EXAMPLE]})

    id: UUID
    email: str
    display_name: str
    agency_id: UUID
    roles: list[Role]
    districts: list[str]
    active: bool
    has_password: bool = Field(description="Whether the person can log in with a password here.")
    failed_attempts: int = Field(
        description="Failed logins since the last success (from any address; for the administrator's eyes)."
    )
    locked_until: datetime | None = Field(
        description="Always null since logins stopped locking accounts (kept for compatibility)."
    )
    last_login_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime


class ContactRead(BaseModel):
    """Whom the notifications service may send an e-mail notice to: the address, and the roles and districts that
    decide which notices."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "5b1e7d2a-3c4f-4a6b-8e9d-0f1a2b3c4d5e",
                    "email": "coordinator@example.org",
                    "roles": ["coordinator"],
                    "districts": ["swale"],
                }
            ]
        },
    )

    id: UUID
    email: str
    roles: list[str]
    districts: list[str]


class GuardianRead(BaseModel):
    """A pack-site guardian as those who assign guardians see them: who they are, nothing more."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "5b1e7d2a-3c4f-4a6b-8e9d-0f1a2b3c4d5e",
                    "display_name": "Pack guardian (example)",
                    "email": "guardian@example.org",
                }
            ]
        },
    )

    id: UUID = Field(description="Their person id: the `subject` of `PUT /v1/sites/{site_id}/guardians/{subject}`.")
    display_name: str
    email: str
