from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.purchase_component_read import PurchaseComponentRead


T = TypeVar("T", bound="PurchaseRead")


@_attrs_define
class PurchaseRead:
    """
    Attributes:
        id (UUID): Derived from supplier and lot: the same lot always has the same id.
        supplier (str):
        lot_number (str):
        kit_type (str):
        quantity (int):
        unit_cost_pence (int):
        total_pence (int):
        currency (Literal['GBP']):
        budget_line_id (UUID):
        funding_spend_id (None | UUID): The spend recorded by the funding service.
        received_on (datetime.date):
        received_by (str):
        components (list[PurchaseComponentRead]):
        pack_expires_on (datetime.date | None): Each pack's expiry: the earliest component's.
        first_serial (str):
        last_serial (str):
        created_at (datetime.datetime):
    """

    id: UUID
    supplier: str
    lot_number: str
    kit_type: str
    quantity: int
    unit_cost_pence: int
    total_pence: int
    currency: Literal["GBP"]
    budget_line_id: UUID
    funding_spend_id: UUID | None
    received_on: datetime.date
    received_by: str
    components: list[PurchaseComponentRead]
    pack_expires_on: datetime.date | None
    first_serial: str
    last_serial: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        supplier = self.supplier

        lot_number = self.lot_number

        kit_type = self.kit_type

        quantity = self.quantity

        unit_cost_pence = self.unit_cost_pence

        total_pence = self.total_pence

        currency = self.currency

        budget_line_id = str(self.budget_line_id)

        funding_spend_id: str | None
        if isinstance(self.funding_spend_id, UUID):
            funding_spend_id = str(self.funding_spend_id)
        else:
            funding_spend_id = self.funding_spend_id

        received_on = self.received_on.isoformat()

        received_by = self.received_by

        components = []
        for components_item_data in self.components:
            components_item = components_item_data.to_dict()
            components.append(components_item)

        pack_expires_on: str | None
        if isinstance(self.pack_expires_on, datetime.date):
            pack_expires_on = self.pack_expires_on.isoformat()
        else:
            pack_expires_on = self.pack_expires_on

        first_serial = self.first_serial

        last_serial = self.last_serial

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "supplier": supplier,
                "lot_number": lot_number,
                "kit_type": kit_type,
                "quantity": quantity,
                "unit_cost_pence": unit_cost_pence,
                "total_pence": total_pence,
                "currency": currency,
                "budget_line_id": budget_line_id,
                "funding_spend_id": funding_spend_id,
                "received_on": received_on,
                "received_by": received_by,
                "components": components,
                "pack_expires_on": pack_expires_on,
                "first_serial": first_serial,
                "last_serial": last_serial,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.purchase_component_read import PurchaseComponentRead

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        supplier = d.pop("supplier")

        lot_number = d.pop("lot_number")

        kit_type = d.pop("kit_type")

        quantity = d.pop("quantity")

        unit_cost_pence = d.pop("unit_cost_pence")

        total_pence = d.pop("total_pence")

        currency = cast(Literal["GBP"], d.pop("currency"))
        if currency != "GBP":
            raise ValueError(f"currency must match const 'GBP', got '{currency}'")

        budget_line_id = UUID(d.pop("budget_line_id"))

        def _parse_funding_spend_id(data: object) -> UUID | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                funding_spend_id_type_0 = UUID(data)

                return funding_spend_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        funding_spend_id = _parse_funding_spend_id(d.pop("funding_spend_id"))

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        received_by = d.pop("received_by")

        components = []
        _components = d.pop("components")
        for components_item_data in _components:
            components_item = PurchaseComponentRead.from_dict(components_item_data)

            components.append(components_item)

        def _parse_pack_expires_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pack_expires_on_type_0 = datetime.date.fromisoformat(data)

                return pack_expires_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        pack_expires_on = _parse_pack_expires_on(d.pop("pack_expires_on"))

        first_serial = d.pop("first_serial")

        last_serial = d.pop("last_serial")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        purchase_read = cls(
            id=id,
            supplier=supplier,
            lot_number=lot_number,
            kit_type=kit_type,
            quantity=quantity,
            unit_cost_pence=unit_cost_pence,
            total_pence=total_pence,
            currency=currency,
            budget_line_id=budget_line_id,
            funding_spend_id=funding_spend_id,
            received_on=received_on,
            received_by=received_by,
            components=components,
            pack_expires_on=pack_expires_on,
            first_serial=first_serial,
            last_serial=last_serial,
            created_at=created_at,
        )

        purchase_read.additional_properties = d
        return purchase_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
