from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.organisation_kind import OrganisationKind

T = TypeVar("T", bound="OrganisationRead")


@_attrs_define
class OrganisationRead:
    """An organisation the unit funds.

    Attributes:
        id (UUID):
        org_id (str): org-id.guide identifier (used as the 360Giving recipient id).
        name (str):
        kind (OrganisationKind):
        district (None | str):
        csu (bool): Hosts the district's Community Safety Unit: receives formula allocations.
        illustrative (bool): Seeded with a made-up identifier.
        created_at (datetime.datetime):
    """

    id: UUID
    org_id: str
    name: str
    kind: OrganisationKind
    district: str | None
    csu: bool
    illustrative: bool
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        org_id = self.org_id

        name = self.name

        kind = self.kind.value

        district: str | None
        district = self.district

        csu = self.csu

        illustrative = self.illustrative

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "org_id": org_id,
                "name": name,
                "kind": kind,
                "district": district,
                "csu": csu,
                "illustrative": illustrative,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        org_id = d.pop("org_id")

        name = d.pop("name")

        kind = OrganisationKind(d.pop("kind"))

        def _parse_district(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        district = _parse_district(d.pop("district"))

        csu = d.pop("csu")

        illustrative = d.pop("illustrative")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        organisation_read = cls(
            id=id,
            org_id=org_id,
            name=name,
            kind=kind,
            district=district,
            csu=csu,
            illustrative=illustrative,
            created_at=created_at,
        )

        organisation_read.additional_properties = d
        return organisation_read

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
