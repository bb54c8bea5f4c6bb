from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.totals_dimension import TotalsDimension
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.totals_group import TotalsGroup


T = TypeVar("T", bound="Totals")


@_attrs_define
class Totals:
    """Totals by financial year, area and stream (money in pence, GBP).

    Attributes:
        group_by (list[TotalsDimension]):
        financial_year (None | str): The year filtered on, if any.
        groups (list[TotalsGroup]):
        currency (str | Unset):  Default: 'GBP'.
    """

    group_by: list[TotalsDimension]
    financial_year: str | None
    groups: list[TotalsGroup]
    currency: str | Unset = "GBP"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group_by = []
        for group_by_item_data in self.group_by:
            group_by_item = group_by_item_data.value
            group_by.append(group_by_item)

        financial_year: str | None
        financial_year = self.financial_year

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        currency = self.currency

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "group_by": group_by,
                "financial_year": financial_year,
                "groups": groups,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.totals_group import TotalsGroup

        d = dict(src_dict)
        group_by = []
        _group_by = d.pop("group_by")
        for group_by_item_data in _group_by:
            group_by_item = TotalsDimension(group_by_item_data)

            group_by.append(group_by_item)

        def _parse_financial_year(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        financial_year = _parse_financial_year(d.pop("financial_year"))

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = TotalsGroup.from_dict(groups_item_data)

            groups.append(groups_item)

        currency = d.pop("currency", UNSET)

        totals = cls(
            group_by=group_by,
            financial_year=financial_year,
            groups=groups,
            currency=currency,
        )

        totals.additional_properties = d
        return totals

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
