from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints

from etp_inventory.pack.models import Readiness
from vru_shared.inputs import Instant


class CheckCreate(BaseModel):
    """A guardian's check of one pack at their site."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "pack_id": "2c4e6a8b-0d1f-4a3b-8c5d-7e9f1a3b5c7d",
                    "seal_intact": True,
                    "contents_present": True,
                    "expiry_seen": True,
                },
                {
                    "pack_id": "2c4e6a8b-0d1f-4a3b-8c5d-7e9f1a3b5c7d",
                    "seal_intact": False,
                    "contents_present": False,
                    "expiry_seen": True,
                    "notes": "Seal broken, tourniquet missing.",
                },
            ]
        },
    )

    pack_id: UUID
    seal_intact: StrictBool = Field(description="The tamper seal is unbroken.")
    contents_present: StrictBool = Field(description="Everything listed on the card is in the bag.")
    expiry_seen: StrictBool = Field(description="The expiry date on the pack was read and it is in date.")
    checked_at: Instant | None = Field(default=None, description="When; defaults to now. Not in the future.")
    notes: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] | None = None


class CheckRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
                    "pack_id": "2c4e6a8b-0d1f-4a3b-8c5d-7e9f1a3b5c7d",
                    "serial": "KTP-2026-11-0042",
                    "site_id": "5a1d3e7f-2b4c-4d6e-8f0a-1b3c5d7e9f1a",
                    "checked_at": "2026-11-21T09:00:00Z",
                    "seal_intact": True,
                    "contents_present": True,
                    "expiry_seen": True,
                    "notes": None,
                    "checked_by": "0b7e6d8a-9c1f-5e2d-8a3b-4c5d6e7f8a9b",
                    "checked_by_name": "Pack guardian (example.org)",
                    "passed": True,
                }
            ]
        },
    )

    id: UUID
    pack_id: UUID
    serial: str
    site_id: UUID
    checked_at: datetime
    seal_intact: bool
    contents_present: bool
    expiry_seen: bool
    notes: str | None
    checked_by: str
    checked_by_name: str | None
    passed: bool = Field(description="All three were fine; otherwise the pack needs attention.")


class CheckResult(CheckRead):
    readiness: Readiness | None = Field(description="The pack's readiness after this check.")
    next_check_due_at: datetime | None


class SiteRef(BaseModel):
    id: UUID
    name: str
    district: str


class DueCheck(BaseModel):
    """A pack at a site whose next guardian check is due (or overdue)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "pack_id": "2c4e6a8b-0d1f-4a3b-8c5d-7e9f1a3b5c7d",
                    "serial": "KTP-2026-11-0042",
                    "site": {
                        "id": "5a1d3e7f-2b4c-4d6e-8f0a-1b3c5d7e9f1a",
                        "name": "Chatham Waterfront bus station",
                        "district": "medway",
                    },
                    "last_checked_at": "2026-10-20T09:00:00Z",
                    "due_at": "2026-11-19T09:00:00Z",
                    "overdue": True,
                    "guardians": ["0b7e6d8a-9c1f-5e2d-8a3b-4c5d6e7f8a9b"],
                }
            ]
        }
    )

    pack_id: UUID
    serial: str
    site: SiteRef
    last_checked_at: datetime | None = Field(description="`null`: never checked since it arrived.")
    due_at: datetime
    overdue: bool
    guardians: list[str] = Field(description="Person ids (token `sub`) of the site's guardians.")
