from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.incident_report import IncidentReport


T = TypeVar("T", bound="IncidentBatch")


@_attrs_define
class IncidentBatch:
    """Up to 10,000 crime reports. Each report is validated on its own: invalid ones are listed in the
    response's `rejected_rows` while the others are imported.

        Attributes:
            reports (list[IncidentReport]):
    """

    reports: list[IncidentReport]

    def to_dict(self) -> dict[str, Any]:
        reports = []
        for reports_item_data in self.reports:
            reports_item = reports_item_data.to_dict()
            reports.append(reports_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reports": reports,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.incident_report import IncidentReport

        d = dict(src_dict)
        reports = []
        _reports = d.pop("reports")
        for reports_item_data in _reports:
            reports_item = IncidentReport.from_dict(reports_item_data)

            reports.append(reports_item)

        incident_batch = cls(
            reports=reports,
        )

        return incident_batch
