from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictInt


class ReadinessCounts(BaseModel):
    ready: int
    needs_attention: int
    check_overdue: int
    expired: int


class CspSummary(BaseModel):
    """A Community Safety Partnership's packs in figures: no sites, no lock codes, no contacts."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "0f2b4c6d-8e0a-5b1c-9d3e-5f7a9b1c3d5e",
                    "district": "medway",
                    "name": "Medway Community Safety Partnership",
                    "on_hand": 12,
                    "at_sites": 26,
                    "sites": 24,
                    "public_sites": 19,
                    "readiness_at_sites": {"ready": 23, "needs_attention": 1, "check_overdue": 2, "expired": 0},
                    "used": 3,
                    "open_resupply_tasks": 1,
                    "minimum_stock": 5,
                    "below_minimum": False,
                    "version": 1,
                }
            ]
        }
    )

    id: UUID
    district: str
    name: str
    on_hand: int = Field(description="Packs held by the CSP itself, not yet deployed.")
    at_sites: int = Field(description="Packs in stock at the CSP's sites.")
    sites: int
    public_sites: int
    readiness_at_sites: ReadinessCounts
    used: int = Field(description="Use reports at the CSP's sites, ever.")
    open_resupply_tasks: int
    minimum_stock: int = Field(description="Below this `on_hand`, the CSP is on the low-stock alert.")
    below_minimum: bool
    version: int = Field(description='The ETag is `"v<version>"`.')


class CspUpdate(BaseModel):
    """Change a CSP's own minimum stock (`null`: back to the service's default)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"minimum_stock": 8}]})

    minimum_stock: StrictInt | None = Field(ge=0, le=10_000)
