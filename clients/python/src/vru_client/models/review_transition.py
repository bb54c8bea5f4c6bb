from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.review_status import ReviewStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReviewTransition")


@_attrs_define
class ReviewTransition:
    """Move a review one step: new → in_review → referred | already_managed | no_further_action → closed.

    Attributes:
        to (ReviewStatus):
        reason (None | str | Unset): Why. Required for `no_further_action`.
        forum_case_ref (None | str | Unset): Required for `already_managed`: the existing forum case reference.
    """

    to: ReviewStatus
    reason: str | Unset | None = UNSET
    forum_case_ref: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        to = self.to.value

        reason: str | Unset | None
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        forum_case_ref: str | Unset | None
        if isinstance(self.forum_case_ref, Unset):
            forum_case_ref = UNSET
        else:
            forum_case_ref = self.forum_case_ref

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "to": to,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if forum_case_ref is not UNSET:
            field_dict["forum_case_ref"] = forum_case_ref

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to = ReviewStatus(d.pop("to"))

        def _parse_reason(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_forum_case_ref(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        forum_case_ref = _parse_forum_case_ref(d.pop("forum_case_ref", UNSET))

        review_transition = cls(
            to=to,
            reason=reason,
            forum_case_ref=forum_case_ref,
        )

        return review_transition
