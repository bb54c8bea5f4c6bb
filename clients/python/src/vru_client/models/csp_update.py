from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="CspUpdate")


@_attrs_define
class CspUpdate:
    """Change a CSP's own minimum stock (`null`: back to the service's default).

    Attributes:
        minimum_stock (int | None):
    """

    minimum_stock: int | None

    def to_dict(self) -> dict[str, Any]:
        minimum_stock: int | None
        minimum_stock = self.minimum_stock

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "minimum_stock": minimum_stock,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_minimum_stock(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        minimum_stock = _parse_minimum_stock(d.pop("minimum_stock"))

        csp_update = cls(
            minimum_stock=minimum_stock,
        )

        return csp_update
