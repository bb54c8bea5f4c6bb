from datetime import date, datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, JsonValue, StringConstraints

from etp_inventory.location.models import LocationKind
from etp_inventory.pack.models import PackStatus, Readiness
from vru_shared.inputs import Day


class LocationRef(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    kind: LocationKind
    name: str
    district: str | None


_PACK_EXAMPLE: dict[str, JsonValue] = {
    "id": "2c4e6a8b-0d1f-4a3b-8c5d-7e9f1a3b5c7d",
    "public_id": "8d6f4b2a-1c3e-4f5a-9b7c-0e2d4f6a8b0c",
    "serial": "KTP-2026-11-0042",
    "kit_type": "standard-etp",
    "status": "in_stock",
    "readiness": "ready",
    "location": {
        "id": "5a1d3e7f-2b4c-4d6e-8f0a-1b3c5d7e9f1a",
        "kind": "site",
        "name": "Chatham Waterfront bus station",
        "district": "medway",
    },
    "arrived_at": "2026-11-20T10:00:00Z",
    "expires_on": "2029-10-31",
    "last_checked_at": "2026-11-21T09:00:00Z",
    "next_check_due_at": "2026-12-21T09:00:00Z",
    "needs_attention": False,
    "version": 4,
}


class PackRead(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [_PACK_EXAMPLE]})

    id: UUID
    public_id: UUID = Field(description="The id shown on the public map and in open data; never changes.")
    serial: str
    kit_type: str = Field(description="Kit type code.")
    status: PackStatus
    readiness: Readiness | None = Field(
        description="ready | needs_attention | used | check_overdue | expired; `null` once damaged, lost or "
        "written off."
    )
    location: LocationRef = Field(description="Where it is (in stock) or was last.")
    arrived_at: datetime = Field(description="When it arrived at that location.")
    expires_on: date | None = Field(description="Its earliest component's expiry; `null` if nothing expires.")
    last_checked_at: datetime | None
    next_check_due_at: datetime | None = Field(description="At a site: when the next guardian check is due.")
    needs_attention: bool = Field(description="The last check found a problem not yet put right.")
    version: int = Field(description='The ETag is `"v<version>"`.')


class PackComponentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    component: str
    name: str
    quantity: int
    expires_on: date | None
    replaced_at: datetime | None


class PackDetail(PackRead):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **_PACK_EXAMPLE,
                    "components": [
                        {
                            "component": "haemostatic-dressing",
                            "name": "Haemostatic dressing",
                            "quantity": 1,
                            "expires_on": "2029-10-31",
                            "replaced_at": None,
                        }
                    ],
                }
            ]
        }
    )

    components: list[PackComponentRead]


class ComponentReplacement(BaseModel):
    """A component of the pack was replaced (used up, damaged, or about to expire)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"expires_on": "2030-03-31", "reason": "Dressing expiring in 30 days."}]},
    )

    expires_on: Day | None = Field(
        description="The new item's expiry; required for a component type with a shelf life, `null` otherwise."
    )
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=2000)]
