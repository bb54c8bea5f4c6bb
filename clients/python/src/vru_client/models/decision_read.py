from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.action_read import ActionRead
    from ..models.person_ref import PersonRef


T = TypeVar("T", bound="DecisionRead")


@_attrs_define
class DecisionRead:
    """
    Attributes:
        id (UUID):
        referral_id (UUID):
        subject (PersonRef): The young person, as the audience needs them (`id` only for VRU staff).
        decision (str):
        recorded_at (datetime.datetime):
        actions (list[ActionRead]):
    """

    id: UUID
    referral_id: UUID
    subject: PersonRef
    decision: str
    recorded_at: datetime.datetime
    actions: list[ActionRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        referral_id = str(self.referral_id)

        subject = self.subject.to_dict()

        decision = self.decision

        recorded_at = self.recorded_at.isoformat()

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "referral_id": referral_id,
                "subject": subject,
                "decision": decision,
                "recorded_at": recorded_at,
                "actions": actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_read import ActionRead
        from ..models.person_ref import PersonRef

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        referral_id = UUID(d.pop("referral_id"))

        subject = PersonRef.from_dict(d.pop("subject"))

        decision = d.pop("decision")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = ActionRead.from_dict(actions_item_data)

            actions.append(actions_item)

        decision_read = cls(
            id=id,
            referral_id=referral_id,
            subject=subject,
            decision=decision,
            recorded_at=recorded_at,
            actions=actions,
        )

        decision_read.additional_properties = d
        return decision_read

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
