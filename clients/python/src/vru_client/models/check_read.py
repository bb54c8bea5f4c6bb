from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CheckRead")


@_attrs_define
class CheckRead:
    """
    Attributes:
        id (UUID):
        pack_id (UUID):
        serial (str):
        site_id (UUID):
        checked_at (datetime.datetime):
        seal_intact (bool):
        contents_present (bool):
        expiry_seen (bool):
        notes (None | str):
        checked_by (str):
        checked_by_name (None | str):
        passed (bool): All three were fine; otherwise the pack needs attention.
    """

    id: UUID
    pack_id: UUID
    serial: str
    site_id: UUID
    checked_at: datetime.datetime
    seal_intact: bool
    contents_present: bool
    expiry_seen: bool
    notes: str | None
    checked_by: str
    checked_by_name: str | None
    passed: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        pack_id = str(self.pack_id)

        serial = self.serial

        site_id = str(self.site_id)

        checked_at = self.checked_at.isoformat()

        seal_intact = self.seal_intact

        contents_present = self.contents_present

        expiry_seen = self.expiry_seen

        notes: str | None
        notes = self.notes

        checked_by = self.checked_by

        checked_by_name: str | None
        checked_by_name = self.checked_by_name

        passed = self.passed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "pack_id": pack_id,
                "serial": serial,
                "site_id": site_id,
                "checked_at": checked_at,
                "seal_intact": seal_intact,
                "contents_present": contents_present,
                "expiry_seen": expiry_seen,
                "notes": notes,
                "checked_by": checked_by,
                "checked_by_name": checked_by_name,
                "passed": passed,
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

        checked_at = datetime.datetime.fromisoformat(d.pop("checked_at"))

        seal_intact = d.pop("seal_intact")

        contents_present = d.pop("contents_present")

        expiry_seen = d.pop("expiry_seen")

        def _parse_notes(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        checked_by = d.pop("checked_by")

        def _parse_checked_by_name(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        checked_by_name = _parse_checked_by_name(d.pop("checked_by_name"))

        passed = d.pop("passed")

        check_read = cls(
            id=id,
            pack_id=pack_id,
            serial=serial,
            site_id=site_id,
            checked_at=checked_at,
            seal_intact=seal_intact,
            contents_present=contents_present,
            expiry_seen=expiry_seen,
            notes=notes,
            checked_by=checked_by,
            checked_by_name=checked_by_name,
            passed=passed,
        )

        check_read.additional_properties = d
        return check_read

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
