from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.due_diligence_outcome import DueDiligenceOutcome
from ..models.register import Register

T = TypeVar("T", bound="DueDiligenceCheckRead")


@_attrs_define
class DueDiligenceCheckRead:
    """A recorded due-diligence check, with whether it is current (passing and within the validity period).

    Attributes:
        id (UUID):
        organisation_id (UUID):
        registry (Register): Where the organisation's legal existence and standing was checked.
        register_number (str):
        register_status (str):
        checked_on (datetime.date):
        outcome (DueDiligenceOutcome):
        notes (str):
        checked_by (str):
        checked_by_name (None | str):
        valid_until (datetime.date): The last day a passing check counts for approving a grant.
        created_at (datetime.datetime):
    """

    id: UUID
    organisation_id: UUID
    registry: Register
    register_number: str
    register_status: str
    checked_on: datetime.date
    outcome: DueDiligenceOutcome
    notes: str
    checked_by: str
    checked_by_name: str | None
    valid_until: datetime.date
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        organisation_id = str(self.organisation_id)

        registry = self.registry.value

        register_number = self.register_number

        register_status = self.register_status

        checked_on = self.checked_on.isoformat()

        outcome = self.outcome.value

        notes = self.notes

        checked_by = self.checked_by

        checked_by_name: str | None
        checked_by_name = self.checked_by_name

        valid_until = self.valid_until.isoformat()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "organisation_id": organisation_id,
                "registry": registry,
                "register_number": register_number,
                "register_status": register_status,
                "checked_on": checked_on,
                "outcome": outcome,
                "notes": notes,
                "checked_by": checked_by,
                "checked_by_name": checked_by_name,
                "valid_until": valid_until,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        organisation_id = UUID(d.pop("organisation_id"))

        registry = Register(d.pop("registry"))

        register_number = d.pop("register_number")

        register_status = d.pop("register_status")

        checked_on = datetime.date.fromisoformat(d.pop("checked_on"))

        outcome = DueDiligenceOutcome(d.pop("outcome"))

        notes = d.pop("notes")

        checked_by = d.pop("checked_by")

        def _parse_checked_by_name(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        checked_by_name = _parse_checked_by_name(d.pop("checked_by_name"))

        valid_until = datetime.date.fromisoformat(d.pop("valid_until"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        due_diligence_check_read = cls(
            id=id,
            organisation_id=organisation_id,
            registry=registry,
            register_number=register_number,
            register_status=register_status,
            checked_on=checked_on,
            outcome=outcome,
            notes=notes,
            checked_by=checked_by,
            checked_by_name=checked_by_name,
            valid_until=valid_until,
            created_at=created_at,
        )

        due_diligence_check_read.additional_properties = d
        return due_diligence_check_read

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
