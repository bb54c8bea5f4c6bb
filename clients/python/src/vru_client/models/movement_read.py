from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.movement_kind import MovementKind

T = TypeVar("T", bound="MovementRead")


@_attrs_define
class MovementRead:
    """One ledger entry.

    Attributes:
        id (int): Ledger position: later entries have higher ids.
        pack_id (UUID):
        serial (str):
        kind (MovementKind):
        from_location_id (None | UUID):
        to_location_id (None | UUID):
        reason (None | str):
        reference_id (None | UUID): The purchase or use report that caused it.
        actor (str): Token subject of who did it.
        actor_name (None | str):
        request_id (None | str):
        occurred_at (datetime.datetime):
    """

    id: int
    pack_id: UUID
    serial: str
    kind: MovementKind
    from_location_id: UUID | None
    to_location_id: UUID | None
    reason: str | None
    reference_id: UUID | None
    actor: str
    actor_name: str | None
    request_id: str | None
    occurred_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        pack_id = str(self.pack_id)

        serial = self.serial

        kind = self.kind.value

        from_location_id: str | None
        if isinstance(self.from_location_id, UUID):
            from_location_id = str(self.from_location_id)
        else:
            from_location_id = self.from_location_id

        to_location_id: str | None
        if isinstance(self.to_location_id, UUID):
            to_location_id = str(self.to_location_id)
        else:
            to_location_id = self.to_location_id

        reason: str | None
        reason = self.reason

        reference_id: str | None
        if isinstance(self.reference_id, UUID):
            reference_id = str(self.reference_id)
        else:
            reference_id = self.reference_id

        actor = self.actor

        actor_name: str | None
        actor_name = self.actor_name

        request_id: str | None
        request_id = self.request_id

        occurred_at = self.occurred_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "pack_id": pack_id,
                "serial": serial,
                "kind": kind,
                "from_location_id": from_location_id,
                "to_location_id": to_location_id,
                "reason": reason,
                "reference_id": reference_id,
                "actor": actor,
                "actor_name": actor_name,
                "request_id": request_id,
                "occurred_at": occurred_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        pack_id = UUID(d.pop("pack_id"))

        serial = d.pop("serial")

        kind = MovementKind(d.pop("kind"))

        def _parse_from_location_id(data: object) -> UUID | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_location_id_type_0 = UUID(data)

                return from_location_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        from_location_id = _parse_from_location_id(d.pop("from_location_id"))

        def _parse_to_location_id(data: object) -> UUID | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_location_id_type_0 = UUID(data)

                return to_location_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        to_location_id = _parse_to_location_id(d.pop("to_location_id"))

        def _parse_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_reference_id(data: object) -> UUID | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reference_id_type_0 = UUID(data)

                return reference_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        reference_id = _parse_reference_id(d.pop("reference_id"))

        actor = d.pop("actor")

        def _parse_actor_name(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        actor_name = _parse_actor_name(d.pop("actor_name"))

        def _parse_request_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        movement_read = cls(
            id=id,
            pack_id=pack_id,
            serial=serial,
            kind=kind,
            from_location_id=from_location_id,
            to_location_id=to_location_id,
            reason=reason,
            reference_id=reference_id,
            actor=actor,
            actor_name=actor_name,
            request_id=request_id,
            occurred_at=occurred_at,
        )

        movement_read.additional_properties = d
        return movement_read

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
