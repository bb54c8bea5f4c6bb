from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.incident_read_view import IncidentReadView
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.incident_change_read import IncidentChangeRead
    from ..models.referrals_person_read import ReferralsPersonRead
    from ..models.screening_read import ScreeningRead


T = TypeVar("T", bound="IncidentRead")


@_attrs_define
class IncidentRead:
    """An incident with the people involved and the history of changes from re-sent reports.

    Attributes:
        id (UUID):
        crime_reference (str):
        occurred_at (datetime.datetime):
        district (str): District code.
        category (str): Offence category code.
        weapon_knife (bool):
        weapon_firearm (bool):
        location (str):
        screening (ScreeningRead):
        review_id (None | UUID): The Serious Violence Review this incident is part of.
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        people (list[ReferralsPersonRead]):
        changes (list[IncidentChangeRead]):
        view (IncidentReadView | Unset): `full`; or `residents` for a coordinator reading an incident in another
            district because someone involved lives in one of theirs: only those residents are in `people`, the others are
            counted in `people_withheld`, and `changes` (which name everyone) is empty. Default: IncidentReadView.FULL.
        people_withheld (int | Unset): People involved who are not shown (the `residents` view). Default: 0.
    """

    id: UUID
    crime_reference: str
    occurred_at: datetime.datetime
    district: str
    category: str
    weapon_knife: bool
    weapon_firearm: bool
    location: str
    screening: ScreeningRead
    review_id: UUID | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    people: list[ReferralsPersonRead]
    changes: list[IncidentChangeRead]
    view: IncidentReadView | Unset = IncidentReadView.FULL
    people_withheld: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        crime_reference = self.crime_reference

        occurred_at = self.occurred_at.isoformat()

        district = self.district

        category = self.category

        weapon_knife = self.weapon_knife

        weapon_firearm = self.weapon_firearm

        location = self.location

        screening = self.screening.to_dict()

        review_id: str | None
        if isinstance(self.review_id, UUID):
            review_id = str(self.review_id)
        else:
            review_id = self.review_id

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        people = []
        for people_item_data in self.people:
            people_item = people_item_data.to_dict()
            people.append(people_item)

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        view: str | Unset = UNSET
        if not isinstance(self.view, Unset):
            view = self.view.value

        people_withheld = self.people_withheld

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
                "location": location,
                "screening": screening,
                "review_id": review_id,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "people": people,
                "changes": changes,
            }
        )
        if view is not UNSET:
            field_dict["view"] = view
        if people_withheld is not UNSET:
            field_dict["people_withheld"] = people_withheld

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.incident_change_read import IncidentChangeRead
        from ..models.referrals_person_read import ReferralsPersonRead
        from ..models.screening_read import ScreeningRead

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        crime_reference = d.pop("crime_reference")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        district = d.pop("district")

        category = d.pop("category")

        weapon_knife = d.pop("weapon_knife")

        weapon_firearm = d.pop("weapon_firearm")

        location = d.pop("location")

        screening = ScreeningRead.from_dict(d.pop("screening"))

        def _parse_review_id(data: object) -> UUID | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                review_id_type_0 = UUID(data)

                return review_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        review_id = _parse_review_id(d.pop("review_id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        people = []
        _people = d.pop("people")
        for people_item_data in _people:
            people_item = ReferralsPersonRead.from_dict(people_item_data)

            people.append(people_item)

        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = IncidentChangeRead.from_dict(changes_item_data)

            changes.append(changes_item)

        _view = d.pop("view", UNSET)
        view: IncidentReadView | Unset
        if isinstance(_view, Unset):
            view = UNSET
        else:
            view = IncidentReadView(_view)

        people_withheld = d.pop("people_withheld", UNSET)

        incident_read = cls(
            id=id,
            crime_reference=crime_reference,
            occurred_at=occurred_at,
            district=district,
            category=category,
            weapon_knife=weapon_knife,
            weapon_firearm=weapon_firearm,
            location=location,
            screening=screening,
            review_id=review_id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            people=people,
            changes=changes,
            view=view,
            people_withheld=people_withheld,
        )

        incident_read.additional_properties = d
        return incident_read

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
