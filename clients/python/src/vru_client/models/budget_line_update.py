from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BudgetLineUpdate")


@_attrs_define
class BudgetLineUpdate:
    """Fields to change; omitted fields keep their value. The amount cannot go below what is awarded and spent.

    Attributes:
        name (None | str | Unset):
        amount_pence (int | None | Unset):
    """

    name: str | Unset | None = UNSET
    amount_pence: int | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: str | Unset | None
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        amount_pence: int | Unset | None
        if isinstance(self.amount_pence, Unset):
            amount_pence = UNSET
        else:
            amount_pence = self.amount_pence

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if amount_pence is not UNSET:
            field_dict["amount_pence"] = amount_pence

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_amount_pence(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount_pence = _parse_amount_pence(d.pop("amount_pence", UNSET))

        budget_line_update = cls(
            name=name,
            amount_pence=amount_pence,
        )

        return budget_line_update
