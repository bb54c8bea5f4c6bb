from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.movement_kind import MovementKind

if TYPE_CHECKING:
    from ..models.pack_ref import PackRef
    from ..models.place_ref import PlaceRef


T = TypeVar("T", bound="MovementBatch")


@_attrs_define
class MovementBatch:
    """What one request moved: the same kind of movement for each pack, recorded in the ledger.

    Attributes:
        kind (MovementKind):
        from_location (None | PlaceRef):
        to_location (None | PlaceRef):
        count (int):
        packs (list[PackRef]):
        reason (None | str):
        occurred_at (datetime.datetime):
    """

    kind: MovementKind
    from_location: PlaceRef | None
    to_location: PlaceRef | None
    count: int
    packs: list[PackRef]
    reason: str | None
    occurred_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.place_ref import PlaceRef

        kind = self.kind.value

        from_location: dict[str, Any] | None
        if isinstance(self.from_location, PlaceRef):
            from_location = self.from_location.to_dict()
        else:
            from_location = self.from_location

        to_location: dict[str, Any] | None
        if isinstance(self.to_location, PlaceRef):
            to_location = self.to_location.to_dict()
        else:
            to_location = self.to_location

        count = self.count

        packs = []
        for packs_item_data in self.packs:
            packs_item = packs_item_data.to_dict()
            packs.append(packs_item)

        reason: str | None
        reason = self.reason

        occurred_at = self.occurred_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "from_location": from_location,
                "to_location": to_location,
                "count": count,
                "packs": packs,
                "reason": reason,
                "occurred_at": occurred_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pack_ref import PackRef
        from ..models.place_ref import PlaceRef

        d = dict(src_dict)
        kind = MovementKind(d.pop("kind"))

        def _parse_from_location(data: object) -> PlaceRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                from_location_type_0 = PlaceRef.from_dict(data)

                return from_location_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlaceRef, data)

        from_location = _parse_from_location(d.pop("from_location"))

        def _parse_to_location(data: object) -> PlaceRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                to_location_type_0 = PlaceRef.from_dict(data)

                return to_location_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlaceRef, data)

        to_location = _parse_to_location(d.pop("to_location"))

        count = d.pop("count")

        packs = []
        _packs = d.pop("packs")
        for packs_item_data in _packs:
            packs_item = PackRef.from_dict(packs_item_data)

            packs.append(packs_item)

        def _parse_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        movement_batch = cls(
            kind=kind,
            from_location=from_location,
            to_location=to_location,
            count=count,
            packs=packs,
            reason=reason,
            occurred_at=occurred_at,
        )

        movement_batch.additional_properties = d
        return movement_batch

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
