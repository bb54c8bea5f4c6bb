from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IncidentCount")


@_attrs_define
class IncidentCount:
    """One group's count. A dimension not grouped by is null.

    Attributes:
        district (None | str): District code.
        month (None | str): `YYYY-MM`, UK local time.
        category (None | str): Offence category code.
        count (int):
    """

    district: str | None
    month: str | None
    category: str | None
    count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        district: str | None
        district = self.district

        month: str | None
        month = self.month

        category: str | None
        category = self.category

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "district": district,
                "month": month,
                "category": category,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_district(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        district = _parse_district(d.pop("district"))

        def _parse_month(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        month = _parse_month(d.pop("month"))

        def _parse_category(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        category = _parse_category(d.pop("category"))

        count = d.pop("count")

        incident_count = cls(
            district=district,
            month=month,
            category=category,
            count=count,
        )

        incident_count.additional_properties = d
        return incident_count

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
