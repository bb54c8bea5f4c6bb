from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReturnCreate")


@_attrs_define
class ReturnCreate:
    """Take a pack back one step: from a site to its CSP, or from a CSP to the central store.

    Attributes:
        pack_id (UUID):
        reason (str):
    """

    pack_id: UUID
    reason: str

    def to_dict(self) -> dict[str, Any]:
        pack_id = str(self.pack_id)

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "pack_id": pack_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pack_id = UUID(d.pop("pack_id"))

        reason = d.pop("reason")

        return_create = cls(
            pack_id=pack_id,
            reason=reason,
        )

        return return_create
