from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RetentionCandidate")


@_attrs_define
class RetentionCandidate:
    """A young person whose records are past their retention period and have nothing open.

    Attributes:
        subject_id (UUID):
        last_activity_at (datetime.datetime):
        retain_until (datetime.date): When the retention period ended.
        created_at (datetime.datetime):
    """

    subject_id: UUID
    last_activity_at: datetime.datetime
    retain_until: datetime.date
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        subject_id = str(self.subject_id)

        last_activity_at = self.last_activity_at.isoformat()

        retain_until = self.retain_until.isoformat()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subject_id": subject_id,
                "last_activity_at": last_activity_at,
                "retain_until": retain_until,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subject_id = UUID(d.pop("subject_id"))

        last_activity_at = datetime.datetime.fromisoformat(d.pop("last_activity_at"))

        retain_until = datetime.date.fromisoformat(d.pop("retain_until"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        retention_candidate = cls(
            subject_id=subject_id,
            last_activity_at=last_activity_at,
            retain_until=retain_until,
            created_at=created_at,
        )

        retention_candidate.additional_properties = d
        return retention_candidate

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
