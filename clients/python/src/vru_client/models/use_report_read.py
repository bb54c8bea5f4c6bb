from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.crime_reference_status import CrimeReferenceStatus

T = TypeVar("T", bound="UseReportRead")


@_attrs_define
class UseReportRead:
    """
    Attributes:
        id (UUID):
        pack_id (UUID):
        serial (str):
        site_id (UUID):
        site_name (str):
        district (str):
        used_at (datetime.datetime):
        crime_reference (None | str):
        crime_reference_status (CrimeReferenceStatus | None): `verified`: referrals knows it; `unknown`: referrals does
            not; `unverified`: referrals could not be asked yet (it is asked again in the background); `null` without a
            reference.
        crime_reference_checked_at (datetime.datetime | None):
        notes (None | str):
        reported_by (str):
        reported_by_name (None | str):
        resupply_task_id (None | UUID):
        created_at (datetime.datetime):
        version (int):
    """

    id: UUID
    pack_id: UUID
    serial: str
    site_id: UUID
    site_name: str
    district: str
    used_at: datetime.datetime
    crime_reference: str | None
    crime_reference_status: CrimeReferenceStatus | None
    crime_reference_checked_at: datetime.datetime | None
    notes: str | None
    reported_by: str
    reported_by_name: str | None
    resupply_task_id: UUID | None
    created_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        pack_id = str(self.pack_id)

        serial = self.serial

        site_id = str(self.site_id)

        site_name = self.site_name

        district = self.district

        used_at = self.used_at.isoformat()

        crime_reference: str | None
        crime_reference = self.crime_reference

        crime_reference_status: str | None
        if isinstance(self.crime_reference_status, CrimeReferenceStatus):
            crime_reference_status = self.crime_reference_status.value
        else:
            crime_reference_status = self.crime_reference_status

        crime_reference_checked_at: str | None
        if isinstance(self.crime_reference_checked_at, datetime.datetime):
            crime_reference_checked_at = self.crime_reference_checked_at.isoformat()
        else:
            crime_reference_checked_at = self.crime_reference_checked_at

        notes: str | None
        notes = self.notes

        reported_by = self.reported_by

        reported_by_name: str | None
        reported_by_name = self.reported_by_name

        resupply_task_id: str | None
        if isinstance(self.resupply_task_id, UUID):
            resupply_task_id = str(self.resupply_task_id)
        else:
            resupply_task_id = self.resupply_task_id

        created_at = self.created_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "pack_id": pack_id,
                "serial": serial,
                "site_id": site_id,
                "site_name": site_name,
                "district": district,
                "used_at": used_at,
                "crime_reference": crime_reference,
                "crime_reference_status": crime_reference_status,
                "crime_reference_checked_at": crime_reference_checked_at,
                "notes": notes,
                "reported_by": reported_by,
                "reported_by_name": reported_by_name,
                "resupply_task_id": resupply_task_id,
                "created_at": created_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        pack_id = UUID(d.pop("pack_id"))

        serial = d.pop("serial")

        site_id = UUID(d.pop("site_id"))

        site_name = d.pop("site_name")

        district = d.pop("district")

        used_at = datetime.datetime.fromisoformat(d.pop("used_at"))

        def _parse_crime_reference(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        crime_reference = _parse_crime_reference(d.pop("crime_reference"))

        def _parse_crime_reference_status(data: object) -> CrimeReferenceStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                crime_reference_status_type_0 = CrimeReferenceStatus(data)

                return crime_reference_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CrimeReferenceStatus | None, data)

        crime_reference_status = _parse_crime_reference_status(d.pop("crime_reference_status"))

        def _parse_crime_reference_checked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                crime_reference_checked_at_type_0 = datetime.datetime.fromisoformat(data)

                return crime_reference_checked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        crime_reference_checked_at = _parse_crime_reference_checked_at(d.pop("crime_reference_checked_at"))

        def _parse_notes(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        reported_by = d.pop("reported_by")

        def _parse_reported_by_name(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        reported_by_name = _parse_reported_by_name(d.pop("reported_by_name"))

        def _parse_resupply_task_id(data: object) -> UUID | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resupply_task_id_type_0 = UUID(data)

                return resupply_task_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        resupply_task_id = _parse_resupply_task_id(d.pop("resupply_task_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        version = d.pop("version")

        use_report_read = cls(
            id=id,
            pack_id=pack_id,
            serial=serial,
            site_id=site_id,
            site_name=site_name,
            district=district,
            used_at=used_at,
            crime_reference=crime_reference,
            crime_reference_status=crime_reference_status,
            crime_reference_checked_at=crime_reference_checked_at,
            notes=notes,
            reported_by=reported_by,
            reported_by_name=reported_by_name,
            resupply_task_id=resupply_task_id,
            created_at=created_at,
            version=version,
        )

        use_report_read.additional_properties = d
        return use_report_read

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
