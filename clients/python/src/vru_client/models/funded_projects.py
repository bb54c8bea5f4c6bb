from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.funded_project_read import FundedProjectRead


T = TypeVar("T", bound="FundedProjects")


@_attrs_define
class FundedProjects:
    """Every active funded project serving a district (a short list, not paginated), fetched from the funding
    service when asked.

        Attributes:
            district (str):
            items (list[FundedProjectRead]):
    """

    district: str
    items: list[FundedProjectRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        district = self.district

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "district": district,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.funded_project_read import FundedProjectRead

        d = dict(src_dict)
        district = d.pop("district")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = FundedProjectRead.from_dict(items_item_data)

            items.append(items_item)

        funded_projects = cls(
            district=district,
            items=items,
        )

        funded_projects.additional_properties = d
        return funded_projects

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
