from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="SpendCreate")


@_attrs_define
class SpendCreate:
    """Spend against a budget line, recorded by another service. Idempotent on (source, source_reference).

    Attributes:
        amount_pence (int): Integer pence above 0 (a JSON integer).
        currency (Literal['GBP']):
        description (str):
        source (str): The recording system.
        source_reference (str): The recording system's own id for it (e.g. the purchase id).
        spent_on (datetime.date):
    """

    amount_pence: int
    currency: Literal["GBP"]
    description: str
    source: str
    source_reference: str
    spent_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        amount_pence = self.amount_pence

        currency = self.currency

        description = self.description

        source = self.source

        source_reference = self.source_reference

        spent_on = self.spent_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_pence": amount_pence,
                "currency": currency,
                "description": description,
                "source": source,
                "source_reference": source_reference,
                "spent_on": spent_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_pence = d.pop("amount_pence")

        currency = cast(Literal["GBP"], d.pop("currency"))
        if currency != "GBP":
            raise ValueError(f"currency must match const 'GBP', got '{currency}'")

        description = d.pop("description")

        source = d.pop("source")

        source_reference = d.pop("source_reference")

        spent_on = datetime.date.fromisoformat(d.pop("spent_on"))

        spend_create = cls(
            amount_pence=amount_pence,
            currency=currency,
            description=description,
            source=source,
            source_reference=source_reference,
            spent_on=spent_on,
        )

        return spend_create
