from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BudgetLineCreate")


@_attrs_define
class BudgetLineCreate:
    """
    Attributes:
        fund_id (UUID):
        financial_year (str): Financial year code.
        code (str): Unique within the fund and year.
        name (str):
        amount_pence (int): Integer pence (a JSON integer).
        currency (Literal['GBP']):
        stream (None | str | Unset): The stream's code, if the line is for one stream.
    """

    fund_id: UUID
    financial_year: str
    code: str
    name: str
    amount_pence: int
    currency: Literal["GBP"]
    stream: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        fund_id = str(self.fund_id)

        financial_year = self.financial_year

        code = self.code

        name = self.name

        amount_pence = self.amount_pence

        currency = self.currency

        stream: str | Unset | None
        if isinstance(self.stream, Unset):
            stream = UNSET
        else:
            stream = self.stream

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fund_id": fund_id,
                "financial_year": financial_year,
                "code": code,
                "name": name,
                "amount_pence": amount_pence,
                "currency": currency,
            }
        )
        if stream is not UNSET:
            field_dict["stream"] = stream

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fund_id = UUID(d.pop("fund_id"))

        financial_year = d.pop("financial_year")

        code = d.pop("code")

        name = d.pop("name")

        amount_pence = d.pop("amount_pence")

        currency = cast(Literal["GBP"], d.pop("currency"))
        if currency != "GBP":
            raise ValueError(f"currency must match const 'GBP', got '{currency}'")

        def _parse_stream(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stream = _parse_stream(d.pop("stream", UNSET))

        budget_line_create = cls(
            fund_id=fund_id,
            financial_year=financial_year,
            code=code,
            name=name,
            amount_pence=amount_pence,
            currency=currency,
            stream=stream,
        )

        return budget_line_create
