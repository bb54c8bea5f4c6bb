from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ChainBreak")


@_attrs_define
class ChainBreak:
    """
    Attributes:
        position (int | None):
        entry_id (int | None):
        reason (str):
    """

    position: int | None
    entry_id: int | None
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        position: int | None
        position = self.position

        entry_id: int | None
        entry_id = self.entry_id

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "position": position,
                "entry_id": entry_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_position(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        position = _parse_position(d.pop("position"))

        def _parse_entry_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        entry_id = _parse_entry_id(d.pop("entry_id"))

        reason = d.pop("reason")

        chain_break = cls(
            position=position,
            entry_id=entry_id,
            reason=reason,
        )

        chain_break.additional_properties = d
        return chain_break

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
