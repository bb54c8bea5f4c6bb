from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DeploymentCreate")


@_attrs_define
class DeploymentCreate:
    """Put packs from the CSP at one of its sites: `quantity` packs (earliest expiry first) or the given ones.

    Attributes:
        site_id (UUID):
        quantity (int | None | Unset):
        pack_ids (list[UUID] | None | Unset):
        reason (None | str | Unset):
    """

    site_id: UUID
    quantity: int | Unset | None = UNSET
    pack_ids: list[UUID] | Unset | None = UNSET
    reason: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        site_id = str(self.site_id)

        quantity: int | Unset | None
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        else:
            quantity = self.quantity

        pack_ids: list[str] | Unset | None
        if isinstance(self.pack_ids, Unset):
            pack_ids = UNSET
        elif isinstance(self.pack_ids, list):
            pack_ids = []
            for pack_ids_type_0_item_data in self.pack_ids:
                pack_ids_type_0_item = str(pack_ids_type_0_item_data)
                pack_ids.append(pack_ids_type_0_item)

        else:
            pack_ids = self.pack_ids

        reason: str | Unset | None
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "site_id": site_id,
            }
        )
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if pack_ids is not UNSET:
            field_dict["pack_ids"] = pack_ids
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        site_id = UUID(d.pop("site_id"))

        def _parse_quantity(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quantity = _parse_quantity(d.pop("quantity", UNSET))

        def _parse_pack_ids(data: object) -> list[UUID] | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                pack_ids_type_0 = []
                _pack_ids_type_0 = data
                for pack_ids_type_0_item_data in _pack_ids_type_0:
                    pack_ids_type_0_item = UUID(pack_ids_type_0_item_data)

                    pack_ids_type_0.append(pack_ids_type_0_item)

                return pack_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        pack_ids = _parse_pack_ids(d.pop("pack_ids", UNSET))

        def _parse_reason(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        deployment_create = cls(
            site_id=site_id,
            quantity=quantity,
            pack_ids=pack_ids,
            reason=reason,
        )

        return deployment_create
