from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.public_site import PublicSite


T = TypeVar("T", bound="NearPack")


@_attrs_define
class NearPack:
    """
    Attributes:
        pack_id (UUID): The pack's public id.
        distance_m (int): Straight-line (great-circle) distance in metres.
        latitude (float):
        longitude (float):
        site (PublicSite):
    """

    pack_id: UUID
    distance_m: int
    latitude: float
    longitude: float
    site: PublicSite
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pack_id = str(self.pack_id)

        distance_m = self.distance_m

        latitude = self.latitude

        longitude = self.longitude

        site = self.site.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pack_id": pack_id,
                "distance_m": distance_m,
                "latitude": latitude,
                "longitude": longitude,
                "site": site,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.public_site import PublicSite

        d = dict(src_dict)
        pack_id = UUID(d.pop("pack_id"))

        distance_m = d.pop("distance_m")

        latitude = d.pop("latitude")

        longitude = d.pop("longitude")

        site = PublicSite.from_dict(d.pop("site"))

        near_pack = cls(
            pack_id=pack_id,
            distance_m=distance_m,
            latitude=latitude,
            longitude=longitude,
            site=site,
        )

        near_pack.additional_properties = d
        return near_pack

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
