from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.kind_read import KindRead


T = TypeVar("T", bound="PreferencesRead")


@_attrs_define
class PreferencesRead:
    """
    Attributes:
        person_id (None | UUID): Your identity person id (null when another issuer signed you in: the defaults,
            unchangeable).
        mobile_number (None | str): Where SMS notices go; none: no SMS.
        kinds (list[KindRead]): The kinds of notice your roles receive (and any you chose before), with your choices:
            e-mail on and SMS off unless you said otherwise.
        updated_at (datetime.datetime | None): When you last changed them (null: the defaults).
    """

    person_id: UUID | None
    mobile_number: str | None
    kinds: list[KindRead]
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        person_id: str | None
        if isinstance(self.person_id, UUID):
            person_id = str(self.person_id)
        else:
            person_id = self.person_id

        mobile_number: str | None
        mobile_number = self.mobile_number

        kinds = []
        for kinds_item_data in self.kinds:
            kinds_item = kinds_item_data.to_dict()
            kinds.append(kinds_item)

        updated_at: str | None
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "person_id": person_id,
                "mobile_number": mobile_number,
                "kinds": kinds,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kind_read import KindRead

        d = dict(src_dict)

        def _parse_person_id(data: object) -> UUID | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                person_id_type_0 = UUID(data)

                return person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        person_id = _parse_person_id(d.pop("person_id"))

        def _parse_mobile_number(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        mobile_number = _parse_mobile_number(d.pop("mobile_number"))

        kinds = []
        _kinds = d.pop("kinds")
        for kinds_item_data in _kinds:
            kinds_item = KindRead.from_dict(kinds_item_data)

            kinds.append(kinds_item)

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        preferences_read = cls(
            person_id=person_id,
            mobile_number=mobile_number,
            kinds=kinds,
            updated_at=updated_at,
        )

        preferences_read.additional_properties = d
        return preferences_read

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
