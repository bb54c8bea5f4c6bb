from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cabinet_type import CabinetType

if TYPE_CHECKING:
    from ..models.etp_inventory_guardian_read import EtpInventoryGuardianRead


T = TypeVar("T", bound="SiteRead")


@_attrs_define
class SiteRead:
    """A site. `lock_code` is shown only to the owning CSP's officers and the site's guardians.

    Attributes:
        id (UUID):
        district (str):
        csp_id (UUID):
        name (str):
        address (str):
        postcode (str):
        latitude (float):
        longitude (float):
        access_hours (None | str):
        cabinet_type (CabinetType):
        lock_code (None | str): Only for the owning CSP's officers and the site's guardians; `null` for everyone else.
        is_public (bool):
        contact_name (None | str):
        contact_phone (None | str):
        contact_email (None | str):
        guardians (list[EtpInventoryGuardianRead]):
        on_hand (int): Packs at the site now (from the movement ledger).
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    district: str
    csp_id: UUID
    name: str
    address: str
    postcode: str
    latitude: float
    longitude: float
    access_hours: str | None
    cabinet_type: CabinetType
    lock_code: str | None
    is_public: bool
    contact_name: str | None
    contact_phone: str | None
    contact_email: str | None
    guardians: list[EtpInventoryGuardianRead]
    on_hand: int
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        district = self.district

        csp_id = str(self.csp_id)

        name = self.name

        address = self.address

        postcode = self.postcode

        latitude = self.latitude

        longitude = self.longitude

        access_hours: str | None
        access_hours = self.access_hours

        cabinet_type = self.cabinet_type.value

        lock_code: str | None
        lock_code = self.lock_code

        is_public = self.is_public

        contact_name: str | None
        contact_name = self.contact_name

        contact_phone: str | None
        contact_phone = self.contact_phone

        contact_email: str | None
        contact_email = self.contact_email

        guardians = []
        for guardians_item_data in self.guardians:
            guardians_item = guardians_item_data.to_dict()
            guardians.append(guardians_item)

        on_hand = self.on_hand

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "district": district,
                "csp_id": csp_id,
                "name": name,
                "address": address,
                "postcode": postcode,
                "latitude": latitude,
                "longitude": longitude,
                "access_hours": access_hours,
                "cabinet_type": cabinet_type,
                "lock_code": lock_code,
                "is_public": is_public,
                "contact_name": contact_name,
                "contact_phone": contact_phone,
                "contact_email": contact_email,
                "guardians": guardians,
                "on_hand": on_hand,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.etp_inventory_guardian_read import EtpInventoryGuardianRead

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        district = d.pop("district")

        csp_id = UUID(d.pop("csp_id"))

        name = d.pop("name")

        address = d.pop("address")

        postcode = d.pop("postcode")

        latitude = d.pop("latitude")

        longitude = d.pop("longitude")

        def _parse_access_hours(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        access_hours = _parse_access_hours(d.pop("access_hours"))

        cabinet_type = CabinetType(d.pop("cabinet_type"))

        def _parse_lock_code(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        lock_code = _parse_lock_code(d.pop("lock_code"))

        is_public = d.pop("is_public")

        def _parse_contact_name(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        contact_name = _parse_contact_name(d.pop("contact_name"))

        def _parse_contact_phone(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        contact_phone = _parse_contact_phone(d.pop("contact_phone"))

        def _parse_contact_email(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        contact_email = _parse_contact_email(d.pop("contact_email"))

        guardians = []
        _guardians = d.pop("guardians")
        for guardians_item_data in _guardians:
            guardians_item = EtpInventoryGuardianRead.from_dict(guardians_item_data)

            guardians.append(guardians_item)

        on_hand = d.pop("on_hand")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        site_read = cls(
            id=id,
            district=district,
            csp_id=csp_id,
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
            guardians=guardians,
            on_hand=on_hand,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        site_read.additional_properties = d
        return site_read

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
