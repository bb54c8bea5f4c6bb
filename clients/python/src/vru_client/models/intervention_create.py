from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.intervention_kind import InterventionKind
from ..models.intervention_status import InterventionStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="InterventionCreate")


@_attrs_define
class InterventionCreate:
    """An intervention agreed for the young person. `provider` defaults to the provider agency's name.

    Attributes:
        kind (InterventionKind):
        starts_on (datetime.date): From 2000-01-01 to 10 years from today.
        provider_agency (None | str | Unset):
        provider (None | str | Unset):
        description (None | str | Unset):
        ends_on (datetime.date | None | Unset):
        status (InterventionStatus | Unset):
        outcome (None | str | Unset):
    """

    kind: InterventionKind
    starts_on: datetime.date
    provider_agency: str | Unset | None = UNSET
    provider: str | Unset | None = UNSET
    description: str | Unset | None = UNSET
    ends_on: datetime.date | Unset | None = UNSET
    status: InterventionStatus | Unset = UNSET
    outcome: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        starts_on = self.starts_on.isoformat()

        provider_agency: str | Unset | None
        if isinstance(self.provider_agency, Unset):
            provider_agency = UNSET
        else:
            provider_agency = self.provider_agency

        provider: str | Unset | None
        if isinstance(self.provider, Unset):
            provider = UNSET
        else:
            provider = self.provider

        description: str | Unset | None
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        ends_on: str | Unset | None
        if isinstance(self.ends_on, Unset):
            ends_on = UNSET
        elif isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        outcome: str | Unset | None
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "starts_on": starts_on,
            }
        )
        if provider_agency is not UNSET:
            field_dict["provider_agency"] = provider_agency
        if provider is not UNSET:
            field_dict["provider"] = provider
        if description is not UNSET:
            field_dict["description"] = description
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on
        if status is not UNSET:
            field_dict["status"] = status
        if outcome is not UNSET:
            field_dict["outcome"] = outcome

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = InterventionKind(d.pop("kind"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        def _parse_provider_agency(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_agency = _parse_provider_agency(d.pop("provider_agency", UNSET))

        def _parse_provider(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider = _parse_provider(d.pop("provider", UNSET))

        def _parse_description(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_ends_on(data: object) -> datetime.date | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ends_on = _parse_ends_on(d.pop("ends_on", UNSET))

        _status = d.pop("status", UNSET)
        status: InterventionStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = InterventionStatus(_status)

        def _parse_outcome(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        intervention_create = cls(
            kind=kind,
            starts_on=starts_on,
            provider_agency=provider_agency,
            provider=provider,
            description=description,
            ends_on=ends_on,
            status=status,
            outcome=outcome,
        )

        return intervention_create
