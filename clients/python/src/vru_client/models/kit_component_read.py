from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="KitComponentRead")


@_attrs_define
class KitComponentRead:
    """
    Attributes:
        component (str): Component type code.
        name (str):
        quantity (int):
        shelf_life_months (int | None): `null`: does not expire.
    """

    component: str
    name: str
    quantity: int
    shelf_life_months: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        component = self.component

        name = self.name

        quantity = self.quantity

        shelf_life_months: int | None
        shelf_life_months = self.shelf_life_months

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "component": component,
                "name": name,
                "quantity": quantity,
                "shelf_life_months": shelf_life_months,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        component = d.pop("component")

        name = d.pop("name")

        quantity = d.pop("quantity")

        def _parse_shelf_life_months(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        shelf_life_months = _parse_shelf_life_months(d.pop("shelf_life_months"))

        kit_component_read = cls(
            component=component,
            name=name,
            quantity=quantity,
            shelf_life_months=shelf_life_months,
        )

        kit_component_read.additional_properties = d
        return kit_component_read

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
