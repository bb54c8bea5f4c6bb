from datetime import datetime
from typing import Annotated, Self
from uuid import UUID

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    StrictBool,
    StrictFloat,
    StringConstraints,
    model_validator,
)

from etp_inventory.location.models import CabinetType, LocationKind
from vru_shared.kent_medway import DistrictCode

#: A UK postcode, e.g. "ME4 4TR" (normalised to upper case with one space).
Postcode = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        to_upper=True,
        pattern=r"^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$",
    ),
]
Text200 = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
LockCode = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=32)]
Email = Annotated[str, StringConstraints(strip_whitespace=True, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
Phone = Annotated[str, StringConstraints(strip_whitespace=True, min_length=5, max_length=40, pattern=r"^[0-9 +()-]+$")]


def _postcode(value: str) -> str:
    value = value.replace(" ", "").upper()
    return f"{value[:-3]} {value[-3:]}"


class LocationRead(BaseModel):
    """A place packs can be, with how many packs are there now (counted from the movement ledger)."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "0f2b4c6d-8e0a-5b1c-9d3e-5f7a9b1c3d5e",
                    "kind": "csp",
                    "district": "medway",
                    "name": "Medway Community Safety Partnership",
                    "on_hand": 38,
                }
            ]
        },
    )

    id: UUID
    kind: LocationKind
    district: str | None = Field(description="District code; `null` for the central store.")
    name: str
    on_hand: int = Field(description="Packs here now: movements in minus movements out.")


class GuardianRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    subject: str = Field(description="The guardian's person id (token `sub`).")
    name: str | None
    assigned_at: datetime


class GuardianAssign(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"name": "Sam Example (guardian)"}]})

    name: Text200 | None = Field(default=None, description="How the guardian is known at the site.")


class _SiteFields(BaseModel):
    name: Text200
    address: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=500)]
    postcode: Postcode
    latitude: StrictFloat = Field(ge=49.0, le=61.0, description="WGS84 latitude (the UK).", examples=[51.3892])
    longitude: StrictFloat = Field(ge=-9.0, le=2.5, description="WGS84 longitude (the UK).", examples=[0.5405])
    access_hours: Text200 | None = Field(default=None, examples=["24/7"])
    cabinet_type: CabinetType
    lock_code: LockCode | None = Field(default=None, description="Required for `locked_cabinet`.")
    is_public: StrictBool = Field(default=False, description="Shown on the public map and in the open-data export.")
    contact_name: Text200 | None = None
    contact_phone: Phone | None = None
    contact_email: Email | None = None


SITE_EXAMPLE: dict[str, JsonValue] = {
    "district": "medway",
    "name": "Chatham Waterfront bus station",
    "address": "Globe Lane, Chatham",
    "postcode": "ME4 4QW",
    "latitude": 51.3838,
    "longitude": 0.5243,
    "access_hours": "24/7",
    "cabinet_type": "locked_cabinet",
    "lock_code": "C1234",
    "is_public": True,
    "contact_name": "Station supervisor",
    "contact_phone": "01634 000000",
    "contact_email": "station@example.org",
}


class SiteCreate(_SiteFields):
    """A business or public place where a CSP keeps packs."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [SITE_EXAMPLE]})

    district: DistrictCode = Field(description="The district; the site belongs to that district's CSP.")

    @model_validator(mode="after")
    def _lock_code(self) -> Self:
        self.postcode = _postcode(self.postcode)
        if self.cabinet_type is CabinetType.LOCKED_CABINET and not self.lock_code:
            raise ValueError("a locked cabinet needs its lock_code")
        return self


class SiteUpdate(BaseModel):
    """Change some of a site's details (fields left out are unchanged; `null` clears an optional one)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"access_hours": "Mon-Sat 07:00-23:00", "lock_code": "C9876"}]},
    )

    name: Text200 | None = None
    address: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=500)] | None = None
    postcode: Postcode | None = None
    latitude: StrictFloat | None = Field(default=None, ge=49.0, le=61.0)
    longitude: StrictFloat | None = Field(default=None, ge=-9.0, le=2.5)
    access_hours: Text200 | None = None
    cabinet_type: CabinetType | None = None
    lock_code: LockCode | None = None
    is_public: StrictBool | None = None
    contact_name: Text200 | None = None
    contact_phone: Phone | None = None
    contact_email: Email | None = None

    @model_validator(mode="after")
    def _normalise(self) -> Self:
        if self.postcode is not None:
            self.postcode = _postcode(self.postcode)
        for required in ("name", "address", "postcode", "latitude", "longitude", "cabinet_type", "is_public"):
            if required in self.model_fields_set and getattr(self, required) is None:
                raise ValueError(f"{required} cannot be cleared")
        return self


class SiteRead(BaseModel):
    """A site. `lock_code` is shown only to the owning CSP's officers and the site's guardians."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    **SITE_EXAMPLE,
                    "id": "5a1d3e7f-2b4c-4d6e-8f0a-1b3c5d7e9f1a",
                    "csp_id": "0f2b4c6d-8e0a-5b1c-9d3e-5f7a9b1c3d5e",
                    "guardians": [
                        {
                            "subject": "0b7e6d8a-9c1f-5e2d-8a3b-4c5d6e7f8a9b",
                            "name": "Sam Example",
                            "assigned_at": "2026-11-20T10:00:00Z",
                        }
                    ],
                    "on_hand": 1,
                    "version": 2,
                    "created_at": "2026-11-20T10:00:00Z",
                    "updated_at": "2026-11-20T10:05:00Z",
                }
            ]
        },
    )

    id: UUID
    district: str
    csp_id: UUID
    name: str
    address: str
    postcode: str
    latitude: float
    longitude: float
    access_hours: str | None
    cabinet_type: CabinetType
    lock_code: str | None = Field(
        validation_alias="visible_lock_code",
        description="Only for the owning CSP's officers and the site's guardians; `null` for everyone else.",
    )
    is_public: bool
    contact_name: str | None
    contact_phone: str | None
    contact_email: str | None
    guardians: list[GuardianRead]
    on_hand: int = Field(description="Packs at the site now (from the movement ledger).")
    version: int
    created_at: datetime
    updated_at: datetime
