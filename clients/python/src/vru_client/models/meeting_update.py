from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.meeting_status import MeetingStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="MeetingUpdate")


@_attrs_define
class MeetingUpdate:
    """Change a meeting: record that it was held (or cancelled), its minutes, who attended, a new time.

    Attributes:
        held_at (datetime.datetime | None | Unset):
        status (MeetingStatus | None | Unset):
        minutes (None | str | Unset):
        attending_agencies (list[str] | None | Unset):
    """

    held_at: datetime.datetime | Unset | None = UNSET
    status: MeetingStatus | Unset | None = UNSET
    minutes: str | Unset | None = UNSET
    attending_agencies: list[str] | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        held_at: str | Unset | None
        if isinstance(self.held_at, Unset):
            held_at = UNSET
        elif isinstance(self.held_at, datetime.datetime):
            held_at = self.held_at.isoformat()
        else:
            held_at = self.held_at

        status: str | Unset | None
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, MeetingStatus):
            status = self.status.value
        else:
            status = self.status

        minutes: str | Unset | None
        if isinstance(self.minutes, Unset):
            minutes = UNSET
        else:
            minutes = self.minutes

        attending_agencies: list[str] | Unset | None
        if isinstance(self.attending_agencies, Unset):
            attending_agencies = UNSET
        elif isinstance(self.attending_agencies, list):
            attending_agencies = self.attending_agencies

        else:
            attending_agencies = self.attending_agencies

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if held_at is not UNSET:
            field_dict["held_at"] = held_at
        if status is not UNSET:
            field_dict["status"] = status
        if minutes is not UNSET:
            field_dict["minutes"] = minutes
        if attending_agencies is not UNSET:
            field_dict["attending_agencies"] = attending_agencies

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_held_at(data: object) -> datetime.datetime | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                held_at_type_0 = datetime.datetime.fromisoformat(data)

                return held_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        held_at = _parse_held_at(d.pop("held_at", UNSET))

        def _parse_status(data: object) -> MeetingStatus | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = MeetingStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeetingStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_minutes(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        minutes = _parse_minutes(d.pop("minutes", UNSET))

        def _parse_attending_agencies(data: object) -> list[str] | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                attending_agencies_type_0 = cast(list[str], data)

                return attending_agencies_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        attending_agencies = _parse_attending_agencies(d.pop("attending_agencies", UNSET))

        meeting_update = cls(
            held_at=held_at,
            status=status,
            minutes=minutes,
            attending_agencies=attending_agencies,
        )

        return meeting_update
