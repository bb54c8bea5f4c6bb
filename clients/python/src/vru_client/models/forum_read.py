from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.forum_kind import ForumKind

T = TypeVar("T", bound="ForumRead")


@_attrs_define
class ForumRead:
    """
    Attributes:
        id (UUID):
        code (str):
        name (str):
        kind (ForumKind):
        district_code (None | str): For a DCSM, its district.
        area_code (None | str): The coordinator area it serves (none for county-wide forums).
    """

    id: UUID
    code: str
    name: str
    kind: ForumKind
    district_code: str | None
    area_code: str | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        code = self.code

        name = self.name

        kind = self.kind.value

        district_code: str | None
        district_code = self.district_code

        area_code: str | None
        area_code = self.area_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
                "name": name,
                "kind": kind,
                "district_code": district_code,
                "area_code": area_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        code = d.pop("code")

        name = d.pop("name")

        kind = ForumKind(d.pop("kind"))

        def _parse_district_code(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        district_code = _parse_district_code(d.pop("district_code"))

        def _parse_area_code(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        area_code = _parse_area_code(d.pop("area_code"))

        forum_read = cls(
            id=id,
            code=code,
            name=name,
            kind=kind,
            district_code=district_code,
            area_code=area_code,
        )

        forum_read.additional_properties = d
        return forum_read

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
