from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.point import Point
    from ..models.site_properties import SiteProperties


T = TypeVar("T", bound="SiteFeature")


@_attrs_define
class SiteFeature:
    """
    Attributes:
        id (UUID):
        geometry (Point):
        properties (SiteProperties):
        type_ (Literal['Feature'] | Unset):  Default: 'Feature'.
    """

    id: UUID
    geometry: Point
    properties: SiteProperties
    type_: Literal["Feature"] | Unset = "Feature"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        geometry = self.geometry.to_dict()

        properties = self.properties.to_dict()

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "geometry": geometry,
                "properties": properties,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.point import Point
        from ..models.site_properties import SiteProperties

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        geometry = Point.from_dict(d.pop("geometry"))

        properties = SiteProperties.from_dict(d.pop("properties"))

        type_ = cast(Literal["Feature"] | Unset, d.pop("type", UNSET))
        if type_ != "Feature" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'Feature', got '{type_}'")

        site_feature = cls(
            id=id,
            geometry=geometry,
            properties=properties,
            type_=type_,
        )

        site_feature.additional_properties = d
        return site_feature

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
