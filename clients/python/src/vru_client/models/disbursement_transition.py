from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.disbursement_status import DisbursementStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="DisbursementTransition")


@_attrs_define
class DisbursementTransition:
    """
    Attributes:
        to (DisbursementStatus):
        paid_on (datetime.date | None | Unset): For `paid`: default today (UK).
        reason (None | str | Unset):
    """

    to: DisbursementStatus
    paid_on: datetime.date | Unset | None = UNSET
    reason: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        to = self.to.value

        paid_on: str | Unset | None
        if isinstance(self.paid_on, Unset):
            paid_on = UNSET
        elif isinstance(self.paid_on, datetime.date):
            paid_on = self.paid_on.isoformat()
        else:
            paid_on = self.paid_on

        reason: str | Unset | None
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "to": to,
            }
        )
        if paid_on is not UNSET:
            field_dict["paid_on"] = paid_on
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to = DisbursementStatus(d.pop("to"))

        def _parse_paid_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_on_type_0 = datetime.date.fromisoformat(data)

                return paid_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        paid_on = _parse_paid_on(d.pop("paid_on", UNSET))

        def _parse_reason(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        disbursement_transition = cls(
            to=to,
            paid_on=paid_on,
            reason=reason,
        )

        return disbursement_transition
