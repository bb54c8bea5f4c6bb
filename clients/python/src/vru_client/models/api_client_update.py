from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.api_client_update_districts_type_0_item import ApiClientUpdateDistrictsType0Item
from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiClientUpdate")


@_attrs_define
class ApiClientUpdate:
    """Fields to change; omitted fields keep their value. The `client_id` cannot change.

    Attributes:
        name (None | str | Unset):
        agency_id (None | Unset | UUID):
        roles (list[Role] | None | Unset):
        districts (list[ApiClientUpdateDistrictsType0Item] | None | Unset):
        scopes (list[str] | None | Unset):
        active (bool | None | Unset):
    """

    name: str | Unset | None = UNSET
    agency_id: Unset | UUID | None = UNSET
    roles: list[Role] | Unset | None = UNSET
    districts: list[ApiClientUpdateDistrictsType0Item] | Unset | None = UNSET
    scopes: list[str] | Unset | None = UNSET
    active: bool | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: str | Unset | None
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

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

        scopes: list[str] | Unset | None
        if isinstance(self.scopes, Unset):
            scopes = UNSET
        elif isinstance(self.scopes, list):
            scopes = self.scopes

        else:
            scopes = self.scopes

        active: bool | Unset | None
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if agency_id is not UNSET:
            field_dict["agency_id"] = agency_id
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

        def _parse_name(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

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

        def _parse_districts(data: object) -> list[ApiClientUpdateDistrictsType0Item] | Unset | None:
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
                    districts_type_0_item = ApiClientUpdateDistrictsType0Item(districts_type_0_item_data)

                    districts_type_0.append(districts_type_0_item)

                return districts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ApiClientUpdateDistrictsType0Item] | None | Unset, data)

        districts = _parse_districts(d.pop("districts", UNSET))

        def _parse_scopes(data: object) -> list[str] | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                scopes_type_0 = cast(list[str], data)

                return scopes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        scopes = _parse_scopes(d.pop("scopes", UNSET))

        def _parse_active(data: object) -> bool | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        active = _parse_active(d.pop("active", UNSET))

        api_client_update = cls(
            name=name,
            agency_id=agency_id,
            roles=roles,
            districts=districts,
            scopes=scopes,
            active=active,
        )

        return api_client_update
