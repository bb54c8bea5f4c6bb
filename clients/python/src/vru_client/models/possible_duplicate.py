from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.duplicate_status import DuplicateStatus

T = TypeVar("T", bound="PossibleDuplicate")


@_attrs_define
class PossibleDuplicate:
    """
    Attributes:
        other_id (UUID): The other subject this one may be.
        reason (str):
        status (DuplicateStatus):
        created_at (datetime.datetime):
        resolved_at (datetime.datetime | None):
        resolved_by (None | str):
    """

    other_id: UUID
    reason: str
    status: DuplicateStatus
    created_at: datetime.datetime
    resolved_at: datetime.datetime | None
    resolved_by: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        other_id = str(self.other_id)

        reason = self.reason

        status = self.status.value

        created_at = self.created_at.isoformat()

        resolved_at: str | None
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        resolved_by: str | None
        resolved_by = self.resolved_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "other_id": other_id,
                "reason": reason,
                "status": status,
                "created_at": created_at,
                "resolved_at": resolved_at,
                "resolved_by": resolved_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        other_id = UUID(d.pop("other_id"))

        reason = d.pop("reason")

        status = DuplicateStatus(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_resolved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at"))

        def _parse_resolved_by(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        resolved_by = _parse_resolved_by(d.pop("resolved_by"))

        possible_duplicate = cls(
            other_id=other_id,
            reason=reason,
            status=status,
            created_at=created_at,
            resolved_at=resolved_at,
            resolved_by=resolved_by,
        )

        possible_duplicate.additional_properties = d
        return possible_duplicate

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
