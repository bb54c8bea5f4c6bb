from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.area import Area
from ..models.project_status import ProjectStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProjectRead")


@_attrs_define
class ProjectRead:
    """A funded project.

    Attributes:
        id (UUID):
        code (str):
        name (str):
        description (str):
        lead_organisation_id (UUID):
        lead_organisation_name (str):
        area (Area): The newsletter's project areas.
        districts (list[str]):
        stream (str):
        financial_year (str):
        status (ProjectStatus):
        illustrative (bool): Seeded from the newsletter; its figures are made up.
        created_at (datetime.datetime):
        active_from (datetime.date | None | Unset): The project's active period, from its awarded grants' planned
            periods: the earliest start…
        active_until (datetime.date | None | Unset): …and the latest end. A referral destination only while a grant
            covering today funds it (`GET /v1/projects/referral-destinations`).
    """

    id: UUID
    code: str
    name: str
    description: str
    lead_organisation_id: UUID
    lead_organisation_name: str
    area: Area
    districts: list[str]
    stream: str
    financial_year: str
    status: ProjectStatus
    illustrative: bool
    created_at: datetime.datetime
    active_from: datetime.date | Unset | None = UNSET
    active_until: datetime.date | Unset | None = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        code = self.code

        name = self.name

        description = self.description

        lead_organisation_id = str(self.lead_organisation_id)

        lead_organisation_name = self.lead_organisation_name

        area = self.area.value

        districts = self.districts

        stream = self.stream

        financial_year = self.financial_year

        status = self.status.value

        illustrative = self.illustrative

        created_at = self.created_at.isoformat()

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
                "id": id,
                "code": code,
                "name": name,
                "description": description,
                "lead_organisation_id": lead_organisation_id,
                "lead_organisation_name": lead_organisation_name,
                "area": area,
                "districts": districts,
                "stream": stream,
                "financial_year": financial_year,
                "status": status,
                "illustrative": illustrative,
                "created_at": created_at,
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
        id = UUID(d.pop("id"))

        code = d.pop("code")

        name = d.pop("name")

        description = d.pop("description")

        lead_organisation_id = UUID(d.pop("lead_organisation_id"))

        lead_organisation_name = d.pop("lead_organisation_name")

        area = Area(d.pop("area"))

        districts = cast(list[str], d.pop("districts"))

        stream = d.pop("stream")

        financial_year = d.pop("financial_year")

        status = ProjectStatus(d.pop("status"))

        illustrative = d.pop("illustrative")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

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

        project_read = cls(
            id=id,
            code=code,
            name=name,
            description=description,
            lead_organisation_id=lead_organisation_id,
            lead_organisation_name=lead_organisation_name,
            area=area,
            districts=districts,
            stream=stream,
            financial_year=financial_year,
            status=status,
            illustrative=illustrative,
            created_at=created_at,
            active_from=active_from,
            active_until=active_until,
        )

        project_read.additional_properties = d
        return project_read

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
