from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.incident_change_read_changes import IncidentChangeReadChanges


T = TypeVar("T", bound="IncidentChangeRead")


@_attrs_define
class IncidentChangeRead:
    """
    Attributes:
        changed_at (datetime.datetime):
        changed_by (str):
        changes (IncidentChangeReadChanges):
    """

    changed_at: datetime.datetime
    changed_by: str
    changes: IncidentChangeReadChanges
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changed_at = self.changed_at.isoformat()

        changed_by = self.changed_by

        changes = self.changes.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changed_at": changed_at,
                "changed_by": changed_by,
                "changes": changes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.incident_change_read_changes import IncidentChangeReadChanges

        d = dict(src_dict)
        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))

        changed_by = d.pop("changed_by")

        changes = IncidentChangeReadChanges.from_dict(d.pop("changes"))

        incident_change_read = cls(
            changed_at=changed_at,
            changed_by=changed_by,
            changes=changes,
        )

        incident_change_read.additional_properties = d
        return incident_change_read

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
