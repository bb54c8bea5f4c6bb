from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_status import ActionStatus

if TYPE_CHECKING:
    from ..models.agency_ref import AgencyRef
    from ..models.person_ref import PersonRef


T = TypeVar("T", bound="ActionRead")


@_attrs_define
class ActionRead:
    """An action agreed at a meeting, owned by one agency.

    Attributes:
        id (UUID):
        meeting_id (UUID):
        subject (PersonRef): The young person, as the audience needs them (`id` only for VRU staff).
        owner_agency (AgencyRef):
        area (str): Coordinator area code of the meeting.
        description (str):
        due_on (datetime.date):
        status (ActionStatus):
        note (None | str):
        overdue (bool): Still open or in progress after its due date (UK date).
        completed_at (datetime.datetime | None):
        updated_at (datetime.datetime):
        version (int): The ETag is `"v<version>"`.
    """

    id: UUID
    meeting_id: UUID
    subject: PersonRef
    owner_agency: AgencyRef
    area: str
    description: str
    due_on: datetime.date
    status: ActionStatus
    note: str | None
    overdue: bool
    completed_at: datetime.datetime | None
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        meeting_id = str(self.meeting_id)

        subject = self.subject.to_dict()

        owner_agency = self.owner_agency.to_dict()

        area = self.area

        description = self.description

        due_on = self.due_on.isoformat()

        status = self.status.value

        note: str | None
        note = self.note

        overdue = self.overdue

        completed_at: str | None
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "meeting_id": meeting_id,
                "subject": subject,
                "owner_agency": owner_agency,
                "area": area,
                "description": description,
                "due_on": due_on,
                "status": status,
                "note": note,
                "overdue": overdue,
                "completed_at": completed_at,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agency_ref import AgencyRef
        from ..models.person_ref import PersonRef

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        meeting_id = UUID(d.pop("meeting_id"))

        subject = PersonRef.from_dict(d.pop("subject"))

        owner_agency = AgencyRef.from_dict(d.pop("owner_agency"))

        area = d.pop("area")

        description = d.pop("description")

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        status = ActionStatus(d.pop("status"))

        def _parse_note(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        overdue = d.pop("overdue")

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        action_read = cls(
            id=id,
            meeting_id=meeting_id,
            subject=subject,
            owner_agency=owner_agency,
            area=area,
            description=description,
            due_on=due_on,
            status=status,
            note=note,
            overdue=overdue,
            completed_at=completed_at,
            updated_at=updated_at,
            version=version,
        )

        action_read.additional_properties = d
        return action_read

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
