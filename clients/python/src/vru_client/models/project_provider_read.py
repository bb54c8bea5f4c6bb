from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProjectProviderRead")


@_attrs_define
class ProjectProviderRead:
    """A funded project the partner agency delivers: it sees and answers the referrals sent to it.

    Attributes:
        project_id (UUID): The funding service's project id (`GET /v1/referrals/funded-projects`).
        partner_agency_id (UUID):
        linked_by (str):
        linked_at (datetime.datetime):
    """

    project_id: UUID
    partner_agency_id: UUID
    linked_by: str
    linked_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_id = str(self.project_id)

        partner_agency_id = str(self.partner_agency_id)

        linked_by = self.linked_by

        linked_at = self.linked_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_id": project_id,
                "partner_agency_id": partner_agency_id,
                "linked_by": linked_by,
                "linked_at": linked_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        project_id = UUID(d.pop("project_id"))

        partner_agency_id = UUID(d.pop("partner_agency_id"))

        linked_by = d.pop("linked_by")

        linked_at = datetime.datetime.fromisoformat(d.pop("linked_at"))

        project_provider_read = cls(
            project_id=project_id,
            partner_agency_id=partner_agency_id,
            linked_by=linked_by,
            linked_at=linked_at,
        )

        project_provider_read.additional_properties = d
        return project_provider_read

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
