from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ComponentReplacement")


@_attrs_define
class ComponentReplacement:
    """A component of the pack was replaced (used up, damaged, or about to expire).

    Attributes:
        expires_on (datetime.date | None): The new item's expiry; required for a component type with a shelf life,
            `null` otherwise.
        reason (str):
    """

    expires_on: datetime.date | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        expires_on: str | None
        if isinstance(self.expires_on, datetime.date):
            expires_on = self.expires_on.isoformat()
        else:
            expires_on = self.expires_on

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "expires_on": expires_on,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_expires_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_on_type_0 = datetime.date.fromisoformat(data)

                return expires_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        expires_on = _parse_expires_on(d.pop("expires_on"))

        reason = d.pop("reason")

        component_replacement = cls(
            expires_on=expires_on,
            reason=reason,
        )

        return component_replacement
