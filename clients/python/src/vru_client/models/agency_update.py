from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.agency_kind import AgencyKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="AgencyUpdate")


@_attrs_define
class AgencyUpdate:
    """Fields to change; omitted fields keep their value. The code cannot change.

    Attributes:
        name (None | str | Unset):
        kind (AgencyKind | None | Unset):
    """

    name: str | Unset | None = UNSET
    kind: AgencyKind | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: str | Unset | None
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        kind: str | Unset | None
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, AgencyKind):
            kind = self.kind.value
        else:
            kind = self.kind

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if kind is not UNSET:
            field_dict["kind"] = kind

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

        def _parse_kind(data: object) -> AgencyKind | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = AgencyKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AgencyKind | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        agency_update = cls(
            name=name,
            kind=kind,
        )

        return agency_update
