from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.location_kind import LocationKind

T = TypeVar("T", bound="LocationRead")


@_attrs_define
class LocationRead:
    """A place packs can be, with how many packs are there now (counted from the movement ledger).

    Attributes:
        id (UUID):
        kind (LocationKind):
        district (None | str): District code; `null` for the central store.
        name (str):
        on_hand (int): Packs here now: movements in minus movements out.
    """

    id: UUID
    kind: LocationKind
    district: str | None
    name: str
    on_hand: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind.value

        district: str | None
        district = self.district

        name = self.name

        on_hand = self.on_hand

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "district": district,
                "name": name,
                "on_hand": on_hand,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = LocationKind(d.pop("kind"))

        def _parse_district(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        district = _parse_district(d.pop("district"))

        name = d.pop("name")

        on_hand = d.pop("on_hand")

        location_read = cls(
            id=id,
            kind=kind,
            district=district,
            name=name,
            on_hand=on_hand,
        )

        location_read.additional_properties = d
        return location_read

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
