from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.screening_decision import ScreeningDecision
from ..models.screening_source import ScreeningSource

T = TypeVar("T", bound="ScreeningRead")


@_attrs_define
class ScreeningRead:
    """
    Attributes:
        decision (ScreeningDecision):
        source (ScreeningSource):
        reason (None | str):
        by (None | str): Token subject of the analyst who screened by hand.
        at (datetime.datetime | None):
    """

    decision: ScreeningDecision
    source: ScreeningSource
    reason: str | None
    by: str | None
    at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision.value

        source = self.source.value

        reason: str | None
        reason = self.reason

        by: str | None
        by = self.by

        at: str | None
        if isinstance(self.at, datetime.datetime):
            at = self.at.isoformat()
        else:
            at = self.at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "decision": decision,
                "source": source,
                "reason": reason,
                "by": by,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        decision = ScreeningDecision(d.pop("decision"))

        source = ScreeningSource(d.pop("source"))

        def _parse_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_by(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        by = _parse_by(d.pop("by"))

        def _parse_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                at_type_0 = datetime.datetime.fromisoformat(data)

                return at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        at = _parse_at(d.pop("at"))

        screening_read = cls(
            decision=decision,
            source=source,
            reason=reason,
            by=by,
            at=at,
        )

        screening_read.additional_properties = d
        return screening_read

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
