from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RejectedRow")


@_attrs_define
class RejectedRow:
    """A report that was not imported, and why. Nothing of it was written.

    Attributes:
        line (int): CSV: the line in the file (the header is line 1). JSON: the report's position in `reports`, from 1.
        crime_reference (None | str):
        reason (str):
    """

    line: int
    crime_reference: str | None
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        line = self.line

        crime_reference: str | None
        crime_reference = self.crime_reference

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "line": line,
                "crime_reference": crime_reference,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        line = d.pop("line")

        def _parse_crime_reference(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        crime_reference = _parse_crime_reference(d.pop("crime_reference"))

        reason = d.pop("reason")

        rejected_row = cls(
            line=line,
            crime_reference=crime_reference,
            reason=reason,
        )

        rejected_row.additional_properties = d
        return rejected_row

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
