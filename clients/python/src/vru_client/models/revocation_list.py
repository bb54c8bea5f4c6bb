from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.revocation import Revocation


T = TypeVar("T", bound="RevocationList")


@_attrs_define
class RevocationList:
    """The token revocations that still matter (the body of identity's ``GET /v1/revocations``).

    Attributes:
        revocations (list[Revocation]):
        retention_seconds (int | Unset): How long an entry stays listed after its `not_before`: longer than any token
            lives. Default: 3720.
    """

    revocations: list[Revocation]
    retention_seconds: int | Unset = 3720
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        revocations = []
        for revocations_item_data in self.revocations:
            revocations_item = revocations_item_data.to_dict()
            revocations.append(revocations_item)

        retention_seconds = self.retention_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "revocations": revocations,
            }
        )
        if retention_seconds is not UNSET:
            field_dict["retention_seconds"] = retention_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.revocation import Revocation

        d = dict(src_dict)
        revocations = []
        _revocations = d.pop("revocations")
        for revocations_item_data in _revocations:
            revocations_item = Revocation.from_dict(revocations_item_data)

            revocations.append(revocations_item)

        retention_seconds = d.pop("retention_seconds", UNSET)

        revocation_list = cls(
            revocations=revocations,
            retention_seconds=retention_seconds,
        )

        revocation_list.additional_properties = d
        return revocation_list

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
