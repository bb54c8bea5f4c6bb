from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.person_role import PersonRole

T = TypeVar("T", bound="ReferralsPersonRead")


@_attrs_define
class ReferralsPersonRead:
    """
    Attributes:
        role (PersonRole):
        police_person_id (None | str):
        given_name (str):
        family_name (str):
        date_of_birth (datetime.date | None):
        age (int | None):
        age_on_day (int): Age on the day of the incident.
        home_district (None | str): District code where the person lives.
        subject_id (None | UUID): The young person (subject) matched; null for people over 25.
    """

    role: PersonRole
    police_person_id: str | None
    given_name: str
    family_name: str
    date_of_birth: datetime.date | None
    age: int | None
    age_on_day: int
    home_district: str | None
    subject_id: UUID | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role = self.role.value

        police_person_id: str | None
        police_person_id = self.police_person_id

        given_name = self.given_name

        family_name = self.family_name

        date_of_birth: str | None
        if isinstance(self.date_of_birth, datetime.date):
            date_of_birth = self.date_of_birth.isoformat()
        else:
            date_of_birth = self.date_of_birth

        age: int | None
        age = self.age

        age_on_day = self.age_on_day

        home_district: str | None
        home_district = self.home_district

        subject_id: str | None
        if isinstance(self.subject_id, UUID):
            subject_id = str(self.subject_id)
        else:
            subject_id = self.subject_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "police_person_id": police_person_id,
                "given_name": given_name,
                "family_name": family_name,
                "date_of_birth": date_of_birth,
                "age": age,
                "age_on_day": age_on_day,
                "home_district": home_district,
                "subject_id": subject_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role = PersonRole(d.pop("role"))

        def _parse_police_person_id(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        police_person_id = _parse_police_person_id(d.pop("police_person_id"))

        given_name = d.pop("given_name")

        family_name = d.pop("family_name")

        def _parse_date_of_birth(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_of_birth_type_0 = datetime.date.fromisoformat(data)

                return date_of_birth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        date_of_birth = _parse_date_of_birth(d.pop("date_of_birth"))

        def _parse_age(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        age = _parse_age(d.pop("age"))

        age_on_day = d.pop("age_on_day")

        def _parse_home_district(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        home_district = _parse_home_district(d.pop("home_district"))

        def _parse_subject_id(data: object) -> UUID | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                subject_id_type_0 = UUID(data)

                return subject_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        subject_id = _parse_subject_id(d.pop("subject_id"))

        referrals_person_read = cls(
            role=role,
            police_person_id=police_person_id,
            given_name=given_name,
            family_name=family_name,
            date_of_birth=date_of_birth,
            age=age,
            age_on_day=age_on_day,
            home_district=home_district,
            subject_id=subject_id,
        )

        referrals_person_read.additional_properties = d
        return referrals_person_read

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
