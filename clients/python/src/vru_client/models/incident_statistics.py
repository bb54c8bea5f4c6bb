from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.group_by import GroupBy
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.incident_count import IncidentCount


T = TypeVar("T", bound="IncidentStatistics")


@_attrs_define
class IncidentStatistics:
    """Counts of incidents received from the crime reports (no personal data).

    Attributes:
        from_ (datetime.date): First day counted (UK local date).
        to (datetime.date): Last day counted (inclusive).
        group_by (list[GroupBy]):
        knife (bool | None): `true`: knife incidents only; `false`: the others; null: all.
        total (int):
        groups (list[IncidentCount]): Non-zero groups, ordered by district, month and category.
        districts (list[str] | None | Unset): The districts counted: a coordinator's own; null: every district
            (analysts, the director, the programme officer, the platform's services).
    """

    from_: datetime.date
    to: datetime.date
    group_by: list[GroupBy]
    knife: bool | None
    total: int
    groups: list[IncidentCount]
    districts: list[str] | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        group_by = []
        for group_by_item_data in self.group_by:
            group_by_item = group_by_item_data.value
            group_by.append(group_by_item)

        knife: bool | None
        knife = self.knife

        total = self.total

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        districts: list[str] | Unset | None
        if isinstance(self.districts, Unset):
            districts = UNSET
        elif isinstance(self.districts, list):
            districts = self.districts

        else:
            districts = self.districts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "to": to,
                "group_by": group_by,
                "knife": knife,
                "total": total,
                "groups": groups,
            }
        )
        if districts is not UNSET:
            field_dict["districts"] = districts

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.incident_count import IncidentCount

        d = dict(src_dict)
        from_ = datetime.date.fromisoformat(d.pop("from"))

        to = datetime.date.fromisoformat(d.pop("to"))

        group_by = []
        _group_by = d.pop("group_by")
        for group_by_item_data in _group_by:
            group_by_item = GroupBy(group_by_item_data)

            group_by.append(group_by_item)

        def _parse_knife(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        knife = _parse_knife(d.pop("knife"))

        total = d.pop("total")

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = IncidentCount.from_dict(groups_item_data)

            groups.append(groups_item)

        def _parse_districts(data: object) -> list[str] | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                districts_type_0 = cast(list[str], data)

                return districts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        districts = _parse_districts(d.pop("districts", UNSET))

        incident_statistics = cls(
            from_=from_,
            to=to,
            group_by=group_by,
            knife=knife,
            total=total,
            groups=groups,
            districts=districts,
        )

        incident_statistics.additional_properties = d
        return incident_statistics

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
