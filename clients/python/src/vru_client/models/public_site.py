from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cabinet_type import CabinetType

T = TypeVar("T", bound="PublicSite")


@_attrs_define
class PublicSite:
    """
    Attributes:
        id (UUID):
        name (str):
        address (str):
        postcode (str):
        district (str):
        access_hours (None | str):
        cabinet_type (CabinetType):
    """

    id: UUID
    name: str
    address: str
    postcode: str
    district: str
    access_hours: str | None
    cabinet_type: CabinetType
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

        public_site = cls(
            id=id,
            name=name,
            address=address,
            postcode=postcode,
            district=district,
            access_hours=access_hours,
            cabinet_type=cabinet_type,
        )

        public_site.additional_properties = d
        return public_site

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
