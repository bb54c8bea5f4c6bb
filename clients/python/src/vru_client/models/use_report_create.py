from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UseReportCreate")


@_attrs_define
class UseReportCreate:
    """A pack at a site was used. Report it even without a crime reference: a used pack is never unrecorded.

    Attributes:
        pack_id (UUID):
        site_id (UUID): The site the pack was taken from (it must be there).
        used_at (datetime.datetime):
        crime_reference (None | str | Unset): The police crime reference, if any.
        notes (None | str | Unset):
    """

    pack_id: UUID
    site_id: UUID
    used_at: datetime.datetime
    crime_reference: str | Unset | None = UNSET
    notes: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        pack_id = str(self.pack_id)

        site_id = str(self.site_id)

        used_at = self.used_at.isoformat()

        crime_reference: str | Unset | None
        if isinstance(self.crime_reference, Unset):
            crime_reference = UNSET
        else:
            crime_reference = self.crime_reference

        notes: str | Unset | None
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "pack_id": pack_id,
                "site_id": site_id,
                "used_at": used_at,
            }
        )
        if crime_reference is not UNSET:
            field_dict["crime_reference"] = crime_reference
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pack_id = UUID(d.pop("pack_id"))

        site_id = UUID(d.pop("site_id"))

        used_at = datetime.datetime.fromisoformat(d.pop("used_at"))

        def _parse_crime_reference(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        crime_reference = _parse_crime_reference(d.pop("crime_reference", UNSET))

        def _parse_notes(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        use_report_create = cls(
            pack_id=pack_id,
            site_id=site_id,
            used_at=used_at,
            crime_reference=crime_reference,
            notes=notes,
        )

        return use_report_create
