from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.disbursement_status import DisbursementStatus

T = TypeVar("T", bound="DisbursementRead")


@_attrs_define
class DisbursementRead:
    """One instalment: scheduled → approved → paid | cancelled.

    Attributes:
        id (UUID):
        grant_id (UUID):
        sequence (int):
        due_on (datetime.date):
        amount_pence (int):
        currency (Literal['GBP']):
        status (DisbursementStatus):
        paid_on (datetime.date | None):
        reason (None | str):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    grant_id: UUID
    sequence: int
    due_on: datetime.date
    amount_pence: int
    currency: Literal["GBP"]
    status: DisbursementStatus
    paid_on: datetime.date | None
    reason: str | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        grant_id = str(self.grant_id)

        sequence = self.sequence

        due_on = self.due_on.isoformat()

        amount_pence = self.amount_pence

        currency = self.currency

        status = self.status.value

        paid_on: str | None
        if isinstance(self.paid_on, datetime.date):
            paid_on = self.paid_on.isoformat()
        else:
            paid_on = self.paid_on

        reason: str | None
        reason = self.reason

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "grant_id": grant_id,
                "sequence": sequence,
                "due_on": due_on,
                "amount_pence": amount_pence,
                "currency": currency,
                "status": status,
                "paid_on": paid_on,
                "reason": reason,
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

        grant_id = UUID(d.pop("grant_id"))

        sequence = d.pop("sequence")

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        amount_pence = d.pop("amount_pence")

        currency = cast(Literal["GBP"], d.pop("currency"))
        if currency != "GBP":
            raise ValueError(f"currency must match const 'GBP', got '{currency}'")

        status = DisbursementStatus(d.pop("status"))

        def _parse_paid_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_on_type_0 = datetime.date.fromisoformat(data)

                return paid_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        paid_on = _parse_paid_on(d.pop("paid_on"))

        def _parse_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        disbursement_read = cls(
            id=id,
            grant_id=grant_id,
            sequence=sequence,
            due_on=due_on,
            amount_pence=amount_pence,
            currency=currency,
            status=status,
            paid_on=paid_on,
            reason=reason,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        disbursement_read.additional_properties = d
        return disbursement_read

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
