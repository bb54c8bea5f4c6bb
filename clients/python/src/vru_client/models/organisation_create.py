from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.organisation_create_district_type_0 import OrganisationCreateDistrictType0
from ..models.organisation_kind import OrganisationKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrganisationCreate")


@_attrs_define
class OrganisationCreate:
    """
    Attributes:
        org_id (str): An org-id.guide identifier: list code and id, e.g. `GB-CHC-1234567` (charity), `GB-COH-09876543`
            (company), `GB-LAE-MDW` (local authority).
        name (str):
        kind (OrganisationKind):
        district (None | OrganisationCreateDistrictType0 | Unset): The district it is based in, if one.
    """

    org_id: str
    name: str
    kind: OrganisationKind
    district: OrganisationCreateDistrictType0 | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        org_id = self.org_id

        name = self.name

        kind = self.kind.value

        district: str | Unset | None
        if isinstance(self.district, Unset):
            district = UNSET
        elif isinstance(self.district, OrganisationCreateDistrictType0):
            district = self.district.value
        else:
            district = self.district

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "org_id": org_id,
                "name": name,
                "kind": kind,
            }
        )
        if district is not UNSET:
            field_dict["district"] = district

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        org_id = d.pop("org_id")

        name = d.pop("name")

        kind = OrganisationKind(d.pop("kind"))

        def _parse_district(data: object) -> OrganisationCreateDistrictType0 | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                district_type_0 = OrganisationCreateDistrictType0(data)

                return district_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrganisationCreateDistrictType0 | Unset, data)

        district = _parse_district(d.pop("district", UNSET))

        organisation_create = cls(
            org_id=org_id,
            name=name,
            kind=kind,
            district=district,
        )

        return organisation_create
