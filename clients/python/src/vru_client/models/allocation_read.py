from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.allocation_basis import AllocationBasis
from ..models.allocation_status import AllocationStatus

if TYPE_CHECKING:
    from ..models.allocation_line_read import AllocationLineRead
    from ..models.allocation_read_inputs_type_0 import AllocationReadInputsType0


T = TypeVar("T", bound="AllocationRead")


@_attrs_define
class AllocationRead:
    """A formula allocation run: inputs, method, and each recipient's share. Figures are stored as computed;
    `reproducible` says a recomputation from the stored inputs gives them again.

        Attributes:
            id (UUID):
            title (str):
            status (AllocationStatus):
            basis (AllocationBasis):
            budget_line_id (UUID):
            project_id (None | UUID):
            pot_pence (int):
            currency (Literal['GBP']):
            period_from (datetime.date | None):
            period_to (datetime.date | None):
            floor_pence (int | None):
            cap_pence (int | None):
            basis_total (int): The sum of the basis values (of the recipients you can see).
            total_pence (int): The sum of the allocations shown: the pot, for a full view.
            method (str):
            tie_break (str):
            recipients (list[AllocationLineRead]):
            inputs (AllocationReadInputsType0 | None): The stored inputs snapshot (for knife incidents, the referrals
                service's answer as received). Not shown to CSP officers.
            reproducible (bool):
            created_by (str):
            created_at (datetime.datetime):
            committed_by (None | str):
            committed_at (datetime.datetime | None):
            version (int):
    """

    id: UUID
    title: str
    status: AllocationStatus
    basis: AllocationBasis
    budget_line_id: UUID
    project_id: UUID | None
    pot_pence: int
    currency: Literal["GBP"]
    period_from: datetime.date | None
    period_to: datetime.date | None
    floor_pence: int | None
    cap_pence: int | None
    basis_total: int
    total_pence: int
    method: str
    tie_break: str
    recipients: list[AllocationLineRead]
    inputs: AllocationReadInputsType0 | None
    reproducible: bool
    created_by: str
    created_at: datetime.datetime
    committed_by: str | None
    committed_at: datetime.datetime | None
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.allocation_read_inputs_type_0 import AllocationReadInputsType0

        id = str(self.id)

        title = self.title

        status = self.status.value

        basis = self.basis.value

        budget_line_id = str(self.budget_line_id)

        project_id: str | None
        if isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        pot_pence = self.pot_pence

        currency = self.currency

        period_from: str | None
        if isinstance(self.period_from, datetime.date):
            period_from = self.period_from.isoformat()
        else:
            period_from = self.period_from

        period_to: str | None
        if isinstance(self.period_to, datetime.date):
            period_to = self.period_to.isoformat()
        else:
            period_to = self.period_to

        floor_pence: int | None
        floor_pence = self.floor_pence

        cap_pence: int | None
        cap_pence = self.cap_pence

        basis_total = self.basis_total

        total_pence = self.total_pence

        method = self.method

        tie_break = self.tie_break

        recipients = []
        for recipients_item_data in self.recipients:
            recipients_item = recipients_item_data.to_dict()
            recipients.append(recipients_item)

        inputs: dict[str, Any] | None
        if isinstance(self.inputs, AllocationReadInputsType0):
            inputs = self.inputs.to_dict()
        else:
            inputs = self.inputs

        reproducible = self.reproducible

        created_by = self.created_by

        created_at = self.created_at.isoformat()

        committed_by: str | None
        committed_by = self.committed_by

        committed_at: str | None
        if isinstance(self.committed_at, datetime.datetime):
            committed_at = self.committed_at.isoformat()
        else:
            committed_at = self.committed_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "status": status,
                "basis": basis,
                "budget_line_id": budget_line_id,
                "project_id": project_id,
                "pot_pence": pot_pence,
                "currency": currency,
                "period_from": period_from,
                "period_to": period_to,
                "floor_pence": floor_pence,
                "cap_pence": cap_pence,
                "basis_total": basis_total,
                "total_pence": total_pence,
                "method": method,
                "tie_break": tie_break,
                "recipients": recipients,
                "inputs": inputs,
                "reproducible": reproducible,
                "created_by": created_by,
                "created_at": created_at,
                "committed_by": committed_by,
                "committed_at": committed_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.allocation_line_read import AllocationLineRead
        from ..models.allocation_read_inputs_type_0 import AllocationReadInputsType0

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        title = d.pop("title")

        status = AllocationStatus(d.pop("status"))

        basis = AllocationBasis(d.pop("basis"))

        budget_line_id = UUID(d.pop("budget_line_id"))

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

        pot_pence = d.pop("pot_pence")

        currency = cast(Literal["GBP"], d.pop("currency"))
        if currency != "GBP":
            raise ValueError(f"currency must match const 'GBP', got '{currency}'")

        def _parse_period_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_from_type_0 = datetime.date.fromisoformat(data)

                return period_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        period_from = _parse_period_from(d.pop("period_from"))

        def _parse_period_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_to_type_0 = datetime.date.fromisoformat(data)

                return period_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        period_to = _parse_period_to(d.pop("period_to"))

        def _parse_floor_pence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        floor_pence = _parse_floor_pence(d.pop("floor_pence"))

        def _parse_cap_pence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        cap_pence = _parse_cap_pence(d.pop("cap_pence"))

        basis_total = d.pop("basis_total")

        total_pence = d.pop("total_pence")

        method = d.pop("method")

        tie_break = d.pop("tie_break")

        recipients = []
        _recipients = d.pop("recipients")
        for recipients_item_data in _recipients:
            recipients_item = AllocationLineRead.from_dict(recipients_item_data)

            recipients.append(recipients_item)

        def _parse_inputs(data: object) -> AllocationReadInputsType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                inputs_type_0 = AllocationReadInputsType0.from_dict(data)

                return inputs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AllocationReadInputsType0 | None, data)

        inputs = _parse_inputs(d.pop("inputs"))

        reproducible = d.pop("reproducible")

        created_by = d.pop("created_by")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_committed_by(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        committed_by = _parse_committed_by(d.pop("committed_by"))

        def _parse_committed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                committed_at_type_0 = datetime.datetime.fromisoformat(data)

                return committed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        committed_at = _parse_committed_at(d.pop("committed_at"))

        version = d.pop("version")

        allocation_read = cls(
            id=id,
            title=title,
            status=status,
            basis=basis,
            budget_line_id=budget_line_id,
            project_id=project_id,
            pot_pence=pot_pence,
            currency=currency,
            period_from=period_from,
            period_to=period_to,
            floor_pence=floor_pence,
            cap_pence=cap_pence,
            basis_total=basis_total,
            total_pence=total_pence,
            method=method,
            tie_break=tie_break,
            recipients=recipients,
            inputs=inputs,
            reproducible=reproducible,
            created_by=created_by,
            created_at=created_at,
            committed_by=committed_by,
            committed_at=committed_at,
            version=version,
        )

        allocation_read.additional_properties = d
        return allocation_read

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
