from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.person_update_districts_type_0_item import PersonUpdateDistrictsType0Item
from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonUpdate")


@_attrs_define
class PersonUpdate:
    """Fields to change; omitted fields keep their value. A new password also resets the failed-login count.

    Attributes:
        display_name (None | str | Unset):
        agency_id (None | Unset | UUID):
        roles (list[Role] | None | Unset):
        districts (list[PersonUpdateDistrictsType0Item] | None | Unset):
        active (bool | None | Unset):
        password (None | str | Unset):
    """

    display_name: str | Unset | None = UNSET
    agency_id: Unset | UUID | None = UNSET
    roles: list[Role] | Unset | None = UNSET
    districts: list[PersonUpdateDistrictsType0Item] | Unset | None = UNSET
    active: bool | Unset | None = UNSET
    password: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        display_name: str | Unset | None
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        agency_id: str | Unset | None
        if isinstance(self.agency_id, Unset):
            agency_id = UNSET
        elif isinstance(self.agency_id, UUID):
            agency_id = str(self.agency_id)
        else:
            agency_id = self.agency_id

        roles: list[str] | Unset | None
        if isinstance(self.roles, Unset):
            roles = UNSET
        elif isinstance(self.roles, list):
            roles = []
            for roles_type_0_item_data in self.roles:
                roles_type_0_item = roles_type_0_item_data.value
                roles.append(roles_type_0_item)

        else:
            roles = self.roles

        districts: list[str] | Unset | None
        if isinstance(self.districts, Unset):
            districts = UNSET
        elif isinstance(self.districts, list):
            districts = []
            for districts_type_0_item_data in self.districts:
                districts_type_0_item = districts_type_0_item_data.value
                districts.append(districts_type_0_item)

        else:
            districts = self.districts

        active: bool | Unset | None
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

        password: str | Unset | None
        if isinstance(self.password, Unset):
            password = UNSET
        else:
            password = self.password

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if agency_id is not UNSET:
            field_dict["agency_id"] = agency_id
        if roles is not UNSET:
            field_dict["roles"] = roles
        if districts is not UNSET:
            field_dict["districts"] = districts
        if active is not UNSET:
            field_dict["active"] = active
        if password is not UNSET:
            field_dict["password"] = password

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_display_name(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        def _parse_agency_id(data: object) -> Unset | UUID | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agency_id_type_0 = UUID(data)

                return agency_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        agency_id = _parse_agency_id(d.pop("agency_id", UNSET))

        def _parse_roles(data: object) -> list[Role] | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roles_type_0 = []
                _roles_type_0 = data
                for roles_type_0_item_data in _roles_type_0:
                    roles_type_0_item = Role(roles_type_0_item_data)

                    roles_type_0.append(roles_type_0_item)

                return roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Role] | None | Unset, data)

        roles = _parse_roles(d.pop("roles", UNSET))

        def _parse_districts(data: object) -> list[PersonUpdateDistrictsType0Item] | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                districts_type_0 = []
                _districts_type_0 = data
                for districts_type_0_item_data in _districts_type_0:
                    districts_type_0_item = PersonUpdateDistrictsType0Item(districts_type_0_item_data)

                    districts_type_0.append(districts_type_0_item)

                return districts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PersonUpdateDistrictsType0Item] | None | Unset, data)

        districts = _parse_districts(d.pop("districts", UNSET))

        def _parse_active(data: object) -> bool | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        active = _parse_active(d.pop("active", UNSET))

        def _parse_password(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        password = _parse_password(d.pop("password", UNSET))

        person_update = cls(
            display_name=display_name,
            agency_id=agency_id,
            roles=roles,
            districts=districts,
            active=active,
            password=password,
        )

        return person_update
