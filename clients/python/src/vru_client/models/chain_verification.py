from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.chain_break import ChainBreak


T = TypeVar("T", bound="ChainVerification")


@_attrs_define
class ChainVerification:
    """
    Attributes:
        intact (bool):
        checked (int): Sealed entries whose hash was recomputed.
        unsealed (int): Entries older than a minute that are not yet sealed (should be 0).
        anchored_position (int | None): The chain position of the newest genuine checkpoint in the anchor outside the
            database, which the chain must reach with the same hash; null when no anchor is configured (development) or no
            checkpoint was written yet.
        anchored_at (datetime.datetime | None): When that checkpoint was written.
        breaks (list[ChainBreak]): The first breaks found (at most 20).
    """

    intact: bool
    checked: int
    unsealed: int
    anchored_position: int | None
    anchored_at: datetime.datetime | None
    breaks: list[ChainBreak]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        intact = self.intact

        checked = self.checked

        unsealed = self.unsealed

        anchored_position: int | None
        anchored_position = self.anchored_position

        anchored_at: str | None
        if isinstance(self.anchored_at, datetime.datetime):
            anchored_at = self.anchored_at.isoformat()
        else:
            anchored_at = self.anchored_at

        breaks = []
        for breaks_item_data in self.breaks:
            breaks_item = breaks_item_data.to_dict()
            breaks.append(breaks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "intact": intact,
                "checked": checked,
                "unsealed": unsealed,
                "anchored_position": anchored_position,
                "anchored_at": anchored_at,
                "breaks": breaks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chain_break import ChainBreak

        d = dict(src_dict)
        intact = d.pop("intact")

        checked = d.pop("checked")

        unsealed = d.pop("unsealed")

        def _parse_anchored_position(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        anchored_position = _parse_anchored_position(d.pop("anchored_position"))

        def _parse_anchored_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                anchored_at_type_0 = datetime.datetime.fromisoformat(data)

                return anchored_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        anchored_at = _parse_anchored_at(d.pop("anchored_at"))

        breaks = []
        _breaks = d.pop("breaks")
        for breaks_item_data in _breaks:
            breaks_item = ChainBreak.from_dict(breaks_item_data)

            breaks.append(breaks_item)

        chain_verification = cls(
            intact=intact,
            checked=checked,
            unsealed=unsealed,
            anchored_position=anchored_position,
            anchored_at=anchored_at,
            breaks=breaks,
        )

        chain_verification.additional_properties = d
        return chain_verification

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
