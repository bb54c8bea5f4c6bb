from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.cabinet_type import CabinetType
from ..types import UNSET, Unset

T = TypeVar("T", bound="SiteUpdate")


@_attrs_define
class SiteUpdate:
    """Change some of a site's details (fields left out are unchanged; `null` clears an optional one).

    Attributes:
        name (None | str | Unset):
        address (None | str | Unset):
        postcode (None | str | Unset):
        latitude (float | None | Unset):
        longitude (float | None | Unset):
        access_hours (None | str | Unset):
        cabinet_type (CabinetType | None | Unset):
        lock_code (None | str | Unset):
        is_public (bool | None | Unset):
        contact_name (None | str | Unset):
        contact_phone (None | str | Unset):
        contact_email (None | str | Unset):
    """

    name: str | Unset | None = UNSET
    address: str | Unset | None = UNSET
    postcode: str | Unset | None = UNSET
    latitude: float | Unset | None = UNSET
    longitude: float | Unset | None = UNSET
    access_hours: str | Unset | None = UNSET
    cabinet_type: CabinetType | Unset | None = UNSET
    lock_code: str | Unset | None = UNSET
    is_public: bool | Unset | None = UNSET
    contact_name: str | Unset | None = UNSET
    contact_phone: str | Unset | None = UNSET
    contact_email: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: str | Unset | None
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        address: str | Unset | None
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        postcode: str | Unset | None
        if isinstance(self.postcode, Unset):
            postcode = UNSET
        else:
            postcode = self.postcode

        latitude: float | Unset | None
        if isinstance(self.latitude, Unset):
            latitude = UNSET
        else:
            latitude = self.latitude

        longitude: float | Unset | None
        if isinstance(self.longitude, Unset):
            longitude = UNSET
        else:
            longitude = self.longitude

        access_hours: str | Unset | None
        if isinstance(self.access_hours, Unset):
            access_hours = UNSET
        else:
            access_hours = self.access_hours

        cabinet_type: str | Unset | None
        if isinstance(self.cabinet_type, Unset):
            cabinet_type = UNSET
        elif isinstance(self.cabinet_type, CabinetType):
            cabinet_type = self.cabinet_type.value
        else:
            cabinet_type = self.cabinet_type

        lock_code: str | Unset | None
        if isinstance(self.lock_code, Unset):
            lock_code = UNSET
        else:
            lock_code = self.lock_code

        is_public: bool | Unset | None
        if isinstance(self.is_public, Unset):
            is_public = UNSET
        else:
            is_public = self.is_public

        contact_name: str | Unset | None
        if isinstance(self.contact_name, Unset):
            contact_name = UNSET
        else:
            contact_name = self.contact_name

        contact_phone: str | Unset | None
        if isinstance(self.contact_phone, Unset):
            contact_phone = UNSET
        else:
            contact_phone = self.contact_phone

        contact_email: str | Unset | None
        if isinstance(self.contact_email, Unset):
            contact_email = UNSET
        else:
            contact_email = self.contact_email

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if address is not UNSET:
            field_dict["address"] = address
        if postcode is not UNSET:
            field_dict["postcode"] = postcode
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if access_hours is not UNSET:
            field_dict["access_hours"] = access_hours
        if cabinet_type is not UNSET:
            field_dict["cabinet_type"] = cabinet_type
        if lock_code is not UNSET:
            field_dict["lock_code"] = lock_code
        if is_public is not UNSET:
            field_dict["is_public"] = is_public
        if contact_name is not UNSET:
            field_dict["contact_name"] = contact_name
        if contact_phone is not UNSET:
            field_dict["contact_phone"] = contact_phone
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_address(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_postcode(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        postcode = _parse_postcode(d.pop("postcode", UNSET))

        def _parse_latitude(data: object) -> float | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        latitude = _parse_latitude(d.pop("latitude", UNSET))

        def _parse_longitude(data: object) -> float | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        longitude = _parse_longitude(d.pop("longitude", UNSET))

        def _parse_access_hours(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        access_hours = _parse_access_hours(d.pop("access_hours", UNSET))

        def _parse_cabinet_type(data: object) -> CabinetType | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cabinet_type_type_0 = CabinetType(data)

                return cabinet_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CabinetType | None | Unset, data)

        cabinet_type = _parse_cabinet_type(d.pop("cabinet_type", UNSET))

        def _parse_lock_code(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lock_code = _parse_lock_code(d.pop("lock_code", UNSET))

        def _parse_is_public(data: object) -> bool | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_public = _parse_is_public(d.pop("is_public", UNSET))

        def _parse_contact_name(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_name = _parse_contact_name(d.pop("contact_name", UNSET))

        def _parse_contact_phone(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_phone = _parse_contact_phone(d.pop("contact_phone", UNSET))

        def _parse_contact_email(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_email = _parse_contact_email(d.pop("contact_email", UNSET))

        site_update = cls(
            name=name,
            address=address,
            postcode=postcode,
            latitude=latitude,
            longitude=longitude,
            access_hours=access_hours,
            cabinet_type=cabinet_type,
            lock_code=lock_code,
            is_public=is_public,
            contact_name=contact_name,
            contact_phone=contact_phone,
            contact_email=contact_email,
        )

        return site_update
