from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.grant_status import GrantStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="GrantTransition")


@_attrs_define
class GrantTransition:
    """One step of the lifecycle. `rejected` and `closed` need a `reason`; `approved` may set the award.

    Attributes:
        to (GrantStatus):
        reason (None | str | Unset):
        amount_awarded_pence (int | None | Unset): For `approved`: the award; default the recommended (else applied)
            amount.
        award_date (datetime.date | None | Unset): For `approved`: default today (UK).
    """

    to: GrantStatus
    reason: str | Unset | None = UNSET
    amount_awarded_pence: int | Unset | None = UNSET
    award_date: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        to = self.to.value

        reason: str | Unset | None
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        amount_awarded_pence: int | Unset | None
        if isinstance(self.amount_awarded_pence, Unset):
            amount_awarded_pence = UNSET
        else:
            amount_awarded_pence = self.amount_awarded_pence

        award_date: str | Unset | None
        if isinstance(self.award_date, Unset):
            award_date = UNSET
        elif isinstance(self.award_date, datetime.date):
            award_date = self.award_date.isoformat()
        else:
            award_date = self.award_date

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "to": to,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if amount_awarded_pence is not UNSET:
            field_dict["amount_awarded_pence"] = amount_awarded_pence
        if award_date is not UNSET:
            field_dict["award_date"] = award_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to = GrantStatus(d.pop("to"))

        def _parse_reason(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_amount_awarded_pence(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount_awarded_pence = _parse_amount_awarded_pence(d.pop("amount_awarded_pence", UNSET))

        def _parse_award_date(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                award_date_type_0 = datetime.date.fromisoformat(data)

                return award_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        award_date = _parse_award_date(d.pop("award_date", UNSET))

        grant_transition = cls(
            to=to,
            reason=reason,
            amount_awarded_pence=amount_awarded_pence,
            award_date=award_date,
        )

        return grant_transition
