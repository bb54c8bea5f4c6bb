from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VerificationRun")


@_attrs_define
class VerificationRun:
    """What one re-verification of unverified crime references did.

    Attributes:
        checked (int): Reports whose reference referrals answered for.
        verified (int):
        unknown (int):
        unverified (int): Still waiting (referrals could not answer).
    """

    checked: int
    verified: int
    unknown: int
    unverified: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checked = self.checked

        verified = self.verified

        unknown = self.unknown

        unverified = self.unverified

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checked": checked,
                "verified": verified,
                "unknown": unknown,
                "unverified": unverified,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        checked = d.pop("checked")

        verified = d.pop("verified")

        unknown = d.pop("unknown")

        unverified = d.pop("unverified")

        verification_run = cls(
            checked=checked,
            verified=verified,
            unknown=unknown,
            unverified=unverified,
        )

        verification_run.additional_properties = d
        return verification_run

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
