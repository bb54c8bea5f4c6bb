from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grant_status import GrantStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.grant_event_read import GrantEventRead


T = TypeVar("T", bound="GrantDetail")


@_attrs_define
class GrantDetail:
    """A grant with its history.

    Attributes:
        id (UUID):
        title (str):
        description (str):
        status (GrantStatus):
        recipient_organisation_id (UUID):
        recipient_org_id (str):
        recipient_name (str):
        project_id (None | UUID):
        budget_line_id (None | UUID):
        allocation_id (None | UUID): The formula allocation that created it, if any.
        districts (list[str]):
        currency (Literal['GBP']):
        amount_applied_pence (int):
        amount_recommended_pence (int | None):
        amount_awarded_pence (int | None):
        paid_pence (int):
        scheduled_pence (int):
        remaining_pence (int | None):
        planned_start_on (datetime.date | None):
        planned_end_on (datetime.date | None):
        award_date (datetime.date | None):
        regrant (bool): A grant to a Community Safety Unit for onward delivery (360Giving regrant).
        status_reason (None | str):
        created_by (str):
        submitted_by (None | str):
        submitted_at (datetime.datetime | None):
        decided_by (None | str):
        decided_at (datetime.datetime | None):
        illustrative (bool): Seeded from the newsletter with a made-up amount.
        version (int): Bumped on every change; the ETag is `"v<version>"`.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        history (list[GrantEventRead]):
        people_referred (int | Unset): Young people referred to the funded project through the referrals service and
            accepted by it (people receiving a service), counted once each. Default: 0.
    """

    id: UUID
    title: str
    description: str
    status: GrantStatus
    recipient_organisation_id: UUID
    recipient_org_id: str
    recipient_name: str
    project_id: UUID | None
    budget_line_id: UUID | None
    allocation_id: UUID | None
    districts: list[str]
    currency: Literal["GBP"]
    amount_applied_pence: int
    amount_recommended_pence: int | None
    amount_awarded_pence: int | None
    paid_pence: int
    scheduled_pence: int
    remaining_pence: int | None
    planned_start_on: datetime.date | None
    planned_end_on: datetime.date | None
    award_date: datetime.date | None
    regrant: bool
    status_reason: str | None
    created_by: str
    submitted_by: str | None
    submitted_at: datetime.datetime | None
    decided_by: str | None
    decided_at: datetime.datetime | None
    illustrative: bool
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    history: list[GrantEventRead]
    people_referred: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        title = self.title

        description = self.description

        status = self.status.value

        recipient_organisation_id = str(self.recipient_organisation_id)

        recipient_org_id = self.recipient_org_id

        recipient_name = self.recipient_name

        project_id: str | None
        if isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        budget_line_id: str | None
        if isinstance(self.budget_line_id, UUID):
            budget_line_id = str(self.budget_line_id)
        else:
            budget_line_id = self.budget_line_id

        allocation_id: str | None
        if isinstance(self.allocation_id, UUID):
            allocation_id = str(self.allocation_id)
        else:
            allocation_id = self.allocation_id

        districts = self.districts

        currency = self.currency

        amount_applied_pence = self.amount_applied_pence

        amount_recommended_pence: int | None
        amount_recommended_pence = self.amount_recommended_pence

        amount_awarded_pence: int | None
        amount_awarded_pence = self.amount_awarded_pence

        paid_pence = self.paid_pence

        scheduled_pence = self.scheduled_pence

        remaining_pence: int | None
        remaining_pence = self.remaining_pence

        planned_start_on: str | None
        if isinstance(self.planned_start_on, datetime.date):
            planned_start_on = self.planned_start_on.isoformat()
        else:
            planned_start_on = self.planned_start_on

        planned_end_on: str | None
        if isinstance(self.planned_end_on, datetime.date):
            planned_end_on = self.planned_end_on.isoformat()
        else:
            planned_end_on = self.planned_end_on

        award_date: str | None
        if isinstance(self.award_date, datetime.date):
            award_date = self.award_date.isoformat()
        else:
            award_date = self.award_date

        regrant = self.regrant

        status_reason: str | None
        status_reason = self.status_reason

        created_by = self.created_by

        submitted_by: str | None
        submitted_by = self.submitted_by

        submitted_at: str | None
        if isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        decided_by: str | None
        decided_by = self.decided_by

        decided_at: str | None
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        illustrative = self.illustrative

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        people_referred = self.people_referred

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "description": description,
                "status": status,
                "recipient_organisation_id": recipient_organisation_id,
                "recipient_org_id": recipient_org_id,
                "recipient_name": recipient_name,
                "project_id": project_id,
                "budget_line_id": budget_line_id,
                "allocation_id": allocation_id,
                "districts": districts,
                "currency": currency,
                "amount_applied_pence": amount_applied_pence,
                "amount_recommended_pence": amount_recommended_pence,
                "amount_awarded_pence": amount_awarded_pence,
                "paid_pence": paid_pence,
                "scheduled_pence": scheduled_pence,
                "remaining_pence": remaining_pence,
                "planned_start_on": planned_start_on,
                "planned_end_on": planned_end_on,
                "award_date": award_date,
                "regrant": regrant,
                "status_reason": status_reason,
                "created_by": created_by,
                "submitted_by": submitted_by,
                "submitted_at": submitted_at,
                "decided_by": decided_by,
                "decided_at": decided_at,
                "illustrative": illustrative,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "history": history,
            }
        )
        if people_referred is not UNSET:
            field_dict["people_referred"] = people_referred

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grant_event_read import GrantEventRead

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        title = d.pop("title")

        description = d.pop("description")

        status = GrantStatus(d.pop("status"))

        recipient_organisation_id = UUID(d.pop("recipient_organisation_id"))

        recipient_org_id = d.pop("recipient_org_id")

        recipient_name = d.pop("recipient_name")

        def _parse_project_id(data: object) -> UUID | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                project_id_type_0 = UUID(data)

                return project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        project_id = _parse_project_id(d.pop("project_id"))

        def _parse_budget_line_id(data: object) -> UUID | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                budget_line_id_type_0 = UUID(data)

                return budget_line_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        budget_line_id = _parse_budget_line_id(d.pop("budget_line_id"))

        def _parse_allocation_id(data: object) -> UUID | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                allocation_id_type_0 = UUID(data)

                return allocation_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        allocation_id = _parse_allocation_id(d.pop("allocation_id"))

        districts = cast(list[str], d.pop("districts"))

        currency = cast(Literal["GBP"], d.pop("currency"))
        if currency != "GBP":
            raise ValueError(f"currency must match const 'GBP', got '{currency}'")

        amount_applied_pence = d.pop("amount_applied_pence")

        def _parse_amount_recommended_pence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        amount_recommended_pence = _parse_amount_recommended_pence(d.pop("amount_recommended_pence"))

        def _parse_amount_awarded_pence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        amount_awarded_pence = _parse_amount_awarded_pence(d.pop("amount_awarded_pence"))

        paid_pence = d.pop("paid_pence")

        scheduled_pence = d.pop("scheduled_pence")

        def _parse_remaining_pence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        remaining_pence = _parse_remaining_pence(d.pop("remaining_pence"))

        def _parse_planned_start_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_start_on_type_0 = datetime.date.fromisoformat(data)

                return planned_start_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        planned_start_on = _parse_planned_start_on(d.pop("planned_start_on"))

        def _parse_planned_end_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_end_on_type_0 = datetime.date.fromisoformat(data)

                return planned_end_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        planned_end_on = _parse_planned_end_on(d.pop("planned_end_on"))

        def _parse_award_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                award_date_type_0 = datetime.date.fromisoformat(data)

                return award_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        award_date = _parse_award_date(d.pop("award_date"))

        regrant = d.pop("regrant")

        def _parse_status_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        status_reason = _parse_status_reason(d.pop("status_reason"))

        created_by = d.pop("created_by")

        def _parse_submitted_by(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        submitted_by = _parse_submitted_by(d.pop("submitted_by"))

        def _parse_submitted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at"))

        def _parse_decided_by(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        illustrative = d.pop("illustrative")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = GrantEventRead.from_dict(history_item_data)

            history.append(history_item)

        people_referred = d.pop("people_referred", UNSET)

        grant_detail = cls(
            id=id,
            title=title,
            description=description,
            status=status,
            recipient_organisation_id=recipient_organisation_id,
            recipient_org_id=recipient_org_id,
            recipient_name=recipient_name,
            project_id=project_id,
            budget_line_id=budget_line_id,
            allocation_id=allocation_id,
            districts=districts,
            currency=currency,
            amount_applied_pence=amount_applied_pence,
            amount_recommended_pence=amount_recommended_pence,
            amount_awarded_pence=amount_awarded_pence,
            paid_pence=paid_pence,
            scheduled_pence=scheduled_pence,
            remaining_pence=remaining_pence,
            planned_start_on=planned_start_on,
            planned_end_on=planned_end_on,
            award_date=award_date,
            regrant=regrant,
            status_reason=status_reason,
            created_by=created_by,
            submitted_by=submitted_by,
            submitted_at=submitted_at,
            decided_by=decided_by,
            decided_at=decided_at,
            illustrative=illustrative,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            history=history,
            people_referred=people_referred,
        )

        grant_detail.additional_properties = d
        return grant_detail

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
