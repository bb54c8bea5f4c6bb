from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.kit_component_in import KitComponentIn


T = TypeVar("T", bound="KitTypeCreate")


@_attrs_define
class KitTypeCreate:
    """A new kind of pack. Its components are fixed once created (make a new kit type for a new recipe).

    Attributes:
        code (str):
        name (str):
        description (str):
        components (list[KitComponentIn]):
    """

    code: str
    name: str
    description: str
    components: list[KitComponentIn]

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        description = self.description

        components = []
        for components_item_data in self.components:
            components_item = components_item_data.to_dict()
            components.append(components_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
                "description": description,
                "components": components,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kit_component_in import KitComponentIn

        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        description = d.pop("description")

        components = []
        _components = d.pop("components")
        for components_item_data in _components:
            components_item = KitComponentIn.from_dict(components_item_data)

            components.append(components_item)

        kit_type_create = cls(
            code=code,
            name=name,
            description=description,
            components=components,
        )

        return kit_type_create
