from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.person_report import PersonReport


T = TypeVar("T", bound="IncidentReport")


@_attrs_define
class IncidentReport:
    """One crime report. Re-sending the same `crime_reference` updates the incident, never duplicates it.

    Attributes:
        crime_reference (str): The police's crime reference: the idempotency key of the report.
        occurred_at (datetime.datetime): RFC 3339 with a time-zone offset, e.g. `2026-11-20T22:40:00Z`; from 2000-01-01,
            not in the future (1 hour's clock skew allowed).
        district (str): District code where it happened (see `GET /v1/districts`).
        category (str): Offence category code (see `GET /v1/offence-categories`).
        people (list[PersonReport]):
        weapon_knife (bool | Unset): A knife or sharp instrument was involved. Default: False.
        weapon_firearm (bool | Unset): A firearm was involved. Default: False.
        location (str | Unset):  Default: ''.
    """

    crime_reference: str
    occurred_at: datetime.datetime
    district: str
    category: str
    people: list[PersonReport]
    weapon_knife: bool | Unset = False
    weapon_firearm: bool | Unset = False
    location: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        crime_reference = self.crime_reference

        occurred_at = self.occurred_at.isoformat()

        district = self.district

        category = self.category

        people = []
        for people_item_data in self.people:
            people_item = people_item_data.to_dict()
            people.append(people_item)

        weapon_knife = self.weapon_knife

        weapon_firearm = self.weapon_firearm

        location = self.location

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "crime_reference": crime_reference,
                "occurred_at": occurred_at,
                "district": district,
                "category": category,
                "people": people,
            }
        )
        if weapon_knife is not UNSET:
            field_dict["weapon_knife"] = weapon_knife
        if weapon_firearm is not UNSET:
            field_dict["weapon_firearm"] = weapon_firearm
        if location is not UNSET:
            field_dict["location"] = location

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person_report import PersonReport

        d = dict(src_dict)
        crime_reference = d.pop("crime_reference")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        district = d.pop("district")

        category = d.pop("category")

        people = []
        _people = d.pop("people")
        for people_item_data in _people:
            people_item = PersonReport.from_dict(people_item_data)

            people.append(people_item)

        weapon_knife = d.pop("weapon_knife", UNSET)

        weapon_firearm = d.pop("weapon_firearm", UNSET)

        location = d.pop("location", UNSET)

        incident_report = cls(
            crime_reference=crime_reference,
            occurred_at=occurred_at,
            district=district,
            category=category,
            people=people,
            weapon_knife=weapon_knife,
            weapon_firearm=weapon_firearm,
            location=location,
        )

        return incident_report
