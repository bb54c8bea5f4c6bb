from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.location_ref import LocationRef


T = TypeVar("T", bound="ExpiringPack")


@_attrs_define
class ExpiringPack:
    """
    Attributes:
        pack_id (UUID):
        serial (str):
        location (LocationRef):
        expires_on (datetime.date):
        days_left (int): Days until it expires; negative once expired.
        expired (bool):
    """

    pack_id: UUID
    serial: str
    location: LocationRef
    expires_on: datetime.date
    days_left: int
    expired: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pack_id = str(self.pack_id)

        serial = self.serial

        location = self.location.to_dict()

        expires_on = self.expires_on.isoformat()

        days_left = self.days_left

        expired = self.expired

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pack_id": pack_id,
                "serial": serial,
                "location": location,
                "expires_on": expires_on,
                "days_left": days_left,
                "expired": expired,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.location_ref import LocationRef

        d = dict(src_dict)
        pack_id = UUID(d.pop("pack_id"))

        serial = d.pop("serial")

        location = LocationRef.from_dict(d.pop("location"))

        expires_on = datetime.date.fromisoformat(d.pop("expires_on"))

        days_left = d.pop("days_left")

        expired = d.pop("expired")

        expiring_pack = cls(
            pack_id=pack_id,
            serial=serial,
            location=location,
            expires_on=expires_on,
            days_left=days_left,
            expired=expired,
        )

        expiring_pack.additional_properties = d
        return expiring_pack

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
