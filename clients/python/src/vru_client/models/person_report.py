from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.person_role import PersonRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonReport")


@_attrs_define
class PersonReport:
    """A person involved, as the crime report gives them. Either `date_of_birth` or `age` is required.

    Attributes:
        role (PersonRole):
        given_name (str):
        family_name (str):
        police_person_id (None | str | Unset): The police's own person identifier; the surest way to match a young
            person.
        date_of_birth (datetime.date | None | Unset):
        age (int | None | Unset): Age on the day (0–120), when the date of birth is unknown.
        home_district (None | str | Unset): District code of where the person lives; brings that district into the
            review.
    """

    role: PersonRole
    given_name: str
    family_name: str
    police_person_id: str | Unset | None = UNSET
    date_of_birth: datetime.date | Unset | None = UNSET
    age: int | Unset | None = UNSET
    home_district: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        role = self.role.value

        given_name = self.given_name

        family_name = self.family_name

        police_person_id: str | Unset | None
        if isinstance(self.police_person_id, Unset):
            police_person_id = UNSET
        else:
            police_person_id = self.police_person_id

        date_of_birth: str | Unset | None
        if isinstance(self.date_of_birth, Unset):
            date_of_birth = UNSET
        elif isinstance(self.date_of_birth, datetime.date):
            date_of_birth = self.date_of_birth.isoformat()
        else:
            date_of_birth = self.date_of_birth

        age: int | Unset | None
        if isinstance(self.age, Unset):
            age = UNSET
        else:
            age = self.age

        home_district: str | Unset | None
        if isinstance(self.home_district, Unset):
            home_district = UNSET
        else:
            home_district = self.home_district

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role": role,
                "given_name": given_name,
                "family_name": family_name,
            }
        )
        if police_person_id is not UNSET:
            field_dict["police_person_id"] = police_person_id
        if date_of_birth is not UNSET:
            field_dict["date_of_birth"] = date_of_birth
        if age is not UNSET:
            field_dict["age"] = age
        if home_district is not UNSET:
            field_dict["home_district"] = home_district

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role = PersonRole(d.pop("role"))

        given_name = d.pop("given_name")

        family_name = d.pop("family_name")

        def _parse_police_person_id(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        police_person_id = _parse_police_person_id(d.pop("police_person_id", UNSET))

        def _parse_date_of_birth(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_of_birth_type_0 = datetime.date.fromisoformat(data)

                return date_of_birth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        date_of_birth = _parse_date_of_birth(d.pop("date_of_birth", UNSET))

        def _parse_age(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        age = _parse_age(d.pop("age", UNSET))

        def _parse_home_district(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        home_district = _parse_home_district(d.pop("home_district", UNSET))

        person_report = cls(
            role=role,
            given_name=given_name,
            family_name=family_name,
            police_person_id=police_person_id,
            date_of_birth=date_of_birth,
            age=age,
            home_district=home_district,
        )

        return person_report
