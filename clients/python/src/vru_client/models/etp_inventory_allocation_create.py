from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.etp_inventory_allocation_create_csp import EtpInventoryAllocationCreateCsp
from ..types import UNSET, Unset

T = TypeVar("T", bound="EtpInventoryAllocationCreate")


@_attrs_define
class EtpInventoryAllocationCreate:
    """Send packs from the central store to a district's CSP (earliest expiry first, never expired ones).

    Attributes:
        csp (EtpInventoryAllocationCreateCsp): District code of the receiving CSP.
        quantity (int):
        kit_type (None | str | Unset): Only packs of this kit type.
        reason (None | str | Unset):
    """

    csp: EtpInventoryAllocationCreateCsp
    quantity: int
    kit_type: str | Unset | None = UNSET
    reason: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        csp = self.csp.value

        quantity = self.quantity

        kit_type: str | Unset | None
        if isinstance(self.kit_type, Unset):
            kit_type = UNSET
        else:
            kit_type = self.kit_type

        reason: str | Unset | None
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "csp": csp,
                "quantity": quantity,
            }
        )
        if kit_type is not UNSET:
            field_dict["kit_type"] = kit_type
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        csp = EtpInventoryAllocationCreateCsp(d.pop("csp"))

        quantity = d.pop("quantity")

        def _parse_kit_type(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        kit_type = _parse_kit_type(d.pop("kit_type", UNSET))

        def _parse_reason(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        etp_inventory_allocation_create = cls(
            csp=csp,
            quantity=quantity,
            kit_type=kit_type,
            reason=reason,
        )

        return etp_inventory_allocation_create
