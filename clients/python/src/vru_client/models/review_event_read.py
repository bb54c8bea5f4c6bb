from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.review_event_kind import ReviewEventKind
from ..models.review_status import ReviewStatus

T = TypeVar("T", bound="ReviewEventRead")


@_attrs_define
class ReviewEventRead:
    """
    Attributes:
        kind (ReviewEventKind):
        from_status (None | ReviewStatus):
        to_status (None | ReviewStatus):
        reason (None | str):
        forum_case_ref (None | str):
        incident_id (None | UUID):
        actor (str): Token subject of who did it (the importing client for intake events).
        actor_name (None | str):
        at (datetime.datetime):
    """

    kind: ReviewEventKind
    from_status: ReviewStatus | None
    to_status: ReviewStatus | None
    reason: str | None
    forum_case_ref: str | None
    incident_id: UUID | None
    actor: str
    actor_name: str | None
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        from_status: str | None
        if isinstance(self.from_status, ReviewStatus):
            from_status = self.from_status.value
        else:
            from_status = self.from_status

        to_status: str | None
        if isinstance(self.to_status, ReviewStatus):
            to_status = self.to_status.value
        else:
            to_status = self.to_status

        reason: str | None
        reason = self.reason

        forum_case_ref: str | None
        forum_case_ref = self.forum_case_ref

        incident_id: str | None
        if isinstance(self.incident_id, UUID):
            incident_id = str(self.incident_id)
        else:
            incident_id = self.incident_id

        actor = self.actor

        actor_name: str | None
        actor_name = self.actor_name

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "from_status": from_status,
                "to_status": to_status,
                "reason": reason,
                "forum_case_ref": forum_case_ref,
                "incident_id": incident_id,
                "actor": actor,
                "actor_name": actor_name,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = ReviewEventKind(d.pop("kind"))

        def _parse_from_status(data: object) -> ReviewStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_status_type_0 = ReviewStatus(data)

                return from_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReviewStatus, data)

        from_status = _parse_from_status(d.pop("from_status"))

        def _parse_to_status(data: object) -> ReviewStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_status_type_0 = ReviewStatus(data)

                return to_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReviewStatus, data)

        to_status = _parse_to_status(d.pop("to_status"))

        def _parse_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_forum_case_ref(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        forum_case_ref = _parse_forum_case_ref(d.pop("forum_case_ref"))

        def _parse_incident_id(data: object) -> UUID | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                incident_id_type_0 = UUID(data)

                return incident_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        incident_id = _parse_incident_id(d.pop("incident_id"))

        actor = d.pop("actor")

        def _parse_actor_name(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        actor_name = _parse_actor_name(d.pop("actor_name"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        review_event_read = cls(
            kind=kind,
            from_status=from_status,
            to_status=to_status,
            reason=reason,
            forum_case_ref=forum_case_ref,
            incident_id=incident_id,
            actor=actor,
            actor_name=actor_name,
            at=at,
        )

        review_event_read.additional_properties = d
        return review_event_read

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
