from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.site_ref import SiteRef


T = TypeVar("T", bound="DueCheck")


@_attrs_define
class DueCheck:
    """A pack at a site whose next guardian check is due (or overdue).

    Attributes:
        pack_id (UUID):
        serial (str):
        site (SiteRef):
        last_checked_at (datetime.datetime | None): `null`: never checked since it arrived.
        due_at (datetime.datetime):
        overdue (bool):
        guardians (list[str]): Person ids (token `sub`) of the site's guardians.
    """

    pack_id: UUID
    serial: str
    site: SiteRef
    last_checked_at: datetime.datetime | None
    due_at: datetime.datetime
    overdue: bool
    guardians: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pack_id = str(self.pack_id)

        serial = self.serial

        site = self.site.to_dict()

        last_checked_at: str | None
        if isinstance(self.last_checked_at, datetime.datetime):
            last_checked_at = self.last_checked_at.isoformat()
        else:
            last_checked_at = self.last_checked_at

        due_at = self.due_at.isoformat()

        overdue = self.overdue

        guardians = self.guardians

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pack_id": pack_id,
                "serial": serial,
                "site": site,
                "last_checked_at": last_checked_at,
                "due_at": due_at,
                "overdue": overdue,
                "guardians": guardians,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.site_ref import SiteRef

        d = dict(src_dict)
        pack_id = UUID(d.pop("pack_id"))

        serial = d.pop("serial")

        site = SiteRef.from_dict(d.pop("site"))

        def _parse_last_checked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_checked_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_checked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_checked_at = _parse_last_checked_at(d.pop("last_checked_at"))

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        overdue = d.pop("overdue")

        guardians = cast(list[str], d.pop("guardians"))

        due_check = cls(
            pack_id=pack_id,
            serial=serial,
            site=site,
            last_checked_at=last_checked_at,
            due_at=due_at,
            overdue=overdue,
            guardians=guardians,
        )

        due_check.additional_properties = d
        return due_check

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
