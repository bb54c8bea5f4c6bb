from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.intervention_status import InterventionStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="InterventionUpdate")


@_attrs_define
class InterventionUpdate:
    """Record progress: a new status (an outcome is required to complete or stop), end date, outcome.

    Attributes:
        status (InterventionStatus | None | Unset):
        ends_on (datetime.date | None | Unset):
        outcome (None | str | Unset):
        description (None | str | Unset):
    """

    status: InterventionStatus | Unset | None = UNSET
    ends_on: datetime.date | Unset | None = UNSET
    outcome: str | Unset | None = UNSET
    description: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        status: str | Unset | None
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, InterventionStatus):
            status = self.status.value
        else:
            status = self.status

        ends_on: str | Unset | None
        if isinstance(self.ends_on, Unset):
            ends_on = UNSET
        elif isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        outcome: str | Unset | None
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        description: str | Unset | None
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_status(data: object) -> InterventionStatus | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = InterventionStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InterventionStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_ends_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ends_on = _parse_ends_on(d.pop("ends_on", UNSET))

        def _parse_outcome(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_description(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        intervention_update = cls(
            status=status,
            ends_on=ends_on,
            outcome=outcome,
            description=description,
        )

        return intervention_update
