from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ApiClientCreated")


@_attrs_define
class ApiClientCreated:
    """The new client with its secret: shown this once, store it now.

    Attributes:
        id (UUID):
        client_id (str):
        name (str):
        agency_id (UUID):
        roles (list[str]):
        districts (list[str]):
        scopes (list[str]):
        active (bool):
        secret_rotated_at (datetime.datetime):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        client_secret (str): Shown only in this response. Only a hash is kept.
    """

    id: UUID
    client_id: str
    name: str
    agency_id: UUID
    roles: list[str]
    districts: list[str]
    scopes: list[str]
    active: bool
    secret_rotated_at: datetime.datetime
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    client_secret: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        client_id = self.client_id

        name = self.name

        agency_id = str(self.agency_id)

        roles = self.roles

        districts = self.districts

        scopes = self.scopes

        active = self.active

        secret_rotated_at = self.secret_rotated_at.isoformat()

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        client_secret = self.client_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "client_id": client_id,
                "name": name,
                "agency_id": agency_id,
                "roles": roles,
                "districts": districts,
                "scopes": scopes,
                "active": active,
                "secret_rotated_at": secret_rotated_at,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "client_secret": client_secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        client_id = d.pop("client_id")

        name = d.pop("name")

        agency_id = UUID(d.pop("agency_id"))

        roles = cast(list[str], d.pop("roles"))

        districts = cast(list[str], d.pop("districts"))

        scopes = cast(list[str], d.pop("scopes"))

        active = d.pop("active")

        secret_rotated_at = datetime.datetime.fromisoformat(d.pop("secret_rotated_at"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        client_secret = d.pop("client_secret")

        api_client_created = cls(
            id=id,
            client_id=client_id,
            name=name,
            agency_id=agency_id,
            roles=roles,
            districts=districts,
            scopes=scopes,
            active=active,
            secret_rotated_at=secret_rotated_at,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            client_secret=client_secret,
        )

        api_client_created.additional_properties = d
        return api_client_created

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
