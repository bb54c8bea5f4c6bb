from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.api_client_create_districts_item import ApiClientCreateDistrictsItem
from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiClientCreate")


@_attrs_define
class ApiClientCreate:
    """
    Attributes:
        client_id (str): Lower-case letters, digits and hyphens; stable, used by other systems.
        name (str):
        agency_id (UUID):
        roles (list[Role] | Unset): Roles this account holds (see DESIGN §7).
        districts (list[ApiClientCreateDistrictsItem] | Unset): District codes this account is limited to (for district-
            scoped roles such as coordinator and CSP officer).
        scopes (list[str] | Unset): OAuth2 scopes the client may ask for.
        active (bool | Unset):  Default: True.
    """

    client_id: str
    name: str
    agency_id: UUID
    roles: list[Role] | Unset = UNSET
    districts: list[ApiClientCreateDistrictsItem] | Unset = UNSET
    scopes: list[str] | Unset = UNSET
    active: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        name = self.name

        agency_id = str(self.agency_id)

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = []
            for roles_item_data in self.roles:
                roles_item = roles_item_data.value
                roles.append(roles_item)

        districts: list[str] | Unset = UNSET
        if not isinstance(self.districts, Unset):
            districts = []
            for districts_item_data in self.districts:
                districts_item = districts_item_data.value
                districts.append(districts_item)

        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = self.scopes

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "client_id": client_id,
                "name": name,
                "agency_id": agency_id,
            }
        )
        if roles is not UNSET:
            field_dict["roles"] = roles
        if districts is not UNSET:
            field_dict["districts"] = districts
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        client_id = d.pop("client_id")

        name = d.pop("name")

        agency_id = UUID(d.pop("agency_id"))

        _roles = d.pop("roles", UNSET)
        roles: list[Role] | Unset = UNSET
        if _roles is not UNSET:
            roles = []
            for roles_item_data in _roles:
                roles_item = Role(roles_item_data)

                roles.append(roles_item)

        _districts = d.pop("districts", UNSET)
        districts: list[ApiClientCreateDistrictsItem] | Unset = UNSET
        if _districts is not UNSET:
            districts = []
            for districts_item_data in _districts:
                districts_item = ApiClientCreateDistrictsItem(districts_item_data)

                districts.append(districts_item)

        scopes = cast(list[str], d.pop("scopes", UNSET))

        active = d.pop("active", UNSET)

        api_client_create = cls(
            client_id=client_id,
            name=name,
            agency_id=agency_id,
            roles=roles,
            districts=districts,
            scopes=scopes,
            active=active,
        )

        return api_client_create
