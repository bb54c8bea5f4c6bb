from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FinancialYearRead")


@_attrs_define
class FinancialYearRead:
    """
    Attributes:
        id (UUID):
        code (str): Stable identifier used by budget lines, grants and reports.
        label (str): How the unit writes the year in documents.
        starts_on (datetime.date): Always 1 April.
        ends_on (datetime.date): Always the following 31 March (inclusive).
    """

    id: UUID
    code: str
    label: str
    starts_on: datetime.date
    ends_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        code = self.code

        label = self.label

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
                "label": label,
                "starts_on": starts_on,
                "ends_on": ends_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        code = d.pop("code")

        label = d.pop("label")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        financial_year_read = cls(
            id=id,
            code=code,
            label=label,
            starts_on=starts_on,
            ends_on=ends_on,
        )

        financial_year_read.additional_properties = d
        return financial_year_read

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
