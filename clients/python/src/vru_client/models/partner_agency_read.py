from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PartnerAgencyRead")


@_attrs_define
class PartnerAgencyRead:
    """
    Attributes:
        id (UUID):
        code (str):
        name (str):
        kind (str):
        identity_agency_id (None | UUID): The identity service's agency whose people and systems act for this partner
            (if linked): tokens with role `partner_agency` and this `agency` see the referrals sent to this partner.
        version (int): The ETag is `"v<version>"`.
    """

    id: UUID
    code: str
    name: str
    kind: str
    identity_agency_id: UUID | None
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        code = self.code

        name = self.name

        kind = self.kind

        identity_agency_id: str | None
        if isinstance(self.identity_agency_id, UUID):
            identity_agency_id = str(self.identity_agency_id)
        else:
            identity_agency_id = self.identity_agency_id

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
                "name": name,
                "kind": kind,
                "identity_agency_id": identity_agency_id,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        code = d.pop("code")

        name = d.pop("name")

        kind = d.pop("kind")

        def _parse_identity_agency_id(data: object) -> UUID | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                identity_agency_id_type_0 = UUID(data)

                return identity_agency_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        identity_agency_id = _parse_identity_agency_id(d.pop("identity_agency_id"))

        version = d.pop("version")

        partner_agency_read = cls(
            id=id,
            code=code,
            name=name,
            kind=kind,
            identity_agency_id=identity_agency_id,
            version=version,
        )

        partner_agency_read.additional_properties = d
        return partner_agency_read

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
