from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.kit_component_read import KitComponentRead


T = TypeVar("T", bound="KitTypeRead")


@_attrs_define
class KitTypeRead:
    """
    Attributes:
        id (UUID):
        code (str): Stable identifier; purchases name the kit type by it.
        name (str):
        description (str):
        components (list[KitComponentRead]): What each pack of this type holds, by component code.
    """

    id: UUID
    code: str
    name: str
    description: str
    components: list[KitComponentRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        code = self.code

        name = self.name

        description = self.description

        components = []
        for components_item_data in self.components:
            components_item = components_item_data.to_dict()
            components.append(components_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
                "name": name,
                "description": description,
                "components": components,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kit_component_read import KitComponentRead

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        code = d.pop("code")

        name = d.pop("name")

        description = d.pop("description")

        components = []
        _components = d.pop("components")
        for components_item_data in _components:
            components_item = KitComponentRead.from_dict(components_item_data)

            components.append(components_item)

        kit_type_read = cls(
            id=id,
            code=code,
            name=name,
            description=description,
            components=components,
        )

        kit_type_read.additional_properties = d
        return kit_type_read

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
