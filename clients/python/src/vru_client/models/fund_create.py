from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FundCreate")


@_attrs_define
class FundCreate:
    """
    Attributes:
        code (str): Lower-case letters, digits and hyphens; stable.
        name (str):
        source (str): Who the money comes from.
        description (str | Unset):  Default: ''.
    """

    code: str
    name: str
    source: str
    description: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        source = self.source

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
                "source": source,
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

        source = d.pop("source")

        description = d.pop("description", UNSET)

        fund_create = cls(
            code=code,
            name=name,
            source=source,
            description=description,
        )

        return fund_create
