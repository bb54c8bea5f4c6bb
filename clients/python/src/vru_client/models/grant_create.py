from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.grant_create_districts_item import GrantCreateDistrictsItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="GrantCreate")


@_attrs_define
class GrantCreate:
    """A grant application (status `draft`).

    Attributes:
        title (str):
        description (str):
        recipient_organisation_id (UUID):
        amount_applied_pence (int): Integer pence (a JSON integer).
        currency (Literal['GBP']):
        project_id (None | Unset | UUID):
        budget_line_id (None | Unset | UUID): Needed before the grant can be approved.
        districts (list[GrantCreateDistrictsItem] | Unset): Districts served; empty: the project's.
        amount_recommended_pence (int | None | Unset):
        planned_start_on (datetime.date | None | Unset):
        planned_end_on (datetime.date | None | Unset):
    """

    title: str
    description: str
    recipient_organisation_id: UUID
    amount_applied_pence: int
    currency: Literal["GBP"]
    project_id: Unset | UUID | None = UNSET
    budget_line_id: Unset | UUID | None = UNSET
    districts: list[GrantCreateDistrictsItem] | Unset = UNSET
    amount_recommended_pence: int | Unset | None = UNSET
    planned_start_on: datetime.date | Unset | None = UNSET
    planned_end_on: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        description = self.description

        recipient_organisation_id = str(self.recipient_organisation_id)

        amount_applied_pence = self.amount_applied_pence

        currency = self.currency

        project_id: str | Unset | None
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        elif isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        budget_line_id: str | Unset | None
        if isinstance(self.budget_line_id, Unset):
            budget_line_id = UNSET
        elif isinstance(self.budget_line_id, UUID):
            budget_line_id = str(self.budget_line_id)
        else:
            budget_line_id = self.budget_line_id

        districts: list[str] | Unset = UNSET
        if not isinstance(self.districts, Unset):
            districts = []
            for districts_item_data in self.districts:
                districts_item = districts_item_data.value
                districts.append(districts_item)

        amount_recommended_pence: int | Unset | None
        if isinstance(self.amount_recommended_pence, Unset):
            amount_recommended_pence = UNSET
        else:
            amount_recommended_pence = self.amount_recommended_pence

        planned_start_on: str | Unset | None
        if isinstance(self.planned_start_on, Unset):
            planned_start_on = UNSET
        elif isinstance(self.planned_start_on, datetime.date):
            planned_start_on = self.planned_start_on.isoformat()
        else:
            planned_start_on = self.planned_start_on

        planned_end_on: str | Unset | None
        if isinstance(self.planned_end_on, Unset):
            planned_end_on = UNSET
        elif isinstance(self.planned_end_on, datetime.date):
            planned_end_on = self.planned_end_on.isoformat()
        else:
            planned_end_on = self.planned_end_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "description": description,
                "recipient_organisation_id": recipient_organisation_id,
                "amount_applied_pence": amount_applied_pence,
                "currency": currency,
            }
        )
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if budget_line_id is not UNSET:
            field_dict["budget_line_id"] = budget_line_id
        if districts is not UNSET:
            field_dict["districts"] = districts
        if amount_recommended_pence is not UNSET:
            field_dict["amount_recommended_pence"] = amount_recommended_pence
        if planned_start_on is not UNSET:
            field_dict["planned_start_on"] = planned_start_on
        if planned_end_on is not UNSET:
            field_dict["planned_end_on"] = planned_end_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        description = d.pop("description")

        recipient_organisation_id = UUID(d.pop("recipient_organisation_id"))

        amount_applied_pence = d.pop("amount_applied_pence")

        currency = cast(Literal["GBP"], d.pop("currency"))
        if currency != "GBP":
            raise ValueError(f"currency must match const 'GBP', got '{currency}'")

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

        def _parse_budget_line_id(data: object) -> Unset | UUID | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                budget_line_id_type_0 = UUID(data)

                return budget_line_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        budget_line_id = _parse_budget_line_id(d.pop("budget_line_id", UNSET))

        _districts = d.pop("districts", UNSET)
        districts: list[GrantCreateDistrictsItem] | Unset = UNSET
        if _districts is not UNSET:
            districts = []
            for districts_item_data in _districts:
                districts_item = GrantCreateDistrictsItem(districts_item_data)

                districts.append(districts_item)

        def _parse_amount_recommended_pence(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount_recommended_pence = _parse_amount_recommended_pence(d.pop("amount_recommended_pence", UNSET))

        def _parse_planned_start_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_start_on_type_0 = datetime.date.fromisoformat(data)

                return planned_start_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        planned_start_on = _parse_planned_start_on(d.pop("planned_start_on", UNSET))

        def _parse_planned_end_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_end_on_type_0 = datetime.date.fromisoformat(data)

                return planned_end_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        planned_end_on = _parse_planned_end_on(d.pop("planned_end_on", UNSET))

        grant_create = cls(
            title=title,
            description=description,
            recipient_organisation_id=recipient_organisation_id,
            amount_applied_pence=amount_applied_pence,
            currency=currency,
            project_id=project_id,
            budget_line_id=budget_line_id,
            districts=districts,
            amount_recommended_pence=amount_recommended_pence,
            planned_start_on=planned_start_on,
            planned_end_on=planned_end_on,
        )

        return grant_create
