from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.grant_update_districts_type_0_item import GrantUpdateDistrictsType0Item
from ..types import UNSET, Unset

T = TypeVar("T", bound="GrantUpdate")


@_attrs_define
class GrantUpdate:
    """Fields to change before a decision (draft, submitted, in review); omitted fields keep their value.

    Attributes:
        title (None | str | Unset):
        description (None | str | Unset):
        budget_line_id (None | Unset | UUID):
        project_id (None | Unset | UUID):
        districts (list[GrantUpdateDistrictsType0Item] | None | Unset):
        amount_applied_pence (int | None | Unset):
        amount_recommended_pence (int | None | Unset):
        planned_start_on (datetime.date | None | Unset):
        planned_end_on (datetime.date | None | Unset):
    """

    title: str | Unset | None = UNSET
    description: str | Unset | None = UNSET
    budget_line_id: Unset | UUID | None = UNSET
    project_id: Unset | UUID | None = UNSET
    districts: list[GrantUpdateDistrictsType0Item] | Unset | None = UNSET
    amount_applied_pence: int | Unset | None = UNSET
    amount_recommended_pence: int | Unset | None = UNSET
    planned_start_on: datetime.date | Unset | None = UNSET
    planned_end_on: datetime.date | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        title: str | Unset | None
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        description: str | Unset | None
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        budget_line_id: str | Unset | None
        if isinstance(self.budget_line_id, Unset):
            budget_line_id = UNSET
        elif isinstance(self.budget_line_id, UUID):
            budget_line_id = str(self.budget_line_id)
        else:
            budget_line_id = self.budget_line_id

        project_id: str | Unset | None
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        elif isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        districts: list[str] | Unset | None
        if isinstance(self.districts, Unset):
            districts = UNSET
        elif isinstance(self.districts, list):
            districts = []
            for districts_type_0_item_data in self.districts:
                districts_type_0_item = districts_type_0_item_data.value
                districts.append(districts_type_0_item)

        else:
            districts = self.districts

        amount_applied_pence: int | Unset | None
        if isinstance(self.amount_applied_pence, Unset):
            amount_applied_pence = UNSET
        else:
            amount_applied_pence = self.amount_applied_pence

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

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if budget_line_id is not UNSET:
            field_dict["budget_line_id"] = budget_line_id
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if districts is not UNSET:
            field_dict["districts"] = districts
        if amount_applied_pence is not UNSET:
            field_dict["amount_applied_pence"] = amount_applied_pence
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

        def _parse_title(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_description(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

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

        def _parse_districts(data: object) -> list[GrantUpdateDistrictsType0Item] | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                districts_type_0 = []
                _districts_type_0 = data
                for districts_type_0_item_data in _districts_type_0:
                    districts_type_0_item = GrantUpdateDistrictsType0Item(districts_type_0_item_data)

                    districts_type_0.append(districts_type_0_item)

                return districts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[GrantUpdateDistrictsType0Item] | None | Unset, data)

        districts = _parse_districts(d.pop("districts", UNSET))

        def _parse_amount_applied_pence(data: object) -> int | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount_applied_pence = _parse_amount_applied_pence(d.pop("amount_applied_pence", UNSET))

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

        grant_update = cls(
            title=title,
            description=description,
            budget_line_id=budget_line_id,
            project_id=project_id,
            districts=districts,
            amount_applied_pence=amount_applied_pence,
            amount_recommended_pence=amount_recommended_pence,
            planned_start_on=planned_start_on,
            planned_end_on=planned_end_on,
        )

        return grant_update
