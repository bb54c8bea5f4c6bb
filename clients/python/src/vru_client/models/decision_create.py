from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.action_create import ActionCreate


T = TypeVar("T", bound="DecisionCreate")


@_attrs_define
class DecisionCreate:
    """The meeting's decision for the young person of one referral on its agenda, and the actions agreed.

    Attributes:
        referral_id (UUID):
        decision (str):
        actions (list[ActionCreate] | Unset):
    """

    referral_id: UUID
    decision: str
    actions: list[ActionCreate] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        referral_id = str(self.referral_id)

        decision = self.decision

        actions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.actions, Unset):
            actions = []
            for actions_item_data in self.actions:
                actions_item = actions_item_data.to_dict()
                actions.append(actions_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "referral_id": referral_id,
                "decision": decision,
            }
        )
        if actions is not UNSET:
            field_dict["actions"] = actions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_create import ActionCreate

        d = dict(src_dict)
        referral_id = UUID(d.pop("referral_id"))

        decision = d.pop("decision")

        _actions = d.pop("actions", UNSET)
        actions: list[ActionCreate] | Unset = UNSET
        if _actions is not UNSET:
            actions = []
            for actions_item_data in _actions:
                actions_item = ActionCreate.from_dict(actions_item_data)

                actions.append(actions_item)

        decision_create = cls(
            referral_id=referral_id,
            decision=decision,
            actions=actions,
        )

        return decision_create
