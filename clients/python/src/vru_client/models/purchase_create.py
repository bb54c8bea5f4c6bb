from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.component_expiry import ComponentExpiry


T = TypeVar("T", bound="PurchaseCreate")


@_attrs_define
class PurchaseCreate:
    """A lot of packs, received into the central store; its cost is charged to a funding budget line.

    Attributes:
        supplier (str):
        lot_number (str): The supplier's lot; a lot is received once (409 after that).
        kit_type (str): Kit type code, e.g. `standard-etp`.
        quantity (int):
        unit_cost_pence (int): Cost of one pack in pence.
        budget_line_id (UUID): The funding budget line charged (funding service).
        received_on (datetime.date): The day the lot arrived in the central store (the spend date).
        component_expiries (list[ComponentExpiry]): The expiry printed on each expiring component of the lot. Every
            component type with a shelf life must be given; those that do not expire must not.
        currency (Literal['GBP'] | Unset):  Default: 'GBP'.
        serial_prefix (None | str | Unset): Serials are `<prefix>-0001`…; the prefix defaults to the lot number.
    """

    supplier: str
    lot_number: str
    kit_type: str
    quantity: int
    unit_cost_pence: int
    budget_line_id: UUID
    received_on: datetime.date
    component_expiries: list[ComponentExpiry]
    currency: Literal["GBP"] | Unset = "GBP"
    serial_prefix: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        supplier = self.supplier

        lot_number = self.lot_number

        kit_type = self.kit_type

        quantity = self.quantity

        unit_cost_pence = self.unit_cost_pence

        budget_line_id = str(self.budget_line_id)

        received_on = self.received_on.isoformat()

        component_expiries = []
        for component_expiries_item_data in self.component_expiries:
            component_expiries_item = component_expiries_item_data.to_dict()
            component_expiries.append(component_expiries_item)

        currency = self.currency

        serial_prefix: str | Unset | None
        if isinstance(self.serial_prefix, Unset):
            serial_prefix = UNSET
        else:
            serial_prefix = self.serial_prefix

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "supplier": supplier,
                "lot_number": lot_number,
                "kit_type": kit_type,
                "quantity": quantity,
                "unit_cost_pence": unit_cost_pence,
                "budget_line_id": budget_line_id,
                "received_on": received_on,
                "component_expiries": component_expiries,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if serial_prefix is not UNSET:
            field_dict["serial_prefix"] = serial_prefix

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.component_expiry import ComponentExpiry

        d = dict(src_dict)
        supplier = d.pop("supplier")

        lot_number = d.pop("lot_number")

        kit_type = d.pop("kit_type")

        quantity = d.pop("quantity")

        unit_cost_pence = d.pop("unit_cost_pence")

        budget_line_id = UUID(d.pop("budget_line_id"))

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        component_expiries = []
        _component_expiries = d.pop("component_expiries")
        for component_expiries_item_data in _component_expiries:
            component_expiries_item = ComponentExpiry.from_dict(component_expiries_item_data)

            component_expiries.append(component_expiries_item)

        currency = cast(Literal["GBP"] | Unset, d.pop("currency", UNSET))
        if currency != "GBP" and not isinstance(currency, Unset):
            raise ValueError(f"currency must match const 'GBP', got '{currency}'")

        def _parse_serial_prefix(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        serial_prefix = _parse_serial_prefix(d.pop("serial_prefix", UNSET))

        purchase_create = cls(
            supplier=supplier,
            lot_number=lot_number,
            kit_type=kit_type,
            quantity=quantity,
            unit_cost_pence=unit_cost_pence,
            budget_line_id=budget_line_id,
            received_on=received_on,
            component_expiries=component_expiries,
            currency=currency,
            serial_prefix=serial_prefix,
        )

        return purchase_create
