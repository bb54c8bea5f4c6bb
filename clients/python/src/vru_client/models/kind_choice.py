from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.kind_choice_kind import KindChoiceKind

T = TypeVar("T", bound="KindChoice")


@_attrs_define
class KindChoice:
    """
    Attributes:
        kind (KindChoiceKind):
        email (bool):
        sms (bool):
    """

    kind: KindChoiceKind
    email: bool
    sms: bool

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        email = self.email

        sms = self.sms

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "email": email,
                "sms": sms,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = KindChoiceKind(d.pop("kind"))

        email = d.pop("email")

        sms = d.pop("sms")

        kind_choice = cls(
            kind=kind,
            email=email,
            sms=sms,
        )

        return kind_choice
