from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.referral_status import ReferralStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReferralTransition")


@_attrs_define
class ReferralTransition:
    """Move a referral one step: draft → sent → accepted | rejected → in_progress → completed; withdrawn.

    Attributes:
        to (ReferralStatus):
        reason (None | str | Unset): Required for `rejected` and `withdrawn`.
        outcome (None | str | Unset): Required for `completed`.
    """

    to: ReferralStatus
    reason: str | Unset | None = UNSET
    outcome: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        to = self.to.value

        reason: str | Unset | None
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        outcome: str | Unset | None
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "to": to,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if outcome is not UNSET:
            field_dict["outcome"] = outcome

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to = ReferralStatus(d.pop("to"))

        def _parse_reason(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_outcome(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        referral_transition = cls(
            to=to,
            reason=reason,
            outcome=outcome,
        )

        return referral_transition
