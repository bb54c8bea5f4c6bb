from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.review_status import ReviewStatus

if TYPE_CHECKING:
    from ..models.review_event_read import ReviewEventRead
    from ..models.review_incident import ReviewIncident
    from ..models.review_subject_read import ReviewSubjectRead


T = TypeVar("T", bound="ReviewRead")


@_attrs_define
class ReviewRead:
    """A review with its incidents, young people and history (who did what, when).

    Attributes:
        id (UUID):
        status (ReviewStatus):
        area (str): Code of the coordinator area it is routed to (the first incident's district).
        district (str): Code of the district of the incident that opened it.
        districts (list[str]): Every district drawn in: the incidents' districts and where the people involved live.
        incident_count (int):
        subject_count (int): Young people (25 or under) in the review.
        forum_case_ref (None | str): For `already_managed`: the existing forum case reference.
        outcome_reason (None | str): The reason given for the outcome (required for NFA).
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        closed_at (datetime.datetime | None):
        due_on (datetime.date): Target date: the configured number of working days (Mon–Fri) after opening.
        overdue (bool): Not closed and past `due_on`.
        version (int): Bumped on every change; the ETag is `"v<version>"`.
        incidents (list[ReviewIncident]):
        subjects (list[ReviewSubjectRead]):
        events (list[ReviewEventRead]):
    """

    id: UUID
    status: ReviewStatus
    area: str
    district: str
    districts: list[str]
    incident_count: int
    subject_count: int
    forum_case_ref: str | None
    outcome_reason: str | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    closed_at: datetime.datetime | None
    due_on: datetime.date
    overdue: bool
    version: int
    incidents: list[ReviewIncident]
    subjects: list[ReviewSubjectRead]
    events: list[ReviewEventRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status.value

        area = self.area

        district = self.district

        districts = self.districts

        incident_count = self.incident_count

        subject_count = self.subject_count

        forum_case_ref: str | None
        forum_case_ref = self.forum_case_ref

        outcome_reason: str | None
        outcome_reason = self.outcome_reason

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        closed_at: str | None
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        due_on = self.due_on.isoformat()

        overdue = self.overdue

        version = self.version

        incidents = []
        for incidents_item_data in self.incidents:
            incidents_item = incidents_item_data.to_dict()
            incidents.append(incidents_item)

        subjects = []
        for subjects_item_data in self.subjects:
            subjects_item = subjects_item_data.to_dict()
            subjects.append(subjects_item)

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "area": area,
                "district": district,
                "districts": districts,
                "incident_count": incident_count,
                "subject_count": subject_count,
                "forum_case_ref": forum_case_ref,
                "outcome_reason": outcome_reason,
                "created_at": created_at,
                "updated_at": updated_at,
                "closed_at": closed_at,
                "due_on": due_on,
                "overdue": overdue,
                "version": version,
                "incidents": incidents,
                "subjects": subjects,
                "events": events,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.review_event_read import ReviewEventRead
        from ..models.review_incident import ReviewIncident
        from ..models.review_subject_read import ReviewSubjectRead

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = ReviewStatus(d.pop("status"))

        area = d.pop("area")

        district = d.pop("district")

        districts = cast(list[str], d.pop("districts"))

        incident_count = d.pop("incident_count")

        subject_count = d.pop("subject_count")

        def _parse_forum_case_ref(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        forum_case_ref = _parse_forum_case_ref(d.pop("forum_case_ref"))

        def _parse_outcome_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        outcome_reason = _parse_outcome_reason(d.pop("outcome_reason"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        overdue = d.pop("overdue")

        version = d.pop("version")

        incidents = []
        _incidents = d.pop("incidents")
        for incidents_item_data in _incidents:
            incidents_item = ReviewIncident.from_dict(incidents_item_data)

            incidents.append(incidents_item)

        subjects = []
        _subjects = d.pop("subjects")
        for subjects_item_data in _subjects:
            subjects_item = ReviewSubjectRead.from_dict(subjects_item_data)

            subjects.append(subjects_item)

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = ReviewEventRead.from_dict(events_item_data)

            events.append(events_item)

        review_read = cls(
            id=id,
            status=status,
            area=area,
            district=district,
            districts=districts,
            incident_count=incident_count,
            subject_count=subject_count,
            forum_case_ref=forum_case_ref,
            outcome_reason=outcome_reason,
            created_at=created_at,
            updated_at=updated_at,
            closed_at=closed_at,
            due_on=due_on,
            overdue=overdue,
            version=version,
            incidents=incidents,
            subjects=subjects,
            events=events,
        )

        review_read.additional_properties = d
        return review_read

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
