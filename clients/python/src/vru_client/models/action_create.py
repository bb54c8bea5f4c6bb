from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ActionCreate")


@_attrs_define
class ActionCreate:
    """
    Attributes:
        owner_agency (str): Partner agency code of the agency that owns the action.
        description (str):
        due_on (datetime.date): From 2000-01-01 to 10 years from today.
    """

    owner_agency: str
    description: str
    due_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        owner_agency = self.owner_agency

        description = self.description

        due_on = self.due_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "owner_agency": owner_agency,
                "description": description,
                "due_on": due_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        owner_agency = d.pop("owner_agency")

        description = d.pop("description")

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        action_create = cls(
            owner_agency=owner_agency,
            description=description,
            due_on=due_on,
        )

        return action_create
