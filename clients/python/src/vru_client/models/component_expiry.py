from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ComponentExpiry")


@_attrs_define
class ComponentExpiry:
    """
    Attributes:
        component (str):
        expires_on (datetime.date):
    """

    component: str
    expires_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        component = self.component

        expires_on = self.expires_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "component": component,
                "expires_on": expires_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        component = d.pop("component")

        expires_on = datetime.date.fromisoformat(d.pop("expires_on"))

        component_expiry = cls(
            component=component,
            expires_on=expires_on,
        )

        return component_expiry
