from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.event_in_type import EventInType

if TYPE_CHECKING:
    from ..models.event_audience import EventAudience
    from ..models.event_in_data import EventInData


T = TypeVar("T", bound="EventIn")


@_attrs_define
class EventIn:
    """An event from a service's outbox (``vru_shared.events``).

    Attributes:
        id (UUID):
        type_ (EventInType):
        occurred_at (datetime.datetime):
        data (EventInData):
        audience (EventAudience):
    """

    id: UUID
    type_: EventInType
    occurred_at: datetime.datetime
    data: EventInData
    audience: EventAudience

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        type_ = self.type_.value

        occurred_at = self.occurred_at.isoformat()

        data = self.data.to_dict()

        audience = self.audience.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "type": type_,
                "occurred_at": occurred_at,
                "data": data,
                "audience": audience,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_audience import EventAudience
        from ..models.event_in_data import EventInData

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        type_ = EventInType(d.pop("type"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        data = EventInData.from_dict(d.pop("data"))

        audience = EventAudience.from_dict(d.pop("audience"))

        event_in = cls(
            id=id,
            type_=type_,
            occurred_at=occurred_at,
            data=data,
            audience=audience,
        )

        return event_in
