from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReviewIncident")


@_attrs_define
class ReviewIncident:
    """
    Attributes:
        id (UUID):
        crime_reference (str):
        occurred_at (datetime.datetime):
        district (str):
        category (str):
        weapon_knife (bool):
        weapon_firearm (bool):
    """

    id: UUID
    crime_reference: str
    occurred_at: datetime.datetime
    district: str
    category: str
    weapon_knife: bool
    weapon_firearm: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        crime_reference = self.crime_reference

        occurred_at = self.occurred_at.isoformat()

        district = self.district

        category = self.category

        weapon_knife = self.weapon_knife

        weapon_firearm = self.weapon_firearm

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "crime_reference": crime_reference,
                "occurred_at": occurred_at,
                "district": district,
                "category": category,
                "weapon_knife": weapon_knife,
                "weapon_firearm": weapon_firearm,
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

        weapon_knife = d.pop("weapon_knife")

        weapon_firearm = d.pop("weapon_firearm")

        review_incident = cls(
            id=id,
            crime_reference=crime_reference,
            occurred_at=occurred_at,
            district=district,
            category=category,
            weapon_knife=weapon_knife,
            weapon_firearm=weapon_firearm,
        )

        review_incident.additional_properties = d
        return review_incident

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
