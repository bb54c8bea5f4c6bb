from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MeetingCreate")


@_attrs_define
class MeetingCreate:
    """A forum sitting. `districts` default to the forum's (a DCSM's district, an area meeting's districts);
    CARM needs them given.

        Attributes:
            forum (str):
            held_at (datetime.datetime): From 2000-01-01 to 10 years from today.
            districts (list[str] | None | Unset):
            attending_agencies (list[str] | Unset):
    """

    forum: str
    held_at: datetime.datetime
    districts: list[str] | Unset | None = UNSET
    attending_agencies: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        forum = self.forum

        held_at = self.held_at.isoformat()

        districts: list[str] | Unset | None
        if isinstance(self.districts, Unset):
            districts = UNSET
        elif isinstance(self.districts, list):
            districts = self.districts

        else:
            districts = self.districts

        attending_agencies: list[str] | Unset = UNSET
        if not isinstance(self.attending_agencies, Unset):
            attending_agencies = self.attending_agencies

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "forum": forum,
                "held_at": held_at,
            }
        )
        if districts is not UNSET:
            field_dict["districts"] = districts
        if attending_agencies is not UNSET:
            field_dict["attending_agencies"] = attending_agencies

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        forum = d.pop("forum")

        held_at = datetime.datetime.fromisoformat(d.pop("held_at"))

        def _parse_districts(data: object) -> list[str] | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                districts_type_0 = cast(list[str], data)

                return districts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        districts = _parse_districts(d.pop("districts", UNSET))

        attending_agencies = cast(list[str], d.pop("attending_agencies", UNSET))

        meeting_create = cls(
            forum=forum,
            held_at=held_at,
            districts=districts,
            attending_agencies=attending_agencies,
        )

        return meeting_create
