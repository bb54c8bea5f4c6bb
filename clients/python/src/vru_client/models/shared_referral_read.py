from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.consent import Consent
from ..models.lawful_basis import LawfulBasis
from ..models.referral_status import ReferralStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.destination import Destination
    from ..models.referral_event_read import ReferralEventRead
    from ..models.shared_subject import SharedSubject


T = TypeVar("T", bound="SharedReferralRead")


@_attrs_define
class SharedReferralRead:
    """A shared referral with its history.

    Attributes:
        id (UUID):
        status (ReferralStatus):
        district (str): District code the referral concerns.
        destination (Destination): Where the young person is referred: a forum, a partner agency's service, or a funded
            project.
        reason (str): Why the young person is referred.
        lawful_basis (LawfulBasis | None): The lawful basis for sharing; required before sending.
        consent (Consent | None):
        sharing_note (None | str):
        agency_reference (None | str): The receiving agency's own case reference.
        status_reason (None | str): Why it was rejected or withdrawn.
        outcome (None | str): The outcome, once completed.
        referred_by (None | str): Name of who made the referral.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        sent_at (datetime.datetime | None):
        closed_at (datetime.datetime | None):
        version (int): Bumped on every change; the ETag is `"v<version>"`.
        subject (SharedSubject): What the receiving agency needs to identify the young person: no police ids, no
            incident history.
        events (list[ReferralEventRead]):
        view (Literal['shared'] | Unset):  Default: 'shared'.
    """

    id: UUID
    status: ReferralStatus
    district: str
    destination: Destination
    reason: str
    lawful_basis: LawfulBasis | None
    consent: Consent | None
    sharing_note: str | None
    agency_reference: str | None
    status_reason: str | None
    outcome: str | None
    referred_by: str | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    sent_at: datetime.datetime | None
    closed_at: datetime.datetime | None
    version: int
    subject: SharedSubject
    events: list[ReferralEventRead]
    view: Literal["shared"] | Unset = "shared"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status.value

        district = self.district

        destination = self.destination.to_dict()

        reason = self.reason

        lawful_basis: str | None
        if isinstance(self.lawful_basis, LawfulBasis):
            lawful_basis = self.lawful_basis.value
        else:
            lawful_basis = self.lawful_basis

        consent: str | None
        if isinstance(self.consent, Consent):
            consent = self.consent.value
        else:
            consent = self.consent

        sharing_note: str | None
        sharing_note = self.sharing_note

        agency_reference: str | None
        agency_reference = self.agency_reference

        status_reason: str | None
        status_reason = self.status_reason

        outcome: str | None
        outcome = self.outcome

        referred_by: str | None
        referred_by = self.referred_by

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        sent_at: str | None
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        closed_at: str | None
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        version = self.version

        subject = self.subject.to_dict()

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        view = self.view

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "district": district,
                "destination": destination,
                "reason": reason,
                "lawful_basis": lawful_basis,
                "consent": consent,
                "sharing_note": sharing_note,
                "agency_reference": agency_reference,
                "status_reason": status_reason,
                "outcome": outcome,
                "referred_by": referred_by,
                "created_at": created_at,
                "updated_at": updated_at,
                "sent_at": sent_at,
                "closed_at": closed_at,
                "version": version,
                "subject": subject,
                "events": events,
            }
        )
        if view is not UNSET:
            field_dict["view"] = view

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.destination import Destination
        from ..models.referral_event_read import ReferralEventRead
        from ..models.shared_subject import SharedSubject

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = ReferralStatus(d.pop("status"))

        district = d.pop("district")

        destination = Destination.from_dict(d.pop("destination"))

        reason = d.pop("reason")

        def _parse_lawful_basis(data: object) -> LawfulBasis | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lawful_basis_type_0 = LawfulBasis(data)

                return lawful_basis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LawfulBasis | None, data)

        lawful_basis = _parse_lawful_basis(d.pop("lawful_basis"))

        def _parse_consent(data: object) -> Consent | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consent_type_0 = Consent(data)

                return consent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Consent | None, data)

        consent = _parse_consent(d.pop("consent"))

        def _parse_sharing_note(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        sharing_note = _parse_sharing_note(d.pop("sharing_note"))

        def _parse_agency_reference(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        agency_reference = _parse_agency_reference(d.pop("agency_reference"))

        def _parse_status_reason(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        status_reason = _parse_status_reason(d.pop("status_reason"))

        def _parse_outcome(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))

        def _parse_referred_by(data: object) -> str | None:
            if data is None:
                return data
            return cast(None | str, data)

        referred_by = _parse_referred_by(d.pop("referred_by"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        version = d.pop("version")

        subject = SharedSubject.from_dict(d.pop("subject"))

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = ReferralEventRead.from_dict(events_item_data)

            events.append(events_item)

        view = cast(Literal["shared"] | Unset, d.pop("view", UNSET))
        if view != "shared" and not isinstance(view, Unset):
            raise ValueError(f"view must match const 'shared', got '{view}'")

        shared_referral_read = cls(
            id=id,
            status=status,
            district=district,
            destination=destination,
            reason=reason,
            lawful_basis=lawful_basis,
            consent=consent,
            sharing_note=sharing_note,
            agency_reference=agency_reference,
            status_reason=status_reason,
            outcome=outcome,
            referred_by=referred_by,
            created_at=created_at,
            updated_at=updated_at,
            sent_at=sent_at,
            closed_at=closed_at,
            version=version,
            subject=subject,
            events=events,
            view=view,
        )

        shared_referral_read.additional_properties = d
        return shared_referral_read

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
