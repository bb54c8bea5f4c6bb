from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundedProjectRead")


@_attrs_define
class FundedProjectRead:
    """An active funded project serving the district, from the funding service: a referral destination.

    Attributes:
        project_id (UUID): Pass as `project` when referring.
        code (str):
        name (str):
        description (str):
        lead_organisation_name (str):
        districts (list[str]): Districts the project serves.
    """

    project_id: UUID
    code: str
    name: str
    description: str
    lead_organisation_name: str
    districts: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_id = str(self.project_id)

        code = self.code

        name = self.name

        description = self.description

        lead_organisation_name = self.lead_organisation_name

        districts = self.districts

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

        funded_project_read = cls(
            project_id=project_id,
            code=code,
            name=name,
            description=description,
            lead_organisation_name=lead_organisation_name,
            districts=districts,
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
