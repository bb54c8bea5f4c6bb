from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CheckCreate")


@_attrs_define
class CheckCreate:
    """A guardian's check of one pack at their site.

    Attributes:
        pack_id (UUID):
        seal_intact (bool): The tamper seal is unbroken.
        contents_present (bool): Everything listed on the card is in the bag.
        expiry_seen (bool): The expiry date on the pack was read and it is in date.
        checked_at (datetime.datetime | None | Unset): When; defaults to now. Not in the future.
        notes (None | str | Unset):
    """

    pack_id: UUID
    seal_intact: bool
    contents_present: bool
    expiry_seen: bool
    checked_at: datetime.datetime | Unset | None = UNSET
    notes: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        pack_id = str(self.pack_id)

        seal_intact = self.seal_intact

        contents_present = self.contents_present

        expiry_seen = self.expiry_seen

        checked_at: str | Unset | None
        if isinstance(self.checked_at, Unset):
            checked_at = UNSET
        elif isinstance(self.checked_at, datetime.datetime):
            checked_at = self.checked_at.isoformat()
        else:
            checked_at = self.checked_at

        notes: str | Unset | None
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "pack_id": pack_id,
                "seal_intact": seal_intact,
                "contents_present": contents_present,
                "expiry_seen": expiry_seen,
            }
        )
        if checked_at is not UNSET:
            field_dict["checked_at"] = checked_at
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pack_id = UUID(d.pop("pack_id"))

        seal_intact = d.pop("seal_intact")

        contents_present = d.pop("contents_present")

        expiry_seen = d.pop("expiry_seen")

        def _parse_checked_at(data: object) -> datetime.datetime | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                checked_at_type_0 = datetime.datetime.fromisoformat(data)

                return checked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        checked_at = _parse_checked_at(d.pop("checked_at", UNSET))

        def _parse_notes(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        check_create = cls(
            pack_id=pack_id,
            seal_intact=seal_intact,
            contents_present=contents_present,
            expiry_seen=expiry_seen,
            checked_at=checked_at,
            notes=notes,
        )

        return check_create
