from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_status import PlanStatus

T = TypeVar("T", bound="SupportPlanSummary")


@_attrs_define
class SupportPlanSummary:
    """
    Attributes:
        id (UUID):
        subject_id (UUID):
        referral_id (None | UUID):
        status (PlanStatus):
        summary (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        closed_at (datetime.datetime | None):
        version (int): The ETag is `"v<version>"`.
    """

    id: UUID
    subject_id: UUID
    referral_id: UUID | None
    status: PlanStatus
    summary: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    closed_at: datetime.datetime | None
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        subject_id = str(self.subject_id)

        referral_id: str | None
        if isinstance(self.referral_id, UUID):
            referral_id = str(self.referral_id)
        else:
            referral_id = self.referral_id

        status = self.status.value

        summary = self.summary

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        closed_at: str | None
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "subject_id": subject_id,
                "referral_id": referral_id,
                "status": status,
                "summary": summary,
                "created_at": created_at,
                "updated_at": updated_at,
                "closed_at": closed_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        subject_id = UUID(d.pop("subject_id"))

        def _parse_referral_id(data: object) -> UUID | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                referral_id_type_0 = UUID(data)

                return referral_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        referral_id = _parse_referral_id(d.pop("referral_id"))

        status = PlanStatus(d.pop("status"))

        summary = d.pop("summary")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        version = d.pop("version")

        support_plan_summary = cls(
            id=id,
            subject_id=subject_id,
            referral_id=referral_id,
            status=status,
            summary=summary,
            created_at=created_at,
            updated_at=updated_at,
            closed_at=closed_at,
            version=version,
        )

        support_plan_summary.additional_properties = d
        return support_plan_summary

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
