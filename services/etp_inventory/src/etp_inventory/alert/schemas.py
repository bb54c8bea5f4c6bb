from datetime import date
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from etp_inventory.pack.schemas import LocationRef


class ExpiringPack(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "pack_id": "2c4e6a8b-0d1f-4a3b-8c5d-7e9f1a3b5c7d",
                    "serial": "KTP-2026-11-0042",
                    "location": {
                        "id": "5a1d3e7f-2b4c-4d6e-8f0a-1b3c5d7e9f1a",
                        "kind": "site",
                        "name": "Chatham Waterfront bus station",
                        "district": "medway",
                    },
                    "expires_on": "2026-12-15",
                    "days_left": 24,
                    "expired": False,
                }
            ]
        }
    )

    pack_id: UUID
    serial: str
    location: LocationRef
    expires_on: date
    days_left: int = Field(description="Days until it expires; negative once expired.")
    expired: bool


class AlertCounts(BaseModel):
    """How many of each alert there are now, among what you can see."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "expired_in_stock": 0,
                    "expiring_30_days": 4,
                    "expiring_60_days": 9,
                    "expiring_90_days": 15,
                    "overdue_checks": 2,
                    "csps_below_minimum": ["swale"],
                }
            ]
        }
    )

    expired_in_stock: int
    expiring_30_days: int = Field(description="In stock, in date, expiring within 30 days.")
    expiring_60_days: int
    expiring_90_days: int
    overdue_checks: int
    csps_below_minimum: list[str] = Field(description="District codes of CSPs holding fewer than their minimum.")
