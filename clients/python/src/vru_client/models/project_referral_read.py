from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProjectReferralRead")


@_attrs_define
class ProjectReferralRead:
    """A young person referred to the project and accepted: one person receiving a service, counted into the
    grant's monitoring figures.

        Attributes:
            id (UUID):
            referral_id (UUID):
            project_id (UUID):
            grant_id (UUID): The grant whose figures count it.
            monitoring_return_id (None | UUID): The grant's monitoring return for that quarter, when the grant has one.
            period (str): The financial quarter it was accepted in.
            accepted_at (datetime.datetime):
            created_at (datetime.datetime):
    """

    id: UUID
    referral_id: UUID
    project_id: UUID
    grant_id: UUID
    monitoring_return_id: UUID | None
    period: str
    accepted_at: datetime.datetime
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        referral_id = str(self.referral_id)

        project_id = str(self.project_id)

        grant_id = str(self.grant_id)

        monitoring_return_id: str | None
        if isinstance(self.monitoring_return_id, UUID):
            monitoring_return_id = str(self.monitoring_return_id)
        else:
            monitoring_return_id = self.monitoring_return_id

        period = self.period

        accepted_at = self.accepted_at.isoformat()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "referral_id": referral_id,
                "project_id": project_id,
                "grant_id": grant_id,
                "monitoring_return_id": monitoring_return_id,
                "period": period,
                "accepted_at": accepted_at,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        referral_id = UUID(d.pop("referral_id"))

        project_id = UUID(d.pop("project_id"))

        grant_id = UUID(d.pop("grant_id"))

        def _parse_monitoring_return_id(data: object) -> UUID | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                monitoring_return_id_type_0 = UUID(data)

                return monitoring_return_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        monitoring_return_id = _parse_monitoring_return_id(d.pop("monitoring_return_id"))

        period = d.pop("period")

        accepted_at = datetime.datetime.fromisoformat(d.pop("accepted_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        project_referral_read = cls(
            id=id,
            referral_id=referral_id,
            project_id=project_id,
            grant_id=grant_id,
            monitoring_return_id=monitoring_return_id,
            period=period,
            accepted_at=accepted_at,
            created_at=created_at,
        )

        project_referral_read.additional_properties = d
        return project_referral_read

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
