from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContactRead")


@_attrs_define
class ContactRead:
    """Whom the notifications service may send an e-mail notice to: the address, and the roles and districts that
    decide which notices.

        Attributes:
            id (UUID):
            email (str):
            roles (list[str]):
            districts (list[str]):
    """

    id: UUID
    email: str
    roles: list[str]
    districts: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        email = self.email

        roles = self.roles

        districts = self.districts

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "email": email,
                "roles": roles,
                "districts": districts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        email = d.pop("email")

        roles = cast(list[str], d.pop("roles"))

        districts = cast(list[str], d.pop("districts"))

        contact_read = cls(
            id=id,
            email=email,
            roles=roles,
            districts=districts,
        )

        contact_read.additional_properties = d
        return contact_read

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
