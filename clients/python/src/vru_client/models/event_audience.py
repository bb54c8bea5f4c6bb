from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EventAudience")


@_attrs_define
class EventAudience:
    """
    Attributes:
        agencies (list[UUID] | Unset):
        staff (bool | Unset):  Default: True.
        people (list[UUID] | Unset):
    """

    agencies: list[UUID] | Unset = UNSET
    staff: bool | Unset = True
    people: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        agencies: list[str] | Unset = UNSET
        if not isinstance(self.agencies, Unset):
            agencies = []
            for agencies_item_data in self.agencies:
                agencies_item = str(agencies_item_data)
                agencies.append(agencies_item)

        staff = self.staff

        people: list[str] | Unset = UNSET
        if not isinstance(self.people, Unset):
            people = []
            for people_item_data in self.people:
                people_item = str(people_item_data)
                people.append(people_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if agencies is not UNSET:
            field_dict["agencies"] = agencies
        if staff is not UNSET:
            field_dict["staff"] = staff
        if people is not UNSET:
            field_dict["people"] = people

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _agencies = d.pop("agencies", UNSET)
        agencies: list[UUID] | Unset = UNSET
        if _agencies is not UNSET:
            agencies = []
            for agencies_item_data in _agencies:
                agencies_item = UUID(agencies_item_data)

                agencies.append(agencies_item)

        staff = d.pop("staff", UNSET)

        _people = d.pop("people", UNSET)
        people: list[UUID] | Unset = UNSET
        if _people is not UNSET:
            people = []
            for people_item_data in _people:
                people_item = UUID(people_item_data)

                people.append(people_item)

        event_audience = cls(
            agencies=agencies,
            staff=staff,
            people=people,
        )

        return event_audience
