from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.kind_read_kind import KindReadKind

T = TypeVar("T", bound="KindRead")


@_attrs_define
class KindRead:
    """
    Attributes:
        kind (KindReadKind):
        email (bool):
        sms (bool):
        title (str): What the notice is about.
    """

    kind: KindReadKind
    email: bool
    sms: bool
    title: str

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        email = self.email

        sms = self.sms

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "email": email,
                "sms": sms,
                "title": title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = KindReadKind(d.pop("kind"))

        email = d.pop("email")

        sms = d.pop("sms")

        title = d.pop("title")

        kind_read = cls(
            kind=kind,
            email=email,
            sms=sms,
            title=title,
        )

        return kind_read
