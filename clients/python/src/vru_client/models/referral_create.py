from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.consent import Consent
from ..models.lawful_basis import LawfulBasis
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReferralCreate")


@_attrs_define
class ReferralCreate:
    """A new referral (a draft). Name exactly one destination: `forum`, `partner_agency` or `project` (a funded
    project serving the district, from `GET /v1/referrals/funded-projects`). The district is the review's unless
    given. The lawful basis and consent may be recorded now or later, but before sending.

        Attributes:
            subject_id (UUID):
            reason (str):
            review_id (None | Unset | UUID): The Serious Violence Review it comes from.
            district (None | str | Unset): District code; defaults to the review's district.
            forum (None | str | Unset): Forum code (`GET /v1/forums`).
            partner_agency (None | str | Unset): Partner agency code (`GET /v1/partner-agencies`).
            project (None | Unset | UUID): A funded project's id (`GET /v1/referrals/funded-projects?district=…`).
            lawful_basis (LawfulBasis | None | Unset):
            consent (Consent | None | Unset):
            sharing_note (None | str | Unset): Why sharing is justified (e.g. without consent).
    """

    subject_id: UUID
    reason: str
    review_id: Unset | UUID | None = UNSET
    district: str | Unset | None = UNSET
    forum: str | Unset | None = UNSET
    partner_agency: str | Unset | None = UNSET
    project: Unset | UUID | None = UNSET
    lawful_basis: LawfulBasis | Unset | None = UNSET
    consent: Consent | Unset | None = UNSET
    sharing_note: str | Unset | None = UNSET

    def to_dict(self) -> dict[str, Any]:
        subject_id = str(self.subject_id)

        reason = self.reason

        review_id: str | Unset | None
        if isinstance(self.review_id, Unset):
            review_id = UNSET
        elif isinstance(self.review_id, UUID):
            review_id = str(self.review_id)
        else:
            review_id = self.review_id

        district: str | Unset | None
        if isinstance(self.district, Unset):
            district = UNSET
        else:
            district = self.district

        forum: str | Unset | None
        if isinstance(self.forum, Unset):
            forum = UNSET
        else:
            forum = self.forum

        partner_agency: str | Unset | None
        if isinstance(self.partner_agency, Unset):
            partner_agency = UNSET
        else:
            partner_agency = self.partner_agency

        project: str | Unset | None
        if isinstance(self.project, Unset):
            project = UNSET
        elif isinstance(self.project, UUID):
            project = str(self.project)
        else:
            project = self.project

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "subject_id": subject_id,
                "reason": reason,
            }
        )
        if review_id is not UNSET:
            field_dict["review_id"] = review_id
        if district is not UNSET:
            field_dict["district"] = district
        if forum is not UNSET:
            field_dict["forum"] = forum
        if partner_agency is not UNSET:
            field_dict["partner_agency"] = partner_agency
        if project is not UNSET:
            field_dict["project"] = project
        if lawful_basis is not UNSET:
            field_dict["lawful_basis"] = lawful_basis
        if consent is not UNSET:
            field_dict["consent"] = consent
        if sharing_note is not UNSET:
            field_dict["sharing_note"] = sharing_note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subject_id = UUID(d.pop("subject_id"))

        reason = d.pop("reason")

        def _parse_review_id(data: object) -> Unset | UUID | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                review_id_type_0 = UUID(data)

                return review_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        review_id = _parse_review_id(d.pop("review_id", UNSET))

        def _parse_district(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        district = _parse_district(d.pop("district", UNSET))

        def _parse_forum(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        forum = _parse_forum(d.pop("forum", UNSET))

        def _parse_partner_agency(data: object) -> str | Unset | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        partner_agency = _parse_partner_agency(d.pop("partner_agency", UNSET))

        def _parse_project(data: object) -> Unset | UUID | None:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                project_type_0 = UUID(data)

                return project_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        project = _parse_project(d.pop("project", UNSET))

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

        referral_create = cls(
            subject_id=subject_id,
            reason=reason,
            review_id=review_id,
            district=district,
            forum=forum,
            partner_agency=partner_agency,
            project=project,
            lawful_basis=lawful_basis,
            consent=consent,
            sharing_note=sharing_note,
        )

        return referral_create
