from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.area import Area
from ..models.project_create_districts_item import ProjectCreateDistrictsItem
from ..models.project_status import ProjectStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProjectCreate")


@_attrs_define
class ProjectCreate:
    """
    Attributes:
        code (str):
        name (str):
        lead_organisation_id (UUID):
        area (Area): The newsletter's project areas.
        stream (str):
        financial_year (str):
        description (str | Unset):  Default: ''.
        districts (list[ProjectCreateDistrictsItem] | Unset): Districts served, within the area. Empty: all of the
            area's.
        status (ProjectStatus | Unset):
    """

    code: str
    name: str
    lead_organisation_id: UUID
    area: Area
    stream: str
    financial_year: str
    description: str | Unset = ""
    districts: list[ProjectCreateDistrictsItem] | Unset = UNSET
    status: ProjectStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        lead_organisation_id = str(self.lead_organisation_id)

        area = self.area.value

        stream = self.stream

        financial_year = self.financial_year

        description = self.description

        districts: list[str] | Unset = UNSET
        if not isinstance(self.districts, Unset):
            districts = []
            for districts_item_data in self.districts:
                districts_item = districts_item_data.value
                districts.append(districts_item)

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
                "lead_organisation_id": lead_organisation_id,
                "area": area,
                "stream": stream,
                "financial_year": financial_year,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if districts is not UNSET:
            field_dict["districts"] = districts
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        lead_organisation_id = UUID(d.pop("lead_organisation_id"))

        area = Area(d.pop("area"))

        stream = d.pop("stream")

        financial_year = d.pop("financial_year")

        description = d.pop("description", UNSET)

        _districts = d.pop("districts", UNSET)
        districts: list[ProjectCreateDistrictsItem] | Unset = UNSET
        if _districts is not UNSET:
            districts = []
            for districts_item_data in _districts:
                districts_item = ProjectCreateDistrictsItem(districts_item_data)

                districts.append(districts_item)

        _status = d.pop("status", UNSET)
        status: ProjectStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ProjectStatus(_status)

        project_create = cls(
            code=code,
            name=name,
            lead_organisation_id=lead_organisation_id,
            area=area,
            stream=stream,
            financial_year=financial_year,
            description=description,
            districts=districts,
            status=status,
        )

        return project_create
