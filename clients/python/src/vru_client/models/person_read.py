from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role

T = TypeVar("T", bound="PersonRead")


@_attrs_define
class PersonRead:
    """A person as the admin sees them. The password hash is never returned.

    Attributes:
        id (UUID):
        email (str):
        display_name (str):
        agency_id (UUID):
        roles (list[Role]):
        districts (list[str]):
        active (bool):
        has_password (bool): Whether the person can log in with a password here.
        failed_attempts (int): Failed logins since the last success (from any address; for the administrator's eyes).
        locked_until (datetime.datetime | None): Always null since logins stopped locking accounts (kept for
            compatibility).
        last_login_at (datetime.datetime | None):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    email: str
    display_name: str
    agency_id: UUID
    roles: list[Role]
    districts: list[str]
    active: bool
    has_password: bool
    failed_attempts: int
    locked_until: datetime.datetime | None
    last_login_at: datetime.datetime | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        email = self.email

        display_name = self.display_name

        agency_id = str(self.agency_id)

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        districts = self.districts

        active = self.active

        has_password = self.has_password

        failed_attempts = self.failed_attempts

        locked_until: str | None
        if isinstance(self.locked_until, datetime.datetime):
            locked_until = self.locked_until.isoformat()
        else:
            locked_until = self.locked_until

        last_login_at: str | None
        if isinstance(self.last_login_at, datetime.datetime):
            last_login_at = self.last_login_at.isoformat()
        else:
            last_login_at = self.last_login_at

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "email": email,
                "display_name": display_name,
                "agency_id": agency_id,
                "roles": roles,
                "districts": districts,
                "active": active,
                "has_password": has_password,
                "failed_attempts": failed_attempts,
                "locked_until": locked_until,
                "last_login_at": last_login_at,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        email = d.pop("email")

        display_name = d.pop("display_name")

        agency_id = UUID(d.pop("agency_id"))

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = Role(roles_item_data)

            roles.append(roles_item)

        districts = cast(list[str], d.pop("districts"))

        active = d.pop("active")

        has_password = d.pop("has_password")

        failed_attempts = d.pop("failed_attempts")

        def _parse_locked_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                locked_until_type_0 = datetime.datetime.fromisoformat(data)

                return locked_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        locked_until = _parse_locked_until(d.pop("locked_until"))

        def _parse_last_login_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_login_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_login_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_login_at = _parse_last_login_at(d.pop("last_login_at"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        person_read = cls(
            id=id,
            email=email,
            display_name=display_name,
            agency_id=agency_id,
            roles=roles,
            districts=districts,
            active=active,
            has_password=has_password,
            failed_attempts=failed_attempts,
            locked_until=locked_until,
            last_login_at=last_login_at,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        person_read.additional_properties = d
        return person_read

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
