from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MonitoringReturnVersionRead")


@_attrs_define
class MonitoringReturnVersionRead:
    """One version of a return's figures: the submission (version 1) or an amendment (with its reason).

    Attributes:
        id (UUID):
        return_id (UUID):
        version (int):
        people_served (int):
        sessions_delivered (int):
        outcomes (str):
        reason (None | str): Why it was amended; None for the submission (version 1).
        recorded_by (str): Who recorded it (the token's subject).
        recorded_by_name (None | str): Their display name at the time.
        recorded_at (datetime.datetime):
    """

    id: UUID
    return_id: UUID
    version: int
    people_served: int
    sessions_delivered: int
    outcomes: str
    reason: str | None
    recorded_by: str
    recorded_by_name: str | None
    recorded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        return_id = str(self.return_id)

        version = self.version

        people_served = self.people_served

        sessions_delivered = self.sessions_delivered

        outcomes = self.outcomes

        reason: str | None
        reason = self.reason

        recorded_by = self.recorded_by

        recorded_by_name: str | None
        recorded_by_name = self.recorded_by_name

        recorded_at = self.recorded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "return_id": return_id,
                "version": version,
                "people_served": people_served,
                "sessions_delivered": sessions_delivered,
                "outcomes": outcomes,
                "reason": reason,
                "recorded_by": recorded_by,
                "recorded_by_name": recorded_by_name,
                "recorded_at": recorded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        return_id = UUID(d.pop("return_id"))

        version = d.pop("version")

        people_served = d.pop("people_served")

        sessions_delivered = d.pop("sessions_delivered")

        outcomes = d.pop("outcomes")

        def _parse_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        recorded_by = d.pop("recorded_by")

        def _parse_recorded_by_name(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        recorded_by_name = _parse_recorded_by_name(d.pop("recorded_by_name"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        monitoring_return_version_read = cls(
            id=id,
            return_id=return_id,
            version=version,
            people_served=people_served,
            sessions_delivered=sessions_delivered,
            outcomes=outcomes,
            reason=reason,
            recorded_by=recorded_by,
            recorded_by_name=recorded_by_name,
            recorded_at=recorded_at,
        )

        monitoring_return_version_read.additional_properties = d
        return monitoring_return_version_read

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
