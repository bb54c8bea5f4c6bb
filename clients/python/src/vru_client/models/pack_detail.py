from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pack_status import PackStatus
from ..models.readiness import Readiness

if TYPE_CHECKING:
    from ..models.location_ref import LocationRef
    from ..models.pack_component_read import PackComponentRead


T = TypeVar("T", bound="PackDetail")


@_attrs_define
class PackDetail:
    """
    Attributes:
        id (UUID):
        public_id (UUID): The id shown on the public map and in open data; never changes.
        serial (str):
        kit_type (str): Kit type code.
        status (PackStatus):
        readiness (None | Readiness): ready | needs_attention | used | check_overdue | expired; `null` once damaged,
            lost or written off.
        location (LocationRef):
        arrived_at (datetime.datetime): When it arrived at that location.
        expires_on (datetime.date | None): Its earliest component's expiry; `null` if nothing expires.
        last_checked_at (datetime.datetime | None):
        next_check_due_at (datetime.datetime | None): At a site: when the next guardian check is due.
        needs_attention (bool): The last check found a problem not yet put right.
        version (int): The ETag is `"v<version>"`.
        components (list[PackComponentRead]):
    """

    id: UUID
    public_id: UUID
    serial: str
    kit_type: str
    status: PackStatus
    readiness: Readiness | None
    location: LocationRef
    arrived_at: datetime.datetime
    expires_on: datetime.date | None
    last_checked_at: datetime.datetime | None
    next_check_due_at: datetime.datetime | None
    needs_attention: bool
    version: int
    components: list[PackComponentRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        public_id = str(self.public_id)

        serial = self.serial

        kit_type = self.kit_type

        status = self.status.value

        readiness: str | None
        if isinstance(self.readiness, Readiness):
            readiness = self.readiness.value
        else:
            readiness = self.readiness

        location = self.location.to_dict()

        arrived_at = self.arrived_at.isoformat()

        expires_on: str | None
        if isinstance(self.expires_on, datetime.date):
            expires_on = self.expires_on.isoformat()
        else:
            expires_on = self.expires_on

        last_checked_at: str | None
        if isinstance(self.last_checked_at, datetime.datetime):
            last_checked_at = self.last_checked_at.isoformat()
        else:
            last_checked_at = self.last_checked_at

        next_check_due_at: str | None
        if isinstance(self.next_check_due_at, datetime.datetime):
            next_check_due_at = self.next_check_due_at.isoformat()
        else:
            next_check_due_at = self.next_check_due_at

        needs_attention = self.needs_attention

        version = self.version

        components = []
        for components_item_data in self.components:
            components_item = components_item_data.to_dict()
            components.append(components_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "public_id": public_id,
                "serial": serial,
                "kit_type": kit_type,
                "status": status,
                "readiness": readiness,
                "location": location,
                "arrived_at": arrived_at,
                "expires_on": expires_on,
                "last_checked_at": last_checked_at,
                "next_check_due_at": next_check_due_at,
                "needs_attention": needs_attention,
                "version": version,
                "components": components,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.location_ref import LocationRef
        from ..models.pack_component_read import PackComponentRead

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        public_id = UUID(d.pop("public_id"))

        serial = d.pop("serial")

        kit_type = d.pop("kit_type")

        status = PackStatus(d.pop("status"))

        def _parse_readiness(data: object) -> Readiness | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                readiness_type_0 = Readiness(data)

                return readiness_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Readiness, data)

        readiness = _parse_readiness(d.pop("readiness"))

        location = LocationRef.from_dict(d.pop("location"))

        arrived_at = datetime.datetime.fromisoformat(d.pop("arrived_at"))

        def _parse_expires_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_on_type_0 = datetime.date.fromisoformat(data)

                return expires_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        expires_on = _parse_expires_on(d.pop("expires_on"))

        def _parse_last_checked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_checked_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_checked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_checked_at = _parse_last_checked_at(d.pop("last_checked_at"))

        def _parse_next_check_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_check_due_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_check_due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_check_due_at = _parse_next_check_due_at(d.pop("next_check_due_at"))

        needs_attention = d.pop("needs_attention")

        version = d.pop("version")

        components = []
        _components = d.pop("components")
        for components_item_data in _components:
            components_item = PackComponentRead.from_dict(components_item_data)

            components.append(components_item)

        pack_detail = cls(
            id=id,
            public_id=public_id,
            serial=serial,
            kit_type=kit_type,
            status=status,
            readiness=readiness,
            location=location,
            arrived_at=arrived_at,
            expires_on=expires_on,
            last_checked_at=last_checked_at,
            next_check_due_at=next_check_due_at,
            needs_attention=needs_attention,
            version=version,
            components=components,
        )

        pack_detail.additional_properties = d
        return pack_detail

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
