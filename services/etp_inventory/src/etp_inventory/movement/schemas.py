from datetime import datetime
from typing import Annotated, Literal, Self
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StringConstraints, model_validator

from etp_inventory.movement.models import MovementKind
from vru_shared.kent_medway import DistrictCode

Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=2000)]
KitCode = Annotated[str, StringConstraints(max_length=64, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class PlaceRef(BaseModel):
    id: UUID
    kind: str
    name: str
    district: str | None


class PackRef(BaseModel):
    id: UUID
    serial: str


class MovementBatch(BaseModel):
    """What one request moved: the same kind of movement for each pack, recorded in the ledger."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "kind": "allocated",
                    "from_location": {
                        "id": "1d8a3c5e-7f9b-5d1e-8a3c-5e7f9b1d3a5c",
                        "kind": "central_store",
                        "name": "VRU central store",
                        "district": None,
                    },
                    "to_location": {
                        "id": "0f2b4c6d-8e0a-5b1c-9d3e-5f7a9b1c3d5e",
                        "kind": "csp",
                        "name": "Medway Community Safety Partnership",
                        "district": "medway",
                    },
                    "count": 2,
                    "packs": [
                        {"id": "2c4e6a8b-0d1f-4a3b-8c5d-7e9f1a3b5c7d", "serial": "KTP-2026-11-0001"},
                        {"id": "3d5f7b9c-1e2a-4b4c-9d6e-8f0a2b4c6d8e", "serial": "KTP-2026-11-0002"},
                    ],
                    "reason": "Quarterly allocation",
                    "occurred_at": "2026-11-21T10:00:00Z",
                }
            ]
        }
    )

    kind: MovementKind
    from_location: PlaceRef | None
    to_location: PlaceRef | None
    count: int
    packs: list[PackRef]
    reason: str | None
    occurred_at: datetime


class MovementRead(BaseModel):
    """One ledger entry."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": 1042,
                    "pack_id": "2c4e6a8b-0d1f-4a3b-8c5d-7e9f1a3b5c7d",
                    "serial": "KTP-2026-11-0001",
                    "kind": "deployed",
                    "from_location_id": "0f2b4c6d-8e0a-5b1c-9d3e-5f7a9b1c3d5e",
                    "to_location_id": "5a1d3e7f-2b4c-4d6e-8f0a-1b3c5d7e9f1a",
                    "reason": None,
                    "reference_id": None,
                    "actor": "0b7e6d8a-9c1f-5e2d-8a3b-4c5d6e7f8a9b",
                    "actor_name": "CSP officer (example.org)",
                    "request_id": "3f2b7f1e-6a53-4a0c-9d0b-5b5f0a6c2f21",
                    "occurred_at": "2026-11-21T10:05:00Z",
                }
            ]
        },
    )

    id: int = Field(description="Ledger position: later entries have higher ids.")
    pack_id: UUID
    serial: str
    kind: MovementKind
    from_location_id: UUID | None
    to_location_id: UUID | None
    reason: str | None
    reference_id: UUID | None = Field(description="The purchase or use report that caused it.")
    actor: str = Field(description="Token subject of who did it.")
    actor_name: str | None
    request_id: str | None
    occurred_at: datetime


class AllocationCreate(BaseModel):
    """Send packs from the central store to a district's CSP (earliest expiry first, never expired ones)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"csp": "medway", "quantity": 40, "reason": "Initial distribution"}]},
    )

    csp: DistrictCode = Field(description="District code of the receiving CSP.")
    quantity: StrictInt = Field(ge=1, le=1000)
    kit_type: KitCode | None = Field(default=None, description="Only packs of this kit type.")
    reason: Reason | None = None


class DeploymentCreate(BaseModel):
    """Put packs from the CSP at one of its sites: `quantity` packs (earliest expiry first) or the given ones."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"site_id": "5a1d3e7f-2b4c-4d6e-8f0a-1b3c5d7e9f1a", "quantity": 1},
                {
                    "site_id": "5a1d3e7f-2b4c-4d6e-8f0a-1b3c5d7e9f1a",
                    "pack_ids": ["2c4e6a8b-0d1f-4a3b-8c5d-7e9f1a3b5c7d"],
                    "reason": "Resupply after use",
                },
            ]
        },
    )

    site_id: UUID
    quantity: StrictInt | None = Field(default=None, ge=1, le=100)
    pack_ids: list[UUID] | None = Field(default=None, min_length=1, max_length=100)
    reason: Reason | None = None

    @model_validator(mode="after")
    def _one_of(self) -> Self:
        if (self.quantity is None) == (self.pack_ids is None):
            raise ValueError("give either quantity or pack_ids")
        if self.pack_ids is not None and len(set(self.pack_ids)) != len(self.pack_ids):
            raise ValueError("pack_ids must not repeat")
        return self


class ReturnCreate(BaseModel):
    """Take a pack back one step: from a site to its CSP, or from a CSP to the central store."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"pack_id": "2c4e6a8b-0d1f-4a3b-8c5d-7e9f1a3b5c7d", "reason": "Site closing for refurbishment"}
            ]
        },
    )

    pack_id: UUID
    reason: Reason


class WriteOffCreate(BaseModel):
    """Take a pack out of stock for good: expired, damaged, lost or written off."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"pack_id": "2c4e6a8b-0d1f-4a3b-8c5d-7e9f1a3b5c7d", "kind": "damaged", "reason": "Cabinet flooded"}
            ]
        },
    )

    pack_id: UUID
    kind: Literal["expired", "damaged", "lost", "written_off"]
    reason: Reason
