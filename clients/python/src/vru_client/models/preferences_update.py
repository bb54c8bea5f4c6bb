from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.kind_choice import KindChoice


T = TypeVar("T", bound="PreferencesUpdate")


@_attrs_define
class PreferencesUpdate:
    """
    Attributes:
        mobile_number (None | str | Unset): A UK mobile number for SMS notices; null or left out: none (no SMS).
        kinds (list[KindChoice] | Unset): Your choices per kind; a kind left out keeps its choice (or the default).
    """

    mobile_number: str | Unset | None = UNSET
    kinds: list[KindChoice] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        mobile_number: str | Unset | None
        if isinstance(self.mobile_number, Unset):
            mobile_number = UNSET
        else:
            mobile_number = self.mobile_number

        kinds: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.kinds, Unset):
            kinds = []
            for kinds_item_data in self.kinds:
                kinds_item = kinds_item_data.to_dict()
                kinds.append(kinds_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if mobile_number is not UNSET:
            field_dict["mobile_number"] = mobile_number
        if kinds is not UNSET:
            field_dict["kinds"] = kinds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kind_choice import KindChoice

        d = dict(src_dict)

        def _parse_mobile_number(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mobile_number = _parse_mobile_number(d.pop("mobile_number", UNSET))

        _kinds = d.pop("kinds", UNSET)
        kinds: list[KindChoice] | Unset = UNSET
        if _kinds is not UNSET:
            kinds = []
            for kinds_item_data in _kinds:
                kinds_item = KindChoice.from_dict(kinds_item_data)

                kinds.append(kinds_item)

        preferences_update = cls(
            mobile_number=mobile_number,
            kinds=kinds,
        )

        return preferences_update
