from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FundedProjectRead")


@_attrs_define
class FundedProjectRead:
    """A project serving the district that a grant funds today, from the funding service: a referral
    destination, with its active period (the funding grant's planned period).

        Attributes:
            project_id (UUID): Pass as `project` when referring.
            code (str):
            name (str):
            description (str):
            lead_organisation_name (str):
            districts (list[str]): Districts the project serves.
            active_from (datetime.date | None | Unset): Start of its active period.
            active_until (datetime.date | None | Unset): End of its active period: the last day it takes referrals.
    """

    project_id: UUID
    code: str
    name: str
    description: str
    lead_organisation_name: str
    districts: list[str]
    active_from: datetime.date | Unset | None = UNSET
    active_until: datetime.date | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_id = str(self.project_id)

        code = self.code

        name = self.name

        description = self.description

        lead_organisation_name = self.lead_organisation_name

        districts = self.districts

        active_from: str | Unset | None
        if isinstance(self.active_from, Unset):
            active_from = UNSET
        elif isinstance(self.active_from, datetime.date):
            active_from = self.active_from.isoformat()
        else:
            active_from = self.active_from

        active_until: str | Unset | None
        if isinstance(self.active_until, Unset):
            active_until = UNSET
        elif isinstance(self.active_until, datetime.date):
            active_until = self.active_until.isoformat()
        else:
            active_until = self.active_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_id": project_id,
                "code": code,
                "name": name,
                "description": description,
                "lead_organisation_name": lead_organisation_name,
                "districts": districts,
            }
        )
        if active_from is not UNSET:
            field_dict["active_from"] = active_from
        if active_until is not UNSET:
            field_dict["active_until"] = active_until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        project_id = UUID(d.pop("project_id"))

        code = d.pop("code")

        name = d.pop("name")

        description = d.pop("description")

        lead_organisation_name = d.pop("lead_organisation_name")

        districts = cast(list[str], d.pop("districts"))

        def _parse_active_from(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                active_from_type_0 = datetime.date.fromisoformat(data)

                return active_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        active_from = _parse_active_from(d.pop("active_from", UNSET))

        def _parse_active_until(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                active_until_type_0 = datetime.date.fromisoformat(data)

                return active_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        active_until = _parse_active_until(d.pop("active_until", UNSET))

        funded_project_read = cls(
            project_id=project_id,
            code=code,
            name=name,
            description=description,
            lead_organisation_name=lead_organisation_name,
            districts=districts,
            active_from=active_from,
            active_until=active_until,
        )

        funded_project_read.additional_properties = d
        return funded_project_read

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
