from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.screening_decision import ScreeningDecision

T = TypeVar("T", bound="ManualScreening")


@_attrs_define
class ManualScreening:
    """An analyst's decision on an incident. It sticks: automatic screening never overrides it.

    Attributes:
        decision (ScreeningDecision):
        reason (str): Why (required).
    """

    decision: ScreeningDecision
    reason: str

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision.value

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision": decision,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        decision = ScreeningDecision(d.pop("decision"))

        reason = d.pop("reason")

        manual_screening = cls(
            decision=decision,
            reason=reason,
        )

        return manual_screening
