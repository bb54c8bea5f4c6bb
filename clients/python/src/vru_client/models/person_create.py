from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.person_create_districts_item import PersonCreateDistrictsItem
from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonCreate")


@_attrs_define
class PersonCreate:
    """
    Attributes:
        email (str): The login; compared case-insensitively and stored lower-case.
        display_name (str):
        agency_id (UUID):
        roles (list[Role] | Unset): Roles this account holds (see DESIGN §7).
        districts (list[PersonCreateDistrictsItem] | Unset): District codes this account is limited to (for district-
            scoped roles such as coordinator and CSP officer).
        password (None | str | Unset): Optional: without one the person can only sign in through an external issuer.
        active (bool | Unset):  Default: True.
    """

    email: str
    display_name: str
    agency_id: UUID
    roles: list[Role] | Unset = UNSET
    districts: list[PersonCreateDistrictsItem] | Unset = UNSET
    password: str | Unset | None = UNSET
    active: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        display_name = self.display_name

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

        password: str | Unset | None
        if isinstance(self.password, Unset):
            password = UNSET
        else:
            password = self.password

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "display_name": display_name,
                "agency_id": agency_id,
            }
        )
        if roles is not UNSET:
            field_dict["roles"] = roles
        if districts is not UNSET:
            field_dict["districts"] = districts
        if password is not UNSET:
            field_dict["password"] = password
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        display_name = d.pop("display_name")

        agency_id = UUID(d.pop("agency_id"))

        _roles = d.pop("roles", UNSET)
        roles: list[Role] | Unset = UNSET
        if _roles is not UNSET:
            roles = []
            for roles_item_data in _roles:
                roles_item = Role(roles_item_data)

                roles.append(roles_item)

        _districts = d.pop("districts", UNSET)
        districts: list[PersonCreateDistrictsItem] | Unset = UNSET
        if _districts is not UNSET:
            districts = []
            for districts_item_data in _districts:
                districts_item = PersonCreateDistrictsItem(districts_item_data)

                districts.append(districts_item)

        def _parse_password(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        password = _parse_password(d.pop("password", UNSET))

        active = d.pop("active", UNSET)

        person_create = cls(
            email=email,
            display_name=display_name,
            agency_id=agency_id,
            roles=roles,
            districts=districts,
            password=password,
            active=active,
        )

        return person_create
