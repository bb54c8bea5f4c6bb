from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.cabinet_type import CabinetType
from ..models.site_create_district import SiteCreateDistrict
from ..types import UNSET, Unset

T = TypeVar("T", bound="SiteCreate")


@_attrs_define
class SiteCreate:
    """A business or public place where a CSP keeps packs.

    Attributes:
        name (str):
        address (str):
        postcode (str):
        latitude (float): WGS84 latitude (the UK).
        longitude (float): WGS84 longitude (the UK).
        cabinet_type (CabinetType):
        district (SiteCreateDistrict): The district; the site belongs to that district's CSP.
        access_hours (None | str | Unset):
        lock_code (None | str | Unset): Required for `locked_cabinet`.
        is_public (bool | Unset): Shown on the public map and in the open-data export. Default: False.
        contact_name (None | str | Unset):
        contact_phone (None | str | Unset):
        contact_email (None | str | Unset):
    """

    name: str
    address: str
    postcode: str
    latitude: float
    longitude: float
    cabinet_type: CabinetType
    district: SiteCreateDistrict
    access_hours: str | Unset | None = UNSET
    lock_code: str | Unset | None = UNSET
    is_public: bool | Unset = False
    contact_name: str | Unset | None = UNSET
    contact_phone: str | Unset | None = UNSET
    contact_email: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        address = self.address

        postcode = self.postcode

        latitude = self.latitude

        longitude = self.longitude

        cabinet_type = self.cabinet_type.value

        district = self.district.value

        access_hours: str | Unset | None
        if isinstance(self.access_hours, Unset):
            access_hours = UNSET
        else:
            access_hours = self.access_hours

        lock_code: str | Unset | None
        if isinstance(self.lock_code, Unset):
            lock_code = UNSET
        else:
            lock_code = self.lock_code

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

        field_dict.update(
            {
                "name": name,
                "address": address,
                "postcode": postcode,
                "latitude": latitude,
                "longitude": longitude,
                "cabinet_type": cabinet_type,
                "district": district,
            }
        )
        if access_hours is not UNSET:
            field_dict["access_hours"] = access_hours
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
        name = d.pop("name")

        address = d.pop("address")

        postcode = d.pop("postcode")

        latitude = d.pop("latitude")

        longitude = d.pop("longitude")

        cabinet_type = CabinetType(d.pop("cabinet_type"))

        district = SiteCreateDistrict(d.pop("district"))

        def _parse_access_hours(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        access_hours = _parse_access_hours(d.pop("access_hours", UNSET))

        def _parse_lock_code(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lock_code = _parse_lock_code(d.pop("lock_code", UNSET))

        is_public = d.pop("is_public", UNSET)

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

        site_create = cls(
            name=name,
            address=address,
            postcode=postcode,
            latitude=latitude,
            longitude=longitude,
            cabinet_type=cabinet_type,
            district=district,
            access_hours=access_hours,
            lock_code=lock_code,
            is_public=is_public,
            contact_name=contact_name,
            contact_phone=contact_phone,
            contact_email=contact_email,
        )

        return site_create
