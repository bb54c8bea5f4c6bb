from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funding_count_status import FundingCountStatus

T = TypeVar("T", bound="FundingCountRead")


@_attrs_define
class FundingCountRead:
    """Whether the funding service has counted an accepted referral to a funded project into the grant's
    monitoring figures (people receiving a service). `pending` while it retries; `refused` when funding
    declined it (the reason is in `last_error`).

        Attributes:
            status (FundingCountStatus):
            attempts (int):
            last_error (None | str):
            grant_id (None | UUID): The funding grant whose figures count it, once delivered.
            period (None | str): The financial quarter it counts in, once delivered.
            delivered_at (datetime.datetime | None):
    """

    status: FundingCountStatus
    attempts: int
    last_error: str | None
    grant_id: UUID | None
    period: str | None
    delivered_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        attempts = self.attempts

        last_error: str | None
        last_error = self.last_error

        grant_id: str | None
        if isinstance(self.grant_id, UUID):
            grant_id = str(self.grant_id)
        else:
            grant_id = self.grant_id

        period: str | None
        period = self.period

        delivered_at: str | None
        if isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "attempts": attempts,
                "last_error": last_error,
                "grant_id": grant_id,
                "period": period,
                "delivered_at": delivered_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = FundingCountStatus(d.pop("status"))

        attempts = d.pop("attempts")

        def _parse_last_error(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        def _parse_grant_id(data: object) -> UUID | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                grant_id_type_0 = UUID(data)

                return grant_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        grant_id = _parse_grant_id(d.pop("grant_id"))

        def _parse_period(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        period = _parse_period(d.pop("period"))

        def _parse_delivered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)

                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at"))

        funding_count_read = cls(
            status=status,
            attempts=attempts,
            last_error=last_error,
            grant_id=grant_id,
            period=period,
            delivered_at=delivered_at,
        )

        funding_count_read.additional_properties = d
        return funding_count_read

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
