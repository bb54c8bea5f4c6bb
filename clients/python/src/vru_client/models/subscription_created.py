from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subscription_created_status import SubscriptionCreatedStatus

T = TypeVar("T", bound="SubscriptionCreated")


@_attrs_define
class SubscriptionCreated:
    """
    Attributes:
        id (UUID):
        agency_id (None | UUID): The partner agency; null for the unit's own (staff audience).
        url (str):
        event_types (list[str]):
        description (str):
        status (SubscriptionCreatedStatus):
        paused_reason (None | str): `failing` when paused automatically after too many failed deliveries; `by_request`
            otherwise.
        consecutive_failures (int):
        circuit_open_until (datetime.datetime | None):
        previous_secret_expires_at (datetime.datetime | None): Until then the previous secret still signs each delivery
            too (after a rotation).
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int): Bumped on every change (the worker's failure count and an automatic pause too); the ETag is
            `"v<version>"`.
        secret (str): The signing secret. Shown only in this answer: store it now.
    """

    id: UUID
    agency_id: UUID | None
    url: str
    event_types: list[str]
    description: str
    status: SubscriptionCreatedStatus
    paused_reason: str | None
    consecutive_failures: int
    circuit_open_until: datetime.datetime | None
    previous_secret_expires_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    secret: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        agency_id: str | None
        if isinstance(self.agency_id, UUID):
            agency_id = str(self.agency_id)
        else:
            agency_id = self.agency_id

        url = self.url

        event_types = self.event_types

        description = self.description

        status = self.status.value

        paused_reason: str | None
        paused_reason = self.paused_reason

        consecutive_failures = self.consecutive_failures

        circuit_open_until: str | None
        if isinstance(self.circuit_open_until, datetime.datetime):
            circuit_open_until = self.circuit_open_until.isoformat()
        else:
            circuit_open_until = self.circuit_open_until

        previous_secret_expires_at: str | None
        if isinstance(self.previous_secret_expires_at, datetime.datetime):
            previous_secret_expires_at = self.previous_secret_expires_at.isoformat()
        else:
            previous_secret_expires_at = self.previous_secret_expires_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        secret = self.secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "agency_id": agency_id,
                "url": url,
                "event_types": event_types,
                "description": description,
                "status": status,
                "paused_reason": paused_reason,
                "consecutive_failures": consecutive_failures,
                "circuit_open_until": circuit_open_until,
                "previous_secret_expires_at": previous_secret_expires_at,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": version,
                "secret": secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

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

        url = d.pop("url")

        event_types = cast(list[str], d.pop("event_types"))

        description = d.pop("description")

        status = SubscriptionCreatedStatus(d.pop("status"))

        def _parse_paused_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        paused_reason = _parse_paused_reason(d.pop("paused_reason"))

        consecutive_failures = d.pop("consecutive_failures")

        def _parse_circuit_open_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                circuit_open_until_type_0 = datetime.datetime.fromisoformat(data)

                return circuit_open_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        circuit_open_until = _parse_circuit_open_until(d.pop("circuit_open_until"))

        def _parse_previous_secret_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_secret_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return previous_secret_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        previous_secret_expires_at = _parse_previous_secret_expires_at(d.pop("previous_secret_expires_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        secret = d.pop("secret")

        subscription_created = cls(
            id=id,
            agency_id=agency_id,
            url=url,
            event_types=event_types,
            description=description,
            status=status,
            paused_reason=paused_reason,
            consecutive_failures=consecutive_failures,
            circuit_open_until=circuit_open_until,
            previous_secret_expires_at=previous_secret_expires_at,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
            secret=secret,
        )

        subscription_created.additional_properties = d
        return subscription_created

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
