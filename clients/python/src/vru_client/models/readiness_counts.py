from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReadinessCounts")


@_attrs_define
class ReadinessCounts:
    """
    Attributes:
        ready (int):
        needs_attention (int):
        check_overdue (int):
        expired (int):
    """

    ready: int
    needs_attention: int
    check_overdue: int
    expired: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ready = self.ready

        needs_attention = self.needs_attention

        check_overdue = self.check_overdue

        expired = self.expired

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ready": ready,
                "needs_attention": needs_attention,
                "check_overdue": check_overdue,
                "expired": expired,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ready = d.pop("ready")

        needs_attention = d.pop("needs_attention")

        check_overdue = d.pop("check_overdue")

        expired = d.pop("expired")

        readiness_counts = cls(
            ready=ready,
            needs_attention=needs_attention,
            check_overdue=check_overdue,
            expired=expired,
        )

        readiness_counts.additional_properties = d
        return readiness_counts

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
