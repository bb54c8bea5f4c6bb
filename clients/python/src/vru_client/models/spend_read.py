from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SpendRead")


@_attrs_define
class SpendRead:
    """
    Attributes:
        id (UUID):
        budget_line_id (UUID):
        amount_pence (int):
        currency (Literal['GBP']):
        description (str):
        source (str):
        source_reference (str):
        spent_on (datetime.date):
        created_at (datetime.datetime):
    """

    id: UUID
    budget_line_id: UUID
    amount_pence: int
    currency: Literal["GBP"]
    description: str
    source: str
    source_reference: str
    spent_on: datetime.date
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        budget_line_id = str(self.budget_line_id)

        amount_pence = self.amount_pence

        currency = self.currency

        description = self.description

        source = self.source

        source_reference = self.source_reference

        spent_on = self.spent_on.isoformat()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "budget_line_id": budget_line_id,
                "amount_pence": amount_pence,
                "currency": currency,
                "description": description,
                "source": source,
                "source_reference": source_reference,
                "spent_on": spent_on,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        budget_line_id = UUID(d.pop("budget_line_id"))

        amount_pence = d.pop("amount_pence")

        currency = cast(Literal["GBP"], d.pop("currency"))
        if currency != "GBP":
            raise ValueError(f"currency must match const 'GBP', got '{currency}'")

        description = d.pop("description")

        source = d.pop("source")

        source_reference = d.pop("source_reference")

        spent_on = datetime.date.fromisoformat(d.pop("spent_on"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        spend_read = cls(
            id=id,
            budget_line_id=budget_line_id,
            amount_pence=amount_pence,
            currency=currency,
            description=description,
            source=source,
            source_reference=source_reference,
            spent_on=spent_on,
            created_at=created_at,
        )

        spend_read.additional_properties = d
        return spend_read

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
