from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.overdue_count import OverdueCount


T = TypeVar("T", bound="OverdueSummary")


@_attrs_define
class OverdueSummary:
    """Overdue actions counted per owning agency and per coordinator area.

    Attributes:
        on (datetime.date): The UK date the counts are for.
        by_agency (list[OverdueCount]):
        by_area (list[OverdueCount]):
    """

    on: datetime.date
    by_agency: list[OverdueCount]
    by_area: list[OverdueCount]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        on = self.on.isoformat()

        by_agency = []
        for by_agency_item_data in self.by_agency:
            by_agency_item = by_agency_item_data.to_dict()
            by_agency.append(by_agency_item)

        by_area = []
        for by_area_item_data in self.by_area:
            by_area_item = by_area_item_data.to_dict()
            by_area.append(by_area_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "on": on,
                "by_agency": by_agency,
                "by_area": by_area,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.overdue_count import OverdueCount

        d = dict(src_dict)
        on = datetime.date.fromisoformat(d.pop("on"))

        by_agency = []
        _by_agency = d.pop("by_agency")
        for by_agency_item_data in _by_agency:
            by_agency_item = OverdueCount.from_dict(by_agency_item_data)

            by_agency.append(by_agency_item)

        by_area = []
        _by_area = d.pop("by_area")
        for by_area_item_data in _by_area:
            by_area_item = OverdueCount.from_dict(by_area_item_data)

            by_area.append(by_area_item)

        overdue_summary = cls(
            on=on,
            by_agency=by_agency,
            by_area=by_area,
        )

        overdue_summary.additional_properties = d
        return overdue_summary

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
