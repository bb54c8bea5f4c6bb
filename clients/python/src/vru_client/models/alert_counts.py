from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AlertCounts")


@_attrs_define
class AlertCounts:
    """How many of each alert there are now, among what you can see.

    Attributes:
        expired_in_stock (int):
        expiring_30_days (int): In stock, in date, expiring within 30 days.
        expiring_60_days (int):
        expiring_90_days (int):
        overdue_checks (int):
        csps_below_minimum (list[str]): District codes of CSPs holding fewer than their minimum.
    """

    expired_in_stock: int
    expiring_30_days: int
    expiring_60_days: int
    expiring_90_days: int
    overdue_checks: int
    csps_below_minimum: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expired_in_stock = self.expired_in_stock

        expiring_30_days = self.expiring_30_days

        expiring_60_days = self.expiring_60_days

        expiring_90_days = self.expiring_90_days

        overdue_checks = self.overdue_checks

        csps_below_minimum = self.csps_below_minimum

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expired_in_stock": expired_in_stock,
                "expiring_30_days": expiring_30_days,
                "expiring_60_days": expiring_60_days,
                "expiring_90_days": expiring_90_days,
                "overdue_checks": overdue_checks,
                "csps_below_minimum": csps_below_minimum,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expired_in_stock = d.pop("expired_in_stock")

        expiring_30_days = d.pop("expiring_30_days")

        expiring_60_days = d.pop("expiring_60_days")

        expiring_90_days = d.pop("expiring_90_days")

        overdue_checks = d.pop("overdue_checks")

        csps_below_minimum = cast(list[str], d.pop("csps_below_minimum"))

        alert_counts = cls(
            expired_in_stock=expired_in_stock,
            expiring_30_days=expiring_30_days,
            expiring_60_days=expiring_60_days,
            expiring_90_days=expiring_90_days,
            overdue_checks=overdue_checks,
            csps_below_minimum=csps_below_minimum,
        )

        alert_counts.additional_properties = d
        return alert_counts

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
