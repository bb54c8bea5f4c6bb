from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="KitComponentIn")


@_attrs_define
class KitComponentIn:
    """
    Attributes:
        component (str): A component type code (`GET /v1/component-types`).
        quantity (int | Unset):  Default: 1.
    """

    component: str
    quantity: int | Unset = 1

    def to_dict(self) -> dict[str, Any]:
        component = self.component

        quantity = self.quantity

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "component": component,
            }
        )
        if quantity is not UNSET:
            field_dict["quantity"] = quantity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        component = d.pop("component")

        quantity = d.pop("quantity", UNSET)

        kit_component_in = cls(
            component=component,
            quantity=quantity,
        )

        return kit_component_in
