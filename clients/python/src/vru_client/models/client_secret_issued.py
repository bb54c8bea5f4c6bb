from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ClientSecretIssued")


@_attrs_define
class ClientSecretIssued:
    """A new secret for a client; the previous one stopped working.

    Attributes:
        id (UUID):
        client_id (str):
        client_secret (str): Shown only in this response. Only a hash is kept.
        secret_rotated_at (datetime.datetime):
    """

    id: UUID
    client_id: str
    client_secret: str
    secret_rotated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        client_id = self.client_id

        client_secret = self.client_secret

        secret_rotated_at = self.secret_rotated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "client_id": client_id,
                "client_secret": client_secret,
                "secret_rotated_at": secret_rotated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        client_id = d.pop("client_id")

        client_secret = d.pop("client_secret")

        secret_rotated_at = datetime.datetime.fromisoformat(d.pop("secret_rotated_at"))

        client_secret_issued = cls(
            id=id,
            client_id=client_id,
            client_secret=client_secret,
            secret_rotated_at=secret_rotated_at,
        )

        client_secret_issued.additional_properties = d
        return client_secret_issued

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
