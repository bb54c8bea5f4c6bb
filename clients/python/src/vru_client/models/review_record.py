from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.review_event_read import ReviewEventRead


T = TypeVar("T", bound="ReviewRecord")


@_attrs_define
class ReviewRecord:
    """
    Attributes:
        id (UUID):
        status (str):
        area (str):
        outcome_reason (None | str):
        forum_case_ref (None | str):
        created_at (datetime.datetime):
        closed_at (datetime.datetime | None):
        events (list[ReviewEventRead]):
    """

    id: UUID
    status: str
    area: str
    outcome_reason: str | None
    forum_case_ref: str | None
    created_at: datetime.datetime
    closed_at: datetime.datetime | None
    events: list[ReviewEventRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status

        area = self.area

        outcome_reason: str | None
        outcome_reason = self.outcome_reason

        forum_case_ref: str | None
        forum_case_ref = self.forum_case_ref

        created_at = self.created_at.isoformat()

        closed_at: str | None
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

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
                "outcome_reason": outcome_reason,
                "forum_case_ref": forum_case_ref,
                "created_at": created_at,
                "closed_at": closed_at,
                "events": events,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.review_event_read import ReviewEventRead

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = d.pop("status")

        area = d.pop("area")

        def _parse_outcome_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        outcome_reason = _parse_outcome_reason(d.pop("outcome_reason"))

        def _parse_forum_case_ref(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        forum_case_ref = _parse_forum_case_ref(d.pop("forum_case_ref"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

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

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = ReviewEventRead.from_dict(events_item_data)

            events.append(events_item)

        review_record = cls(
            id=id,
            status=status,
            area=area,
            outcome_reason=outcome_reason,
            forum_case_ref=forum_case_ref,
            created_at=created_at,
            closed_at=closed_at,
            events=events,
        )

        review_record.additional_properties = d
        return review_record

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
