from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MonitoringReturnAmend")


@_attrs_define
class MonitoringReturnAmend:
    """Corrected figures for a submitted return, and why: a new version (the earlier ones are kept).

    Attributes:
        people_served (int): People who received a service in the quarter.
        sessions_delivered (int):
        outcomes (str):
        reason (str): Why the figures are corrected (mandatory).
    """

    people_served: int
    sessions_delivered: int
    outcomes: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        people_served = self.people_served

        sessions_delivered = self.sessions_delivered

        outcomes = self.outcomes

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "people_served": people_served,
                "sessions_delivered": sessions_delivered,
                "outcomes": outcomes,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        people_served = d.pop("people_served")

        sessions_delivered = d.pop("sessions_delivered")

        outcomes = d.pop("outcomes")

        reason = d.pop("reason")

        monitoring_return_amend = cls(
            people_served=people_served,
            sessions_delivered=sessions_delivered,
            outcomes=outcomes,
            reason=reason,
        )

        return monitoring_return_amend
