from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.allocation_basis import AllocationBasis
from ..models.allocation_create_recipients_type_0_item import AllocationCreateRecipientsType0Item
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.allocation_create_weights_type_0 import AllocationCreateWeightsType0


T = TypeVar("T", bound="AllocationCreate")


@_attrs_define
class AllocationCreate:
    """What to split and by what. With `knife_incidents` the counts for `period_from`–`period_to` are fetched
    from the referrals service; with `weights` they are given here.

        Attributes:
            title (str):
            budget_line_id (UUID): The line the grants will be charged to.
            pot_pence (int): Integer pence above 0 (a JSON integer).
            currency (Literal['GBP']):
            basis (AllocationBasis):
            project_id (None | Unset | UUID): The project the grants belong to, if any.
            period_from (datetime.date | None | Unset): For `knife_incidents`: first day counted.
            period_to (datetime.date | None | Unset): For `knife_incidents`: last day counted (inclusive).
            weights (AllocationCreateWeightsType0 | None | Unset): For `weights`: each recipient district's weight (the
                recipients are its keys).
            recipients (list[AllocationCreateRecipientsType0Item] | None | Unset): For `knife_incidents`: the districts
                sharing the pot; default all 13 (a district with no incidents gets its floor, or nothing).
            floor_pence (int | None | Unset): Each recipient gets at least this.
            cap_pence (int | None | Unset): No recipient gets more than this.
    """

    title: str
    budget_line_id: UUID
    pot_pence: int
    currency: Literal["GBP"]
    basis: AllocationBasis
    project_id: Unset | UUID | None = UNSET
    period_from: datetime.date | Unset | None = UNSET
    period_to: datetime.date | Unset | None = UNSET
    weights: AllocationCreateWeightsType0 | Unset | None = UNSET
    recipients: list[AllocationCreateRecipientsType0Item] | Unset | None = UNSET
    floor_pence: int | Unset | None = UNSET
    cap_pence: int | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.allocation_create_weights_type_0 import AllocationCreateWeightsType0

        title = self.title

        budget_line_id = str(self.budget_line_id)

        pot_pence = self.pot_pence

        currency = self.currency

        basis = self.basis.value

        project_id: str | Unset | None
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        elif isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        period_from: str | Unset | None
        if isinstance(self.period_from, Unset):
            period_from = UNSET
        elif isinstance(self.period_from, datetime.date):
            period_from = self.period_from.isoformat()
        else:
            period_from = self.period_from

        period_to: str | Unset | None
        if isinstance(self.period_to, Unset):
            period_to = UNSET
        elif isinstance(self.period_to, datetime.date):
            period_to = self.period_to.isoformat()
        else:
            period_to = self.period_to

        weights: dict[str, Any] | Unset | None
        if isinstance(self.weights, Unset):
            weights = UNSET
        elif isinstance(self.weights, AllocationCreateWeightsType0):
            weights = self.weights.to_dict()
        else:
            weights = self.weights

        recipients: list[str] | Unset | None
        if isinstance(self.recipients, Unset):
            recipients = UNSET
        elif isinstance(self.recipients, list):
            recipients = []
            for recipients_type_0_item_data in self.recipients:
                recipients_type_0_item = recipients_type_0_item_data.value
                recipients.append(recipients_type_0_item)

        else:
            recipients = self.recipients

        floor_pence: int | Unset | None
        if isinstance(self.floor_pence, Unset):
            floor_pence = UNSET
        else:
            floor_pence = self.floor_pence

        cap_pence: int | Unset | None
        if isinstance(self.cap_pence, Unset):
            cap_pence = UNSET
        else:
            cap_pence = self.cap_pence

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "budget_line_id": budget_line_id,
                "pot_pence": pot_pence,
                "currency": currency,
                "basis": basis,
            }
        )
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if period_from is not UNSET:
            field_dict["period_from"] = period_from
        if period_to is not UNSET:
            field_dict["period_to"] = period_to
        if weights is not UNSET:
            field_dict["weights"] = weights
        if recipients is not UNSET:
            field_dict["recipients"] = recipients
        if floor_pence is not UNSET:
            field_dict["floor_pence"] = floor_pence
        if cap_pence is not UNSET:
            field_dict["cap_pence"] = cap_pence

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.allocation_create_weights_type_0 import AllocationCreateWeightsType0

        d = dict(src_dict)
        title = d.pop("title")

        budget_line_id = UUID(d.pop("budget_line_id"))

        pot_pence = d.pop("pot_pence")

        currency = cast(Literal["GBP"], d.pop("currency"))
        if currency != "GBP":
            raise ValueError(f"currency must match const 'GBP', got '{currency}'")

        basis = AllocationBasis(d.pop("basis"))

        def _parse_project_id(data: object) -> Unset | UUID | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                project_id_type_0 = UUID(data)

                return project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        def _parse_period_from(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_from_type_0 = datetime.date.fromisoformat(data)

                return period_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        period_from = _parse_period_from(d.pop("period_from", UNSET))

        def _parse_period_to(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_to_type_0 = datetime.date.fromisoformat(data)

                return period_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        period_to = _parse_period_to(d.pop("period_to", UNSET))

        def _parse_weights(data: object) -> AllocationCreateWeightsType0 | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                weights_type_0 = AllocationCreateWeightsType0.from_dict(data)

                return weights_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AllocationCreateWeightsType0 | None | Unset, data)

        weights = _parse_weights(d.pop("weights", UNSET))

        def _parse_recipients(data: object) -> list[AllocationCreateRecipientsType0Item] | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                recipients_type_0 = []
                _recipients_type_0 = data
                for recipients_type_0_item_data in _recipients_type_0:
                    recipients_type_0_item = AllocationCreateRecipientsType0Item(recipients_type_0_item_data)

                    recipients_type_0.append(recipients_type_0_item)

                return recipients_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AllocationCreateRecipientsType0Item] | None | Unset, data)

        recipients = _parse_recipients(d.pop("recipients", UNSET))

        def _parse_floor_pence(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        floor_pence = _parse_floor_pence(d.pop("floor_pence", UNSET))

        def _parse_cap_pence(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cap_pence = _parse_cap_pence(d.pop("cap_pence", UNSET))

        allocation_create = cls(
            title=title,
            budget_line_id=budget_line_id,
            pot_pence=pot_pence,
            currency=currency,
            basis=basis,
            project_id=project_id,
            period_from=period_from,
            period_to=period_to,
            weights=weights,
            recipients=recipients,
            floor_pence=floor_pence,
            cap_pence=cap_pence,
        )

        return allocation_create
