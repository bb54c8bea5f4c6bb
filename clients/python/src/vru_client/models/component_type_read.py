from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ComponentTypeRead")


@_attrs_define
class ComponentTypeRead:
    """
    Attributes:
        id (UUID):
        code (str): Stable identifier used by kit types and packs.
        name (str):
        shelf_life_months (int | None): Months from manufacture until the item must be replaced; `null` when it does not
            expire.
        description (str): What the item is for, and why it expires (when it does).
    """

    id: UUID
    code: str
    name: str
    shelf_life_months: int | None
    description: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        code = self.code

        name = self.name

        shelf_life_months: int | None
        shelf_life_months = self.shelf_life_months

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
                "name": name,
                "shelf_life_months": shelf_life_months,
                "description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        code = d.pop("code")

        name = d.pop("name")

        def _parse_shelf_life_months(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        shelf_life_months = _parse_shelf_life_months(d.pop("shelf_life_months"))

        description = d.pop("description")

        component_type_read = cls(
            id=id,
            code=code,
            name=name,
            shelf_life_months=shelf_life_months,
            description=description,
        )

        component_type_read.additional_properties = d
        return component_type_read

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
