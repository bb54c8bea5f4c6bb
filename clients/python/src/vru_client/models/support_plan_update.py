from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.plan_status import PlanStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="SupportPlanUpdate")


@_attrs_define
class SupportPlanUpdate:
    """
    Attributes:
        summary (None | str | Unset):
        status (None | PlanStatus | Unset):
    """

    summary: str | Unset | None = UNSET
    status: PlanStatus | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        summary: str | Unset | None
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        status: str | Unset | None
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, PlanStatus):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if summary is not UNSET:
            field_dict["summary"] = summary
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_summary(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        def _parse_status(data: object) -> PlanStatus | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = PlanStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlanStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        support_plan_update = cls(
            summary=summary,
            status=status,
        )

        return support_plan_update
