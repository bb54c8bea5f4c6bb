from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.review_status import ReviewStatus

T = TypeVar("T", bound="SubjectReview")


@_attrs_define
class SubjectReview:
    """
    Attributes:
        id (UUID):
        status (ReviewStatus):
        area (str): Coordinator area code.
        created_at (datetime.datetime):
    """

    id: UUID
    status: ReviewStatus
    area: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status.value

        area = self.area

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "area": area,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = ReviewStatus(d.pop("status"))

        area = d.pop("area")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        subject_review = cls(
            id=id,
            status=status,
            area=area,
            created_at=created_at,
        )

        subject_review.additional_properties = d
        return subject_review

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
