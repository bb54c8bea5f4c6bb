from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.frequency import Frequency
from ..types import UNSET, Unset

T = TypeVar("T", bound="ScheduleCreate")


@_attrs_define
class ScheduleCreate:
    """Split an award into instalments, exactly to the penny: the first instalments take the odd pennies.

    Attributes:
        instalments (int):
        frequency (Frequency):
        first_due_on (datetime.date):
        amount_pence (int | None | Unset): The amount to schedule; default what remains (awarded − paid − scheduled).
    """

    instalments: int
    frequency: Frequency
    first_due_on: datetime.date
    amount_pence: int | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        instalments = self.instalments

        frequency = self.frequency.value

        first_due_on = self.first_due_on.isoformat()

        amount_pence: int | Unset | None
        if isinstance(self.amount_pence, Unset):
            amount_pence = UNSET
        else:
            amount_pence = self.amount_pence

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "instalments": instalments,
                "frequency": frequency,
                "first_due_on": first_due_on,
            }
        )
        if amount_pence is not UNSET:
            field_dict["amount_pence"] = amount_pence

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        instalments = d.pop("instalments")

        frequency = Frequency(d.pop("frequency"))

        first_due_on = datetime.date.fromisoformat(d.pop("first_due_on"))

        def _parse_amount_pence(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount_pence = _parse_amount_pence(d.pop("amount_pence", UNSET))

        schedule_create = cls(
            instalments=instalments,
            frequency=frequency,
            first_due_on=first_due_on,
            amount_pence=amount_pence,
        )

        return schedule_create
