from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cabinet_type import CabinetType

T = TypeVar("T", bound="SiteProperties")


@_attrs_define
class SiteProperties:
    """
    Attributes:
        id (UUID):
        name (str):
        address (str):
        postcode (str):
        district (str):
        access_hours (None | str):
        cabinet_type (CabinetType):
        ready_packs (int): Ready packs at the site now.
        pack_ids (list[UUID]): Public ids of those packs.
    """

    id: UUID
    name: str
    address: str
    postcode: str
    district: str
    access_hours: str | None
    cabinet_type: CabinetType
    ready_packs: int
    pack_ids: list[UUID]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        address = self.address

        postcode = self.postcode

        district = self.district

        access_hours: str | None
        access_hours = self.access_hours

        cabinet_type = self.cabinet_type.value

        ready_packs = self.ready_packs

        pack_ids = []
        for pack_ids_item_data in self.pack_ids:
            pack_ids_item = str(pack_ids_item_data)
            pack_ids.append(pack_ids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "address": address,
                "postcode": postcode,
                "district": district,
                "access_hours": access_hours,
                "cabinet_type": cabinet_type,
                "ready_packs": ready_packs,
                "pack_ids": pack_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        address = d.pop("address")

        postcode = d.pop("postcode")

        district = d.pop("district")

        def _parse_access_hours(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        access_hours = _parse_access_hours(d.pop("access_hours"))

        cabinet_type = CabinetType(d.pop("cabinet_type"))

        ready_packs = d.pop("ready_packs")

        pack_ids = []
        _pack_ids = d.pop("pack_ids")
        for pack_ids_item_data in _pack_ids:
            pack_ids_item = UUID(pack_ids_item_data)

            pack_ids.append(pack_ids_item)

        site_properties = cls(
            id=id,
            name=name,
            address=address,
            postcode=postcode,
            district=district,
            access_hours=access_hours,
            cabinet_type=cabinet_type,
            ready_packs=ready_packs,
            pack_ids=pack_ids,
        )

        site_properties.additional_properties = d
        return site_properties

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
