from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.possible_duplicate import PossibleDuplicate
    from ..models.subject_incident import SubjectIncident
    from ..models.subject_referral import SubjectReferral
    from ..models.subject_review import SubjectReview


T = TypeVar("T", bound="SubjectRead")


@_attrs_define
class SubjectRead:
    """A young person's page: incidents, reviews, referrals and possible duplicates.

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
        incidents (list[SubjectIncident]):
        reviews (list[SubjectReview]):
        referrals (list[SubjectReferral]):
        possible_duplicates (list[PossibleDuplicate]):
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
    incidents: list[SubjectIncident]
    reviews: list[SubjectReview]
    referrals: list[SubjectReferral]
    possible_duplicates: list[PossibleDuplicate]
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

        incidents = []
        for incidents_item_data in self.incidents:
            incidents_item = incidents_item_data.to_dict()
            incidents.append(incidents_item)

        reviews = []
        for reviews_item_data in self.reviews:
            reviews_item = reviews_item_data.to_dict()
            reviews.append(reviews_item)

        referrals = []
        for referrals_item_data in self.referrals:
            referrals_item = referrals_item_data.to_dict()
            referrals.append(referrals_item)

        possible_duplicates = []
        for possible_duplicates_item_data in self.possible_duplicates:
            possible_duplicates_item = possible_duplicates_item_data.to_dict()
            possible_duplicates.append(possible_duplicates_item)

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
                "incidents": incidents,
                "reviews": reviews,
                "referrals": referrals,
                "possible_duplicates": possible_duplicates,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.possible_duplicate import PossibleDuplicate
        from ..models.subject_incident import SubjectIncident
        from ..models.subject_referral import SubjectReferral
        from ..models.subject_review import SubjectReview

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

        incidents = []
        _incidents = d.pop("incidents")
        for incidents_item_data in _incidents:
            incidents_item = SubjectIncident.from_dict(incidents_item_data)

            incidents.append(incidents_item)

        reviews = []
        _reviews = d.pop("reviews")
        for reviews_item_data in _reviews:
            reviews_item = SubjectReview.from_dict(reviews_item_data)

            reviews.append(reviews_item)

        referrals = []
        _referrals = d.pop("referrals")
        for referrals_item_data in _referrals:
            referrals_item = SubjectReferral.from_dict(referrals_item_data)

            referrals.append(referrals_item)

        possible_duplicates = []
        _possible_duplicates = d.pop("possible_duplicates")
        for possible_duplicates_item_data in _possible_duplicates:
            possible_duplicates_item = PossibleDuplicate.from_dict(possible_duplicates_item_data)

            possible_duplicates.append(possible_duplicates_item)

        subject_read = cls(
            id=id,
            police_person_id=police_person_id,
            given_name=given_name,
            family_name=family_name,
            date_of_birth=date_of_birth,
            possible_duplicate=possible_duplicate,
            merged_into_id=merged_into_id,
            version=version,
            created_at=created_at,
            incidents=incidents,
            reviews=reviews,
            referrals=referrals,
            possible_duplicates=possible_duplicates,
        )

        subject_read.additional_properties = d
        return subject_read

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
