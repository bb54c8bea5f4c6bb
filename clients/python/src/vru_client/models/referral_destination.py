from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.area import Area

T = TypeVar("T", bound="ReferralDestination")


@_attrs_define
class ReferralDestination:
    """An active funded project serving the district: somewhere a coordinator can refer a young person.

    Attributes:
        project_id (UUID): The project's id: a referral's destination (`project`).
        code (str):
        name (str):
        description (str):
        lead_organisation_name (str):
        area (Area): The newsletter's project areas.
        districts (list[str]): Districts the project serves.
        grant_id (UUID): The grant funding it today (approved or active, its planned period covering today), whose
            monitoring figures count referrals.
        active_from (datetime.date | None): Start of the project's active period: the grant's planned start.
        active_until (datetime.date | None): End of the project's active period (the grant's planned end): after it, the
            project is no longer a destination unless another grant funds it.
    """

    project_id: UUID
    code: str
    name: str
    description: str
    lead_organisation_name: str
    area: Area
    districts: list[str]
    grant_id: UUID
    active_from: datetime.date | None
    active_until: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_id = str(self.project_id)

        code = self.code

        name = self.name

        description = self.description

        lead_organisation_name = self.lead_organisation_name

        area = self.area.value

        districts = self.districts

        grant_id = str(self.grant_id)

        active_from: str | None
        if isinstance(self.active_from, datetime.date):
            active_from = self.active_from.isoformat()
        else:
            active_from = self.active_from

        active_until: str | None
        if isinstance(self.active_until, datetime.date):
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
                "area": area,
                "districts": districts,
                "grant_id": grant_id,
                "active_from": active_from,
                "active_until": active_until,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        project_id = UUID(d.pop("project_id"))

        code = d.pop("code")

        name = d.pop("name")

        description = d.pop("description")

        lead_organisation_name = d.pop("lead_organisation_name")

        area = Area(d.pop("area"))

        districts = cast(list[str], d.pop("districts"))

        grant_id = UUID(d.pop("grant_id"))

        def _parse_active_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                active_from_type_0 = datetime.date.fromisoformat(data)

                return active_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        active_from = _parse_active_from(d.pop("active_from"))

        def _parse_active_until(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                active_until_type_0 = datetime.date.fromisoformat(data)

                return active_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        active_until = _parse_active_until(d.pop("active_until"))

        referral_destination = cls(
            project_id=project_id,
            code=code,
            name=name,
            description=description,
            lead_organisation_name=lead_organisation_name,
            area=area,
            districts=districts,
            grant_id=grant_id,
            active_from=active_from,
            active_until=active_until,
        )

        referral_destination.additional_properties = d
        return referral_destination

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
