from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TotalsGroup")


@_attrs_define
class TotalsGroup:
    """One group's figures. A dimension not grouped by is null; `area` is null for grants without a project.

    Attributes:
        financial_year (None | str):
        area (None | str):
        stream (None | str):
        projects (int): Distinct projects with an award.
        grants (int): Awarded grants (approved, active, completed, closed).
        awarded_pence (int):
        paid_pence (int): Disbursements paid.
        spent_pence (int | None): Spend recorded directly on budget lines (e.g. packs); null when grouped by area.
        people_served (int): People receiving a service, from submitted monitoring returns.
        sessions_delivered (int):
    """

    financial_year: str | None
    area: str | None
    stream: str | None
    projects: int
    grants: int
    awarded_pence: int
    paid_pence: int
    spent_pence: int | None
    people_served: int
    sessions_delivered: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        financial_year: str | None
        financial_year = self.financial_year

        area: str | None
        area = self.area

        stream: str | None
        stream = self.stream

        projects = self.projects

        grants = self.grants

        awarded_pence = self.awarded_pence

        paid_pence = self.paid_pence

        spent_pence: int | None
        spent_pence = self.spent_pence

        people_served = self.people_served

        sessions_delivered = self.sessions_delivered

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "financial_year": financial_year,
                "area": area,
                "stream": stream,
                "projects": projects,
                "grants": grants,
                "awarded_pence": awarded_pence,
                "paid_pence": paid_pence,
                "spent_pence": spent_pence,
                "people_served": people_served,
                "sessions_delivered": sessions_delivered,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_financial_year(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        financial_year = _parse_financial_year(d.pop("financial_year"))

        def _parse_area(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        area = _parse_area(d.pop("area"))

        def _parse_stream(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        stream = _parse_stream(d.pop("stream"))

        projects = d.pop("projects")

        grants = d.pop("grants")

        awarded_pence = d.pop("awarded_pence")

        paid_pence = d.pop("paid_pence")

        def _parse_spent_pence(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        spent_pence = _parse_spent_pence(d.pop("spent_pence"))

        people_served = d.pop("people_served")

        sessions_delivered = d.pop("sessions_delivered")

        totals_group = cls(
            financial_year=financial_year,
            area=area,
            stream=stream,
            projects=projects,
            grants=grants,
            awarded_pence=awarded_pence,
            paid_pence=paid_pence,
            spent_pence=spent_pence,
            people_served=people_served,
            sessions_delivered=sessions_delivered,
        )

        totals_group.additional_properties = d
        return totals_group

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
