from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BudgetLineRead")


@_attrs_define
class BudgetLineRead:
    """A budget line with what is committed against it: `available = amount − awarded − spent`.

    Attributes:
        id (UUID):
        fund_id (UUID):
        financial_year (str):
        stream (None | str):
        code (str):
        name (str):
        amount_pence (int):
        currency (Literal['GBP']):
        awarded_pence (int): Awards of approved, active, completed and closed grants (and what was paid on withdrawn
            ones).
        spent_pence (int): Spend recorded directly against the line (e.g. pack purchases).
        available_pence (int):
        illustrative (bool): Seeded with a made-up amount (the newsletter gives no figures).
        version (int): Bumped on every change; the ETag is `"v<version>"`.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    fund_id: UUID
    financial_year: str
    stream: str | None
    code: str
    name: str
    amount_pence: int
    currency: Literal["GBP"]
    awarded_pence: int
    spent_pence: int
    available_pence: int
    illustrative: bool
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        fund_id = str(self.fund_id)

        financial_year = self.financial_year

        stream: str | None
        stream = self.stream

        code = self.code

        name = self.name

        amount_pence = self.amount_pence

        currency = self.currency

        awarded_pence = self.awarded_pence

        spent_pence = self.spent_pence

        available_pence = self.available_pence

        illustrative = self.illustrative

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "fund_id": fund_id,
                "financial_year": financial_year,
                "stream": stream,
                "code": code,
                "name": name,
                "amount_pence": amount_pence,
                "currency": currency,
                "awarded_pence": awarded_pence,
                "spent_pence": spent_pence,
                "available_pence": available_pence,
                "illustrative": illustrative,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        fund_id = UUID(d.pop("fund_id"))

        financial_year = d.pop("financial_year")

        def _parse_stream(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        stream = _parse_stream(d.pop("stream"))

        code = d.pop("code")

        name = d.pop("name")

        amount_pence = d.pop("amount_pence")

        currency = cast(Literal["GBP"], d.pop("currency"))
        if currency != "GBP":
            raise ValueError(f"currency must match const 'GBP', got '{currency}'")

        awarded_pence = d.pop("awarded_pence")

        spent_pence = d.pop("spent_pence")

        available_pence = d.pop("available_pence")

        illustrative = d.pop("illustrative")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        budget_line_read = cls(
            id=id,
            fund_id=fund_id,
            financial_year=financial_year,
            stream=stream,
            code=code,
            name=name,
            amount_pence=amount_pence,
            currency=currency,
            awarded_pence=awarded_pence,
            spent_pence=spent_pence,
            available_pence=available_pence,
            illustrative=illustrative,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        budget_line_read.additional_properties = d
        return budget_line_read

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
