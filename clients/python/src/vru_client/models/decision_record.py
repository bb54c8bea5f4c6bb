from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DecisionRecord")


@_attrs_define
class DecisionRecord:
    """
    Attributes:
        id (UUID):
        meeting_id (UUID):
        referral_id (UUID):
        decision (str):
        recorded_at (datetime.datetime):
    """

    id: UUID
    meeting_id: UUID
    referral_id: UUID
    decision: str
    recorded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        meeting_id = str(self.meeting_id)

        referral_id = str(self.referral_id)

        decision = self.decision

        recorded_at = self.recorded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "meeting_id": meeting_id,
                "referral_id": referral_id,
                "decision": decision,
                "recorded_at": recorded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        meeting_id = UUID(d.pop("meeting_id"))

        referral_id = UUID(d.pop("referral_id"))

        decision = d.pop("decision")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        decision_record = cls(
            id=id,
            meeting_id=meeting_id,
            referral_id=referral_id,
            decision=decision,
            recorded_at=recorded_at,
        )

        decision_record.additional_properties = d
        return decision_record

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
