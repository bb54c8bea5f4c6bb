from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.agenda_item import AgendaItem


T = TypeVar("T", bound="Agenda")


@_attrs_define
class Agenda:
    """Referrals sent to the meeting's forum, in its districts, still open and not yet discussed.

    Attributes:
        meeting_id (UUID):
        items (list[AgendaItem]):
    """

    meeting_id: UUID
    items: list[AgendaItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        meeting_id = str(self.meeting_id)

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "meeting_id": meeting_id,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agenda_item import AgendaItem

        d = dict(src_dict)
        meeting_id = UUID(d.pop("meeting_id"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = AgendaItem.from_dict(items_item_data)

            items.append(items_item)

        agenda = cls(
            meeting_id=meeting_id,
            items=items,
        )

        agenda.additional_properties = d
        return agenda

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
