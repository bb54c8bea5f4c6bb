from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MonitoringReturnRead")


@_attrs_define
class MonitoringReturnRead:
    """A quarterly monitoring return (financial-year quarters), due 30 days after the quarter ends.

    Attributes:
        id (UUID):
        grant_id (UUID):
        period (str):
        quarter_start (datetime.date):
        quarter_end (datetime.date):
        due_on (datetime.date):
        people_served (int | None):
        sessions_delivered (int | None):
        outcomes (None | str):
        submitted_at (datetime.datetime | None):
        submitted_by (None | str):
        version (int): The figures' version: 0 before submission, 1 as submitted, one more per amendment. The figures
            shown (and every total derived from returns) are the latest version's; earlier ones are at `/v1/monitoring-
            returns/{id}/versions`.
        amended_at (datetime.datetime | None): When the figures were last amended (None if never).
        amended_by (None | str):
        overdue (bool): Not submitted and past `due_on`.
        people_referred (int | Unset): Young people referred through the referrals service and accepted by the project
            in the quarter, counted automatically (part of the people receiving a service). Default: 0.
    """

    id: UUID
    grant_id: UUID
    period: str
    quarter_start: datetime.date
    quarter_end: datetime.date
    due_on: datetime.date
    people_served: int | None
    sessions_delivered: int | None
    outcomes: str | None
    submitted_at: datetime.datetime | None
    submitted_by: str | None
    version: int
    amended_at: datetime.datetime | None
    amended_by: str | None
    overdue: bool
    people_referred: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        grant_id = str(self.grant_id)

        period = self.period

        quarter_start = self.quarter_start.isoformat()

        quarter_end = self.quarter_end.isoformat()

        due_on = self.due_on.isoformat()

        people_served: int | None
        people_served = self.people_served

        sessions_delivered: int | None
        sessions_delivered = self.sessions_delivered

        outcomes: str | None
        outcomes = self.outcomes

        submitted_at: str | None
        if isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        submitted_by: str | None
        submitted_by = self.submitted_by

        version = self.version

        amended_at: str | None
        if isinstance(self.amended_at, datetime.datetime):
            amended_at = self.amended_at.isoformat()
        else:
            amended_at = self.amended_at

        amended_by: str | None
        amended_by = self.amended_by

        overdue = self.overdue

        people_referred = self.people_referred

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "grant_id": grant_id,
                "period": period,
                "quarter_start": quarter_start,
                "quarter_end": quarter_end,
                "due_on": due_on,
                "people_served": people_served,
                "sessions_delivered": sessions_delivered,
                "outcomes": outcomes,
                "submitted_at": submitted_at,
                "submitted_by": submitted_by,
                "version": version,
                "amended_at": amended_at,
                "amended_by": amended_by,
                "overdue": overdue,
            }
        )
        if people_referred is not UNSET:
            field_dict["people_referred"] = people_referred

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        grant_id = UUID(d.pop("grant_id"))

        period = d.pop("period")

        quarter_start = datetime.date.fromisoformat(d.pop("quarter_start"))

        quarter_end = datetime.date.fromisoformat(d.pop("quarter_end"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        def _parse_people_served(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        people_served = _parse_people_served(d.pop("people_served"))

        def _parse_sessions_delivered(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        sessions_delivered = _parse_sessions_delivered(d.pop("sessions_delivered"))

        def _parse_outcomes(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        outcomes = _parse_outcomes(d.pop("outcomes"))

        def _parse_submitted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at"))

        def _parse_submitted_by(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        submitted_by = _parse_submitted_by(d.pop("submitted_by"))

        version = d.pop("version")

        def _parse_amended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                amended_at_type_0 = datetime.datetime.fromisoformat(data)

                return amended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        amended_at = _parse_amended_at(d.pop("amended_at"))

        def _parse_amended_by(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        amended_by = _parse_amended_by(d.pop("amended_by"))

        overdue = d.pop("overdue")

        people_referred = d.pop("people_referred", UNSET)

        monitoring_return_read = cls(
            id=id,
            grant_id=grant_id,
            period=period,
            quarter_start=quarter_start,
            quarter_end=quarter_end,
            due_on=due_on,
            people_served=people_served,
            sessions_delivered=sessions_delivered,
            outcomes=outcomes,
            submitted_at=submitted_at,
            submitted_by=submitted_by,
            version=version,
            amended_at=amended_at,
            amended_by=amended_by,
            overdue=overdue,
            people_referred=people_referred,
        )

        monitoring_return_read.additional_properties = d
        return monitoring_return_read

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
