from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.referral_event_kind import ReferralEventKind
from ..models.referral_status import ReferralStatus

T = TypeVar("T", bound="ReferralEventRead")


@_attrs_define
class ReferralEventRead:
    """
    Attributes:
        kind (ReferralEventKind):
        from_status (None | ReferralStatus):
        to_status (None | ReferralStatus):
        note (None | str): The reason, outcome, note or changed fields.
        actor_name (None | str):
        at (datetime.datetime):
    """

    kind: ReferralEventKind
    from_status: ReferralStatus | None
    to_status: ReferralStatus | None
    note: str | None
    actor_name: str | None
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        from_status: str | None
        if isinstance(self.from_status, ReferralStatus):
            from_status = self.from_status.value
        else:
            from_status = self.from_status

        to_status: str | None
        if isinstance(self.to_status, ReferralStatus):
            to_status = self.to_status.value
        else:
            to_status = self.to_status

        note: str | None
        note = self.note

        actor_name: str | None
        actor_name = self.actor_name

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "from_status": from_status,
                "to_status": to_status,
                "note": note,
                "actor_name": actor_name,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = ReferralEventKind(d.pop("kind"))

        def _parse_from_status(data: object) -> ReferralStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_status_type_0 = ReferralStatus(data)

                return from_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReferralStatus, data)

        from_status = _parse_from_status(d.pop("from_status"))

        def _parse_to_status(data: object) -> ReferralStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                to_status_type_0 = ReferralStatus(data)

                return to_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReferralStatus, data)

        to_status = _parse_to_status(d.pop("to_status"))

        def _parse_note(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        def _parse_actor_name(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        actor_name = _parse_actor_name(d.pop("actor_name"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        referral_event_read = cls(
            kind=kind,
            from_status=from_status,
            to_status=to_status,
            note=note,
            actor_name=actor_name,
            at=at,
        )

        referral_event_read.additional_properties = d
        return referral_event_read

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
