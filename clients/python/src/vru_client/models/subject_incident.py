from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.person_role import PersonRole

T = TypeVar("T", bound="SubjectIncident")


@_attrs_define
class SubjectIncident:
    """
    Attributes:
        id (UUID):
        crime_reference (str):
        occurred_at (datetime.datetime):
        district (str):
        category (str):
        role (PersonRole):
        age_on_day (int):
    """

    id: UUID
    crime_reference: str
    occurred_at: datetime.datetime
    district: str
    category: str
    role: PersonRole
    age_on_day: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        crime_reference = self.crime_reference

        occurred_at = self.occurred_at.isoformat()

        district = self.district

        category = self.category

        role = self.role.value

        age_on_day = self.age_on_day

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "crime_reference": crime_reference,
                "occurred_at": occurred_at,
                "district": district,
                "category": category,
                "role": role,
                "age_on_day": age_on_day,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        crime_reference = d.pop("crime_reference")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        district = d.pop("district")

        category = d.pop("category")

        role = PersonRole(d.pop("role"))

        age_on_day = d.pop("age_on_day")

        subject_incident = cls(
            id=id,
            crime_reference=crime_reference,
            occurred_at=occurred_at,
            district=district,
            category=category,
            role=role,
            age_on_day=age_on_day,
        )

        subject_incident.additional_properties = d
        return subject_incident

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
