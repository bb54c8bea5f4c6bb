from datetime import date, datetime
from typing import Annotated, Literal, Self
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StringConstraints, model_validator

from vru_shared.inputs import Day
from vru_shared.money import PositivePence

Text200 = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
LotNumber = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")
]
Code = Annotated[str, StringConstraints(max_length=64, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class ComponentExpiry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    component: Code = Field(examples=["haemostatic-dressing"])
    expires_on: Day = Field(examples=["2029-10-31"])


class PurchaseCreate(BaseModel):
    """A lot of packs, received into the central store; its cost is charged to a funding budget line."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "supplier": "Example Medical Supplies Ltd",
                    "lot_number": "KTP-2026-11",
                    "kit_type": "standard-etp",
                    "quantity": 500,
                    "unit_cost_pence": 4500,
                    "currency": "GBP",
                    "budget_line_id": "6e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
                    "received_on": "2026-11-21",
                    "component_expiries": [
                        {"component": "tourniquet", "expires_on": "2031-10-31"},
                        {"component": "haemostatic-dressing", "expires_on": "2029-10-31"},
                        {"component": "trauma-bandage", "expires_on": "2031-06-30"},
                        {"component": "nitrile-gloves", "expires_on": "2031-09-30"},
                    ],
                }
            ]
        },
    )

    supplier: Text200
    lot_number: LotNumber = Field(description="The supplier's lot; a lot is received once (409 after that).")
    kit_type: Code = Field(description="Kit type code, e.g. `standard-etp`.")
    quantity: StrictInt = Field(ge=1, le=5000)
    unit_cost_pence: Annotated[PositivePence, Field(le=10_000_000, description="Cost of one pack in pence.")]
    currency: Literal["GBP"] = "GBP"
    budget_line_id: UUID = Field(description="The funding budget line charged (funding service).")
    received_on: Day = Field(description="The day the lot arrived in the central store (the spend date).")
    serial_prefix: LotNumber | None = Field(
        default=None, description="Serials are `<prefix>-0001`…; the prefix defaults to the lot number."
    )
    component_expiries: list[ComponentExpiry] = Field(
        max_length=50,
        description="The expiry printed on each expiring component of the lot. Every component type with a shelf "
        "life must be given; those that do not expire must not.",
    )

    @model_validator(mode="after")
    def _once(self) -> Self:
        codes = [c.component for c in self.component_expiries]
        if len(codes) != len(set(codes)):
            raise ValueError("each component may be given once")
        return self


class PurchaseComponentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    component: str
    expires_on: date | None


class PurchaseRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "4b6d8f0a-2c4e-5a6b-8c0d-2e4f6a8b0c2d",
                    "supplier": "Example Medical Supplies Ltd",
                    "lot_number": "KTP-2026-11",
                    "kit_type": "standard-etp",
                    "quantity": 500,
                    "unit_cost_pence": 4500,
                    "total_pence": 2250000,
                    "currency": "GBP",
                    "budget_line_id": "6e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
                    "funding_spend_id": "7f2a3b4c-5d6e-4f7a-9b8c-1d2e3f4a5b6c",
                    "received_on": "2026-11-21",
                    "received_by": "0b7e6d8a-9c1f-5e2d-8a3b-4c5d6e7f8a9b",
                    "components": [
                        {"component": "haemostatic-dressing", "expires_on": "2029-10-31"},
                        {"component": "bag", "expires_on": None},
                    ],
                    "pack_expires_on": "2029-10-31",
                    "first_serial": "KTP-2026-11-0001",
                    "last_serial": "KTP-2026-11-0500",
                    "created_at": "2026-11-21T10:00:00Z",
                }
            ]
        },
    )

    id: UUID = Field(description="Derived from supplier and lot: the same lot always has the same id.")
    supplier: str
    lot_number: str
    kit_type: str = Field(validation_alias="kit_type_code")
    quantity: int
    unit_cost_pence: int
    total_pence: int
    currency: Literal["GBP"]
    budget_line_id: UUID
    funding_spend_id: UUID | None = Field(description="The spend recorded by the funding service.")
    received_on: date
    received_by: str
    components: list[PurchaseComponentRead]
    pack_expires_on: date | None = Field(description="Each pack's expiry: the earliest component's.")
    first_serial: str
    last_serial: str
    created_at: datetime
