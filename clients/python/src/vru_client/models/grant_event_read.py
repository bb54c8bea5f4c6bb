from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grant_status import GrantStatus

T = TypeVar("T", bound="GrantEventRead")


@_attrs_define
class GrantEventRead:
    """
    Attributes:
        from_status (GrantStatus | None):
        to_status (GrantStatus):
        reason (None | str):
        amount_awarded_pence (int | None):
        actor (str): Token subject of who made the step.
        actor_name (None | str):
        at (datetime.datetime):
    """

    from_status: GrantStatus | None
    to_status: GrantStatus
    reason: str | None
    amount_awarded_pence: int | None
    actor: str
    actor_name: str | None
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_status: str | None
        if isinstance(self.from_status, GrantStatus):
            from_status = self.from_status.value
        else:
            from_status = self.from_status

        to_status = self.to_status.value

        reason: str | None
        reason = self.reason

        amount_awarded_pence: int | None
        amount_awarded_pence = self.amount_awarded_pence

        actor = self.actor

        actor_name: str | None
        actor_name = self.actor_name

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from_status": from_status,
                "to_status": to_status,
                "reason": reason,
                "amount_awarded_pence": amount_awarded_pence,
                "actor": actor,
                "actor_name": actor_name,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_from_status(data: object) -> GrantStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_status_type_0 = GrantStatus(data)

                return from_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GrantStatus | None, data)

        from_status = _parse_from_status(d.pop("from_status"))

        to_status = GrantStatus(d.pop("to_status"))

        def _parse_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_amount_awarded_pence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        amount_awarded_pence = _parse_amount_awarded_pence(d.pop("amount_awarded_pence"))

        actor = d.pop("actor")

        def _parse_actor_name(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        actor_name = _parse_actor_name(d.pop("actor_name"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        grant_event_read = cls(
            from_status=from_status,
            to_status=to_status,
            reason=reason,
            amount_awarded_pence=amount_awarded_pence,
            actor=actor,
            actor_name=actor_name,
            at=at,
        )

        grant_event_read.additional_properties = d
        return grant_event_read

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
