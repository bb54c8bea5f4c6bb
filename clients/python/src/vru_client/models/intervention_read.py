from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.intervention_kind import InterventionKind
from ..models.intervention_status import InterventionStatus

T = TypeVar("T", bound="InterventionRead")


@_attrs_define
class InterventionRead:
    """
    Attributes:
        id (UUID):
        kind (InterventionKind):
        provider_agency (None | str): Partner agency code of the provider, when it is one.
        provider (str): Who provides it.
        description (None | str):
        starts_on (datetime.date):
        ends_on (datetime.date | None):
        status (InterventionStatus):
        outcome (None | str):
        updated_at (datetime.datetime):
        version (int): The ETag is `"v<version>"`.
    """

    id: UUID
    kind: InterventionKind
    provider_agency: str | None
    provider: str
    description: str | None
    starts_on: datetime.date
    ends_on: datetime.date | None
    status: InterventionStatus
    outcome: str | None
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind.value

        provider_agency: str | None
        provider_agency = self.provider_agency

        provider = self.provider

        description: str | None
        description = self.description

        starts_on = self.starts_on.isoformat()

        ends_on: str | None
        if isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        status = self.status.value

        outcome: str | None
        outcome = self.outcome

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "provider_agency": provider_agency,
                "provider": provider,
                "description": description,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "status": status,
                "outcome": outcome,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = InterventionKind(d.pop("kind"))

        def _parse_provider_agency(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        provider_agency = _parse_provider_agency(d.pop("provider_agency"))

        provider = d.pop("provider")

        def _parse_description(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        def _parse_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ends_on = _parse_ends_on(d.pop("ends_on"))

        status = InterventionStatus(d.pop("status"))

        def _parse_outcome(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        intervention_read = cls(
            id=id,
            kind=kind,
            provider_agency=provider_agency,
            provider=provider,
            description=description,
            starts_on=starts_on,
            ends_on=ends_on,
            status=status,
            outcome=outcome,
            updated_at=updated_at,
            version=version,
        )

        intervention_read.additional_properties = d
        return intervention_read

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
