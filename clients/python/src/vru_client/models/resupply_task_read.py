from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.resupply_status import ResupplyStatus

T = TypeVar("T", bound="ResupplyTaskRead")


@_attrs_define
class ResupplyTaskRead:
    """
    Attributes:
        id (UUID):
        status (ResupplyStatus):
        site_id (UUID):
        site_name (str):
        district (str):
        csp_id (UUID):
        use_report_id (UUID):
        opened_at (datetime.datetime):
        completed_at (datetime.datetime | None):
        completed_by (None | str):
        replacement_pack_id (None | UUID): The pack deployed to the site that completed it.
    """

    id: UUID
    status: ResupplyStatus
    site_id: UUID
    site_name: str
    district: str
    csp_id: UUID
    use_report_id: UUID
    opened_at: datetime.datetime
    completed_at: datetime.datetime | None
    completed_by: str | None
    replacement_pack_id: UUID | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status.value

        site_id = str(self.site_id)

        site_name = self.site_name

        district = self.district

        csp_id = str(self.csp_id)

        use_report_id = str(self.use_report_id)

        opened_at = self.opened_at.isoformat()

        completed_at: str | None
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        completed_by: str | None
        completed_by = self.completed_by

        replacement_pack_id: str | None
        if isinstance(self.replacement_pack_id, UUID):
            replacement_pack_id = str(self.replacement_pack_id)
        else:
            replacement_pack_id = self.replacement_pack_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "site_id": site_id,
                "site_name": site_name,
                "district": district,
                "csp_id": csp_id,
                "use_report_id": use_report_id,
                "opened_at": opened_at,
                "completed_at": completed_at,
                "completed_by": completed_by,
                "replacement_pack_id": replacement_pack_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = ResupplyStatus(d.pop("status"))

        site_id = UUID(d.pop("site_id"))

        site_name = d.pop("site_name")

        district = d.pop("district")

        csp_id = UUID(d.pop("csp_id"))

        use_report_id = UUID(d.pop("use_report_id"))

        opened_at = datetime.datetime.fromisoformat(d.pop("opened_at"))

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        def _parse_completed_by(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        completed_by = _parse_completed_by(d.pop("completed_by"))

        def _parse_replacement_pack_id(data: object) -> UUID | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                replacement_pack_id_type_0 = UUID(data)

                return replacement_pack_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        replacement_pack_id = _parse_replacement_pack_id(d.pop("replacement_pack_id"))

        resupply_task_read = cls(
            id=id,
            status=status,
            site_id=site_id,
            site_name=site_name,
            district=district,
            csp_id=csp_id,
            use_report_id=use_report_id,
            opened_at=opened_at,
            completed_at=completed_at,
            completed_by=completed_by,
            replacement_pack_id=replacement_pack_id,
        )

        resupply_task_read.additional_properties = d
        return resupply_task_read

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
