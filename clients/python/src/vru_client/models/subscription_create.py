from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.subscription_create_event_types_item import SubscriptionCreateEventTypesItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionCreate")


@_attrs_define
class SubscriptionCreate:
    """
    Attributes:
        url (str):
        event_types (list[SubscriptionCreateEventTypesItem]):
        description (str | Unset):  Default: ''.
        agency_id (None | Unset | UUID): Administrators only: the partner agency this subscription belongs to. Omitted
            by an administrator: the unit's own (staff audience). A partner agency's callers leave it out (or give their own
            agency).
    """

    url: str
    event_types: list[SubscriptionCreateEventTypesItem]
    description: str | Unset = ""
    agency_id: Unset | UUID | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        event_types = []
        for event_types_item_data in self.event_types:
            event_types_item = event_types_item_data.value
            event_types.append(event_types_item)

        description = self.description

        agency_id: str | Unset | None
        if isinstance(self.agency_id, Unset):
            agency_id = UNSET
        elif isinstance(self.agency_id, UUID):
            agency_id = str(self.agency_id)
        else:
            agency_id = self.agency_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "event_types": event_types,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if agency_id is not UNSET:
            field_dict["agency_id"] = agency_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        event_types = []
        _event_types = d.pop("event_types")
        for event_types_item_data in _event_types:
            event_types_item = SubscriptionCreateEventTypesItem(event_types_item_data)

            event_types.append(event_types_item)

        description = d.pop("description", UNSET)

        def _parse_agency_id(data: object) -> Unset | UUID | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agency_id_type_0 = UUID(data)

                return agency_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        agency_id = _parse_agency_id(d.pop("agency_id", UNSET))

        subscription_create = cls(
            url=url,
            event_types=event_types,
            description=description,
            agency_id=agency_id,
        )

        return subscription_create
