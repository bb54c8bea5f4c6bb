from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.write_off_create_kind import WriteOffCreateKind

T = TypeVar("T", bound="WriteOffCreate")


@_attrs_define
class WriteOffCreate:
    """Take a pack out of stock for good: expired, damaged, lost or written off.

    Attributes:
        pack_id (UUID):
        kind (WriteOffCreateKind):
        reason (str):
    """

    pack_id: UUID
    kind: WriteOffCreateKind
    reason: str

    def to_dict(self) -> dict[str, Any]:
        pack_id = str(self.pack_id)

        kind = self.kind.value

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "pack_id": pack_id,
                "kind": kind,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pack_id = UUID(d.pop("pack_id"))

        kind = WriteOffCreateKind(d.pop("kind"))

        reason = d.pop("reason")

        write_off_create = cls(
            pack_id=pack_id,
            kind=kind,
            reason=reason,
        )

        return write_off_create
