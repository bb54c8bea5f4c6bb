from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SubjectSummary")


@_attrs_define
class SubjectSummary:
    """A young person matched across incidents.

    Attributes:
        id (UUID):
        police_person_id (None | str):
        given_name (str):
        family_name (str):
        date_of_birth (datetime.date | None):
        possible_duplicate (bool): An uncertain match with another subject awaits a person's decision.
        merged_into_id (None | UUID): Set when this record was confirmed a duplicate of that subject.
        version (int):
        created_at (datetime.datetime):
    """

    id: UUID
    police_person_id: str | None
    given_name: str
    family_name: str
    date_of_birth: datetime.date | None
    possible_duplicate: bool
    merged_into_id: UUID | None
    version: int
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        police_person_id: str | None
        police_person_id = self.police_person_id

        given_name = self.given_name

        family_name = self.family_name

        date_of_birth: str | None
        if isinstance(self.date_of_birth, datetime.date):
            date_of_birth = self.date_of_birth.isoformat()
        else:
            date_of_birth = self.date_of_birth

        possible_duplicate = self.possible_duplicate

        merged_into_id: str | None
        if isinstance(self.merged_into_id, UUID):
            merged_into_id = str(self.merged_into_id)
        else:
            merged_into_id = self.merged_into_id

        version = self.version

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "police_person_id": police_person_id,
                "given_name": given_name,
                "family_name": family_name,
                "date_of_birth": date_of_birth,
                "possible_duplicate": possible_duplicate,
                "merged_into_id": merged_into_id,
                "version": version,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

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

        possible_duplicate = d.pop("possible_duplicate")

        def _parse_merged_into_id(data: object) -> UUID | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                merged_into_id_type_0 = UUID(data)

                return merged_into_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        merged_into_id = _parse_merged_into_id(d.pop("merged_into_id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        subject_summary = cls(
            id=id,
            police_person_id=police_person_id,
            given_name=given_name,
            family_name=family_name,
            date_of_birth=date_of_birth,
            possible_duplicate=possible_duplicate,
            merged_into_id=merged_into_id,
            version=version,
            created_at=created_at,
        )

        subject_summary.additional_properties = d
        return subject_summary

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
