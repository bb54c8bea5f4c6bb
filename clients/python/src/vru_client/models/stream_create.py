from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamCreate")


@_attrs_define
class StreamCreate:
    """
    Attributes:
        code (str): Lower-case letters, digits and hyphens; stable.
        name (str):
        description (str | Unset):  Default: ''.
    """

    code: str
    name: str
    description: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        description = d.pop("description", UNSET)

        stream_create = cls(
            code=code,
            name=name,
            description=description,
        )

        return stream_create
