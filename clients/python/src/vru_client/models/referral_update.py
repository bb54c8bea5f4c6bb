from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.consent import Consent
from ..models.lawful_basis import LawfulBasis
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReferralUpdate")


@_attrs_define
class ReferralUpdate:
    """Change a referral. The referrer may change `reason`, `lawful_basis`, `consent` and `sharing_note` while
    it is a draft; the receiving agency may set `agency_reference`; either may add a progress `note`.

        Attributes:
            reason (None | str | Unset):
            lawful_basis (LawfulBasis | None | Unset):
            consent (Consent | None | Unset):
            sharing_note (None | str | Unset):
            agency_reference (None | str | Unset):
            note (None | str | Unset): A progress note, kept in the referral's history.
    """

    reason: str | Unset | None = UNSET
    lawful_basis: LawfulBasis | Unset | None = UNSET
    consent: Consent | Unset | None = UNSET
    sharing_note: str | Unset | None = UNSET
    agency_reference: str | Unset | None = UNSET
    note: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason: str | Unset | None
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        lawful_basis: str | Unset | None
        if isinstance(self.lawful_basis, Unset):
            lawful_basis = UNSET
        elif isinstance(self.lawful_basis, LawfulBasis):
            lawful_basis = self.lawful_basis.value
        else:
            lawful_basis = self.lawful_basis

        consent: str | Unset | None
        if isinstance(self.consent, Unset):
            consent = UNSET
        elif isinstance(self.consent, Consent):
            consent = self.consent.value
        else:
            consent = self.consent

        sharing_note: str | Unset | None
        if isinstance(self.sharing_note, Unset):
            sharing_note = UNSET
        else:
            sharing_note = self.sharing_note

        agency_reference: str | Unset | None
        if isinstance(self.agency_reference, Unset):
            agency_reference = UNSET
        else:
            agency_reference = self.agency_reference

        note: str | Unset | None
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if reason is not UNSET:
            field_dict["reason"] = reason
        if lawful_basis is not UNSET:
            field_dict["lawful_basis"] = lawful_basis
        if consent is not UNSET:
            field_dict["consent"] = consent
        if sharing_note is not UNSET:
            field_dict["sharing_note"] = sharing_note
        if agency_reference is not UNSET:
            field_dict["agency_reference"] = agency_reference
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_reason(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_lawful_basis(data: object) -> LawfulBasis | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lawful_basis_type_0 = LawfulBasis(data)

                return lawful_basis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LawfulBasis | None | Unset, data)

        lawful_basis = _parse_lawful_basis(d.pop("lawful_basis", UNSET))

        def _parse_consent(data: object) -> Consent | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consent_type_0 = Consent(data)

                return consent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Consent | None | Unset, data)

        consent = _parse_consent(d.pop("consent", UNSET))

        def _parse_sharing_note(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sharing_note = _parse_sharing_note(d.pop("sharing_note", UNSET))

        def _parse_agency_reference(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agency_reference = _parse_agency_reference(d.pop("agency_reference", UNSET))

        def _parse_note(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        referral_update = cls(
            reason=reason,
            lawful_basis=lawful_basis,
            consent=consent,
            sharing_note=sharing_note,
            agency_reference=agency_reference,
            note=note,
        )

        return referral_update
