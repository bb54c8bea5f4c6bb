from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audit_action import AuditAction
from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditEntryRead")


@_attrs_define
class AuditEntryRead:
    """
    Attributes:
        id (int):
        occurred_at (datetime.datetime):
        actor_subject (str): The person's or API client's id (token `sub`).
        actor_kind (str):
        actor_client_id (None | str):
        agency_id (None | UUID):
        roles (list[str]):
        action (AuditAction):
        record_type (str):
        record_ids (list[str]):
        purpose (str):
        request_id (None | str): The platform's id of the request (the gateway's `X-Request-ID`).
        client_request_id (None | str): The `X-Request-ID` the caller sent, if any, as it sent it (not checked for
            uniqueness).
        actor_name (None | str | Unset): Their display name when they acted (null for entries written before it was
            kept).
    """

    id: int
    occurred_at: datetime.datetime
    actor_subject: str
    actor_kind: str
    actor_client_id: str | None
    agency_id: UUID | None
    roles: list[str]
    action: AuditAction
    record_type: str
    record_ids: list[str]
    purpose: str
    request_id: str | None
    client_request_id: str | None
    actor_name: str | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        occurred_at = self.occurred_at.isoformat()

        actor_subject = self.actor_subject

        actor_kind = self.actor_kind

        actor_client_id: str | None
        actor_client_id = self.actor_client_id

        agency_id: str | None
        if isinstance(self.agency_id, UUID):
            agency_id = str(self.agency_id)
        else:
            agency_id = self.agency_id

        roles = self.roles

        action = self.action.value

        record_type = self.record_type

        record_ids = self.record_ids

        purpose = self.purpose

        request_id: str | None
        request_id = self.request_id

        client_request_id: str | None
        client_request_id = self.client_request_id

        actor_name: str | Unset | None
        if isinstance(self.actor_name, Unset):
            actor_name = UNSET
        else:
            actor_name = self.actor_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "occurred_at": occurred_at,
                "actor_subject": actor_subject,
                "actor_kind": actor_kind,
                "actor_client_id": actor_client_id,
                "agency_id": agency_id,
                "roles": roles,
                "action": action,
                "record_type": record_type,
                "record_ids": record_ids,
                "purpose": purpose,
                "request_id": request_id,
                "client_request_id": client_request_id,
            }
        )
        if actor_name is not UNSET:
            field_dict["actor_name"] = actor_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        actor_subject = d.pop("actor_subject")

        actor_kind = d.pop("actor_kind")

        def _parse_actor_client_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        actor_client_id = _parse_actor_client_id(d.pop("actor_client_id"))

        def _parse_agency_id(data: object) -> UUID | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agency_id_type_0 = UUID(data)

                return agency_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        agency_id = _parse_agency_id(d.pop("agency_id"))

        roles = cast(list[str], d.pop("roles"))

        action = AuditAction(d.pop("action"))

        record_type = d.pop("record_type")

        record_ids = cast(list[str], d.pop("record_ids"))

        purpose = d.pop("purpose")

        def _parse_request_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        def _parse_client_request_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        client_request_id = _parse_client_request_id(d.pop("client_request_id"))

        def _parse_actor_name(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor_name = _parse_actor_name(d.pop("actor_name", UNSET))

        audit_entry_read = cls(
            id=id,
            occurred_at=occurred_at,
            actor_subject=actor_subject,
            actor_kind=actor_kind,
            actor_client_id=actor_client_id,
            agency_id=agency_id,
            roles=roles,
            action=action,
            record_type=record_type,
            record_ids=record_ids,
            purpose=purpose,
            request_id=request_id,
            client_request_id=client_request_id,
            actor_name=actor_name,
        )

        audit_entry_read.additional_properties = d
        return audit_entry_read

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
