from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="PartnerAgencyLink")


@_attrs_define
class PartnerAgencyLink:
    """Link a partner agency to the identity service's agency (or unlink it with null).

    Attributes:
        identity_agency_id (None | UUID): An agency id from the identity service (`GET /v1/agencies`).
    """

    identity_agency_id: UUID | None

    def to_dict(self) -> dict[str, Any]:
        identity_agency_id: str | None
        if isinstance(self.identity_agency_id, UUID):
            identity_agency_id = str(self.identity_agency_id)
        else:
            identity_agency_id = self.identity_agency_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "identity_agency_id": identity_agency_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        partner_agency_link = cls(
            identity_agency_id=identity_agency_id,
        )

        return partner_agency_link
