from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.agency_kind import AgencyKind

T = TypeVar("T", bound="AgencyCreate")


@_attrs_define
class AgencyCreate:
    """
    Attributes:
        code (str): Lower-case letters, digits and hyphens; stable, used by other systems.
        name (str):
        kind (AgencyKind):
    """

    code: str
    name: str
    kind: AgencyKind

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        kind = self.kind.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        kind = AgencyKind(d.pop("kind"))

        agency_create = cls(
            code=code,
            name=name,
            kind=kind,
        )

        return agency_create
