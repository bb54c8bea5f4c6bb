from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.meeting_status import MeetingStatus

if TYPE_CHECKING:
    from ..models.agency_ref import AgencyRef
    from ..models.forum_ref import ForumRef


T = TypeVar("T", bound="MeetingSummary")


@_attrs_define
class MeetingSummary:
    """A sitting of a forum.

    Attributes:
        id (UUID):
        forum (ForumRef):
        area (str): Coordinator area code it serves.
        held_at (datetime.datetime):
        status (MeetingStatus):
        districts (list[str]):
        attending_agencies (list[AgencyRef]):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int): The ETag is `"v<version>"`.
    """

    id: UUID
    forum: ForumRef
    area: str
    held_at: datetime.datetime
    status: MeetingStatus
    districts: list[str]
    attending_agencies: list[AgencyRef]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        forum = self.forum.to_dict()

        area = self.area

        held_at = self.held_at.isoformat()

        status = self.status.value

        districts = self.districts

        attending_agencies = []
        for attending_agencies_item_data in self.attending_agencies:
            attending_agencies_item = attending_agencies_item_data.to_dict()
            attending_agencies.append(attending_agencies_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "forum": forum,
                "area": area,
                "held_at": held_at,
                "status": status,
                "districts": districts,
                "attending_agencies": attending_agencies,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agency_ref import AgencyRef
        from ..models.forum_ref import ForumRef

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        forum = ForumRef.from_dict(d.pop("forum"))

        area = d.pop("area")

        held_at = datetime.datetime.fromisoformat(d.pop("held_at"))

        status = MeetingStatus(d.pop("status"))

        districts = cast(list[str], d.pop("districts"))

        attending_agencies = []
        _attending_agencies = d.pop("attending_agencies")
        for attending_agencies_item_data in _attending_agencies:
            attending_agencies_item = AgencyRef.from_dict(attending_agencies_item_data)

            attending_agencies.append(attending_agencies_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        meeting_summary = cls(
            id=id,
            forum=forum,
            area=area,
            held_at=held_at,
            status=status,
            districts=districts,
            attending_agencies=attending_agencies,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
        )

        meeting_summary.additional_properties = d
        return meeting_summary

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
