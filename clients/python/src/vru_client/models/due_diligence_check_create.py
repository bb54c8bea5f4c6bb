from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.due_diligence_outcome import DueDiligenceOutcome
from ..models.register import Register
from ..types import UNSET, Unset

T = TypeVar("T", bound="DueDiligenceCheckCreate")


@_attrs_define
class DueDiligenceCheckCreate:
    """A due-diligence check just made of an organisation.

    Attributes:
        registry (Register): Where the organisation's legal existence and standing was checked.
        register_number (str): The charity or company number (or the public body's code) checked.
        register_status (str): What the register showed, e.g. `registered`, `active`, `removed`, `dissolved`.
        checked_on (datetime.date): The day the check was made (not in the future).
        outcome (DueDiligenceOutcome):
        notes (str | Unset):  Default: ''.
    """

    registry: Register
    register_number: str
    register_status: str
    checked_on: datetime.date
    outcome: DueDiligenceOutcome
    notes: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        registry = self.registry.value

        register_number = self.register_number

        register_status = self.register_status

        checked_on = self.checked_on.isoformat()

        outcome = self.outcome.value

        notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "registry": registry,
                "register_number": register_number,
                "register_status": register_status,
                "checked_on": checked_on,
                "outcome": outcome,
            }
        )
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        registry = Register(d.pop("registry"))

        register_number = d.pop("register_number")

        register_status = d.pop("register_status")

        checked_on = datetime.date.fromisoformat(d.pop("checked_on"))

        outcome = DueDiligenceOutcome(d.pop("outcome"))

        notes = d.pop("notes", UNSET)

        due_diligence_check_create = cls(
            registry=registry,
            register_number=register_number,
            register_status=register_status,
            checked_on=checked_on,
            outcome=outcome,
            notes=notes,
        )

        return due_diligence_check_create
