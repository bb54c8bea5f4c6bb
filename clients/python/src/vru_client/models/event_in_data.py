from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.event_in_data_additional_property_type_2 import EventInDataAdditionalPropertyType2


T = TypeVar("T", bound="EventInData")


@_attrs_define
class EventInData:
    additional_properties: dict[str, EventInDataAdditionalPropertyType2 | list[str] | str | None] = _attrs_field(
        init=False, factory=dict
    )

    def to_dict(self) -> dict[str, Any]:
        from ..models.event_in_data_additional_property_type_2 import EventInDataAdditionalPropertyType2

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, list):
                field_dict[prop_name] = prop

            elif isinstance(prop, EventInDataAdditionalPropertyType2):
                field_dict[prop_name] = prop.to_dict()
            else:
                field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_in_data_additional_property_type_2 import EventInDataAdditionalPropertyType2

        d = dict(src_dict)
        event_in_data = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(data: object) -> EventInDataAdditionalPropertyType2 | list[str] | str | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    additional_property_type_1 = cast(list[str], data)

                    return additional_property_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    additional_property_type_2 = EventInDataAdditionalPropertyType2.from_dict(data)

                    return additional_property_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(EventInDataAdditionalPropertyType2 | list[str] | None | str, data)

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        event_in_data.additional_properties = additional_properties
        return event_in_data

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> EventInDataAdditionalPropertyType2 | list[str] | str | None:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: EventInDataAdditionalPropertyType2 | list[str] | str | None) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
