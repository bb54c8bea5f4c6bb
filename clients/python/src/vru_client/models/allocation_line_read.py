from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AllocationLineRead")


@_attrs_define
class AllocationLineRead:
    """One recipient's share and how it was reached.

    Attributes:
        district (str):
        district_name (str):
        basis_value (int): Knife incidents counted in the period, or the given weight.
        quota (str): The exact quota in pence, as a fraction `numerator/denominator`.
        quota_pence (str): The quota in pence as a decimal (6 places, for reading).
        bound (None | str): `floor` or `cap` when the constraint held the quota there.
        whole_pence (int): The quota rounded down (the method's floor).
        remainder (str): The quota's fractional part, exact.
        remainder_decimal (str):
        rank (int | None): Position in the largest-remainder order (1 = first extra penny).
        extra_penny (bool): Got one of the pennies left over after rounding down.
        tie_broken (bool): Its remainder equals another's that fell on the other side of the cut.
        amount_pence (int): The allocation: `whole_pence` + 1 if `extra_penny`.
        grant_id (None | UUID): The grant created on commit.
    """

    district: str
    district_name: str
    basis_value: int
    quota: str
    quota_pence: str
    bound: str | None
    whole_pence: int
    remainder: str
    remainder_decimal: str
    rank: int | None
    extra_penny: bool
    tie_broken: bool
    amount_pence: int
    grant_id: UUID | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        district = self.district

        district_name = self.district_name

        basis_value = self.basis_value

        quota = self.quota

        quota_pence = self.quota_pence

        bound: str | None
        bound = self.bound

        whole_pence = self.whole_pence

        remainder = self.remainder

        remainder_decimal = self.remainder_decimal

        rank: int | None
        rank = self.rank

        extra_penny = self.extra_penny

        tie_broken = self.tie_broken

        amount_pence = self.amount_pence

        grant_id: str | None
        if isinstance(self.grant_id, UUID):
            grant_id = str(self.grant_id)
        else:
            grant_id = self.grant_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "district": district,
                "district_name": district_name,
                "basis_value": basis_value,
                "quota": quota,
                "quota_pence": quota_pence,
                "bound": bound,
                "whole_pence": whole_pence,
                "remainder": remainder,
                "remainder_decimal": remainder_decimal,
                "rank": rank,
                "extra_penny": extra_penny,
                "tie_broken": tie_broken,
                "amount_pence": amount_pence,
                "grant_id": grant_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        district = d.pop("district")

        district_name = d.pop("district_name")

        basis_value = d.pop("basis_value")

        quota = d.pop("quota")

        quota_pence = d.pop("quota_pence")

        def _parse_bound(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        bound = _parse_bound(d.pop("bound"))

        whole_pence = d.pop("whole_pence")

        remainder = d.pop("remainder")

        remainder_decimal = d.pop("remainder_decimal")

        def _parse_rank(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        rank = _parse_rank(d.pop("rank"))

        extra_penny = d.pop("extra_penny")

        tie_broken = d.pop("tie_broken")

        amount_pence = d.pop("amount_pence")

        def _parse_grant_id(data: object) -> UUID | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                grant_id_type_0 = UUID(data)

                return grant_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        grant_id = _parse_grant_id(d.pop("grant_id"))

        allocation_line_read = cls(
            district=district,
            district_name=district_name,
            basis_value=basis_value,
            quota=quota,
            quota_pence=quota_pence,
            bound=bound,
            whole_pence=whole_pence,
            remainder=remainder,
            remainder_decimal=remainder_decimal,
            rank=rank,
            extra_penny=extra_penny,
            tie_broken=tie_broken,
            amount_pence=amount_pence,
            grant_id=grant_id,
        )

        allocation_line_read.additional_properties = d
        return allocation_line_read

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
