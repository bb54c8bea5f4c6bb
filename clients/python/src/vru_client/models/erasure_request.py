from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.erasure_reason import ErasureReason

T = TypeVar("T", bound="ErasureRequest")


@_attrs_define
class ErasureRequest:
    """
    Attributes:
        subject_id (UUID):
        reason (ErasureReason):
    """

    subject_id: UUID
    reason: ErasureReason

    def to_dict(self) -> dict[str, Any]:
        subject_id = str(self.subject_id)

        reason = self.reason.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "subject_id": subject_id,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subject_id = UUID(d.pop("subject_id"))

        reason = ErasureReason(d.pop("reason"))

        erasure_request = cls(
            subject_id=subject_id,
            reason=reason,
        )

        return erasure_request
