from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.erasure_reason import ErasureReason

if TYPE_CHECKING:
    from ..models.erasure_result_erased import ErasureResultErased


T = TypeVar("T", bound="ErasureResult")


@_attrs_define
class ErasureResult:
    """
    Attributes:
        subject_id (UUID):
        erased_at (datetime.datetime):
        reason (ErasureReason):
        erased (ErasureResultErased): How many records of each kind were deleted.
    """

    subject_id: UUID
    erased_at: datetime.datetime
    reason: ErasureReason
    erased: ErasureResultErased
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        subject_id = str(self.subject_id)

        erased_at = self.erased_at.isoformat()

        reason = self.reason.value

        erased = self.erased.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subject_id": subject_id,
                "erased_at": erased_at,
                "reason": reason,
                "erased": erased,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.erasure_result_erased import ErasureResultErased

        d = dict(src_dict)
        subject_id = UUID(d.pop("subject_id"))

        erased_at = datetime.datetime.fromisoformat(d.pop("erased_at"))

        reason = ErasureReason(d.pop("reason"))

        erased = ErasureResultErased.from_dict(d.pop("erased"))

        erasure_result = cls(
            subject_id=subject_id,
            erased_at=erased_at,
            reason=reason,
            erased=erased,
        )

        erasure_result.additional_properties = d
        return erasure_result

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
