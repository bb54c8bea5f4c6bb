from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal, Self
from uuid import UUID

from pydantic import AliasPath, BaseModel, ConfigDict, Field, JsonValue, StringConstraints, model_validator

from referrals.fields import Code, Text
from referrals.referral.models import Consent, FundingCountStatus, LawfulBasis, ReferralEventKind, ReferralStatus
from vru_shared.exports import Column, Kind
from vru_shared.pagination import Page


class Destination(BaseModel):
    """Where the young person is referred: a forum, a partner agency's service, or a funded project."""

    kind: Literal["forum", "partner_agency", "project"]
    code: str = Field(examples=["mam-medway-swale"])
    name: str = Field(examples=["VRU multi-agency meeting, Medway & Swale"])
    project_id: UUID | None = Field(
        default=None, description="For a funded project: the funding service's project id (`GET /v1/projects/{id}`)."
    )


class FundedProjectRead(BaseModel):
    """A project serving the district that a grant funds today, from the funding service: a referral
    destination, with its active period (the funding grant's planned period)."""

    project_id: UUID = Field(description="Pass as `project` when referring.")
    code: str = Field(examples=["box-it-out"])
    name: str = Field(examples=["Box It Out"])
    description: str
    lead_organisation_name: str = Field(examples=["Box It Out CIC"])
    districts: list[str] = Field(description="Districts the project serves.")
    active_from: date | None = Field(default=None, description="Start of its active period.", examples=["2026-04-01"])
    active_until: date | None = Field(
        default=None, description="End of its active period: the last day it takes referrals.", examples=["2027-03-31"]
    )


class FundedProjects(BaseModel):
    """Every active funded project serving a district (a short list, not paginated), fetched from the funding
    service when asked."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "district": "medway",
                    "items": [
                        {
                            "project_id": "30ef20cc-301d-578e-b731-92f71ec7cd3a",
                            "code": "box-it-out",
                            "name": "Box It Out",
                            "description": "Box It Out: Vulnerable Children's Charities fund.",
                            "lead_organisation_name": "Box It Out CIC",
                            "districts": ["medway"],
                        }
                    ],
                }
            ]
        }
    )

    district: str
    items: list[FundedProjectRead]


class FundingCountRead(BaseModel):
    """Whether the funding service has counted an accepted referral to a funded project into the grant's
    monitoring figures (people receiving a service). `pending` while it retries; `refused` when funding
    declined it (the reason is in `last_error`)."""

    model_config = ConfigDict(from_attributes=True)

    status: FundingCountStatus
    attempts: int
    last_error: str | None
    grant_id: UUID | None = Field(description="The funding grant whose figures count it, once delivered.")
    period: str | None = Field(description="The financial quarter it counts in, once delivered.")
    delivered_at: datetime | None


class ReferralSubject(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    given_name: str
    family_name: str
    date_of_birth: date | None


class SharedSubject(BaseModel):
    """What the receiving agency needs to identify the young person: no police ids, no incident history."""

    model_config = ConfigDict(from_attributes=True)

    given_name: str
    family_name: str
    date_of_birth: date | None


class ReferralEventRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    kind: ReferralEventKind
    from_status: ReferralStatus | None
    to_status: ReferralStatus | None
    note: str | None = Field(description="The reason, outcome, note or changed fields.")
    actor_name: str | None
    at: datetime


_COMMON_EXAMPLE: dict[str, JsonValue] = {
    "id": "8f1e2d3c-4b5a-4697-8877-665544332211",
    "status": "sent",
    "district": "swale",
    "destination": {
        "kind": "partner_agency",
        "code": "childrens-social-work-services",
        "name": "Children's Social Work Services",
    },
    "reason": "Criminally exploited into drug running; returned from London; open to support.",
    "lawful_basis": "public_task",
    "consent": "given",
    "sharing_note": None,
    "agency_reference": None,
    "status_reason": None,
    "outcome": None,
    "referred_by": "Coordinator, Medway & Swale (example.org)",
    "created_at": "2026-11-21T09:00:00Z",
    "updated_at": "2026-11-21T09:05:00Z",
    "sent_at": "2026-11-21T09:05:00Z",
    "closed_at": None,
    "version": 3,
}


class _ReferralFields(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    status: ReferralStatus
    district: str = Field(
        validation_alias=AliasPath("district", "code"), description="District code the referral concerns."
    )
    destination: Destination
    reason: str = Field(description="Why the young person is referred.")
    lawful_basis: LawfulBasis | None = Field(description="The lawful basis for sharing; required before sending.")
    consent: Consent | None
    sharing_note: str | None
    agency_reference: str | None = Field(description="The receiving agency's own case reference.")
    status_reason: str | None = Field(description="Why it was rejected or withdrawn.")
    outcome: str | None = Field(description="The outcome, once completed.")
    referred_by: str | None = Field(validation_alias="created_by_name", description="Name of who made the referral.")
    created_at: datetime
    updated_at: datetime
    sent_at: datetime | None
    closed_at: datetime | None
    version: int = Field(description='Bumped on every change; the ETag is `"v<version>"`.')


class ReferralSummary(_ReferralFields):
    """A referral as VRU staff see it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **_COMMON_EXAMPLE,
                    "view": "full",
                    "subject": {
                        "id": "3d2c1b0a-9f8e-4d7c-b6a5-948372615a0b",
                        "given_name": "Alex",
                        "family_name": "Example",
                        "date_of_birth": "2010-03-14",
                    },
                    "review_id": "5b9c1f0e-2a3d-4c5b-8e7f-6a5b4c3d2e1f",
                }
            ]
        },
    )

    view: Literal["full"] = "full"
    subject: ReferralSubject
    review_id: UUID | None


class SharedReferralSummary(_ReferralFields):
    """A referral as the receiving partner agency sees it: the minimum it needs."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **_COMMON_EXAMPLE,
                    "view": "shared",
                    "subject": {"given_name": "Alex", "family_name": "Example", "date_of_birth": "2010-03-14"},
                }
            ]
        },
    )

    view: Literal["shared"] = "shared"
    subject: SharedSubject


class ReferralRead(ReferralSummary):
    """A referral with its history; for an accepted referral to a funded project, whether funding counted it."""

    events: list[ReferralEventRead]
    funding_count: FundingCountRead | None = Field(
        default=None, description="Accepted referrals to a funded project: counted in the grant's figures yet?"
    )


class SharedReferralRead(SharedReferralSummary):
    """A shared referral with its history."""

    events: list[ReferralEventRead]


AnyReferralSummary = Annotated[ReferralSummary | SharedReferralSummary, Field(discriminator="view")]
AnyReferralRead = Annotated[ReferralRead | SharedReferralRead, Field(discriminator="view")]


class ReferralPage(Page[AnyReferralSummary]):
    """A page of referrals: the full view for VRU staff, the shared view for a partner agency."""


AgencyReference = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


def _check_basis(lawful_basis: LawfulBasis | None, consent: Consent | None) -> None:
    if (lawful_basis is None) != (consent is None):
        raise ValueError("record lawful_basis and consent together")
    if lawful_basis is LawfulBasis.CONSENT and consent is not Consent.GIVEN:
        raise ValueError("consent as the lawful basis needs consent 'given'")


class ReferralCreate(BaseModel):
    """A new referral (a draft). Name exactly one destination: `forum`, `partner_agency` or `project` (a funded
    project serving the district, from `GET /v1/referrals/funded-projects`). The district is the review's unless
    given. The lawful basis and consent may be recorded now or later, but before sending."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "subject_id": "3d2c1b0a-9f8e-4d7c-b6a5-948372615a0b",
                    "review_id": "5b9c1f0e-2a3d-4c5b-8e7f-6a5b4c3d2e1f",
                    "forum": "mam-medway-swale",
                    "reason": "Exploited into drug running; a multi-agency meeting to agree a safety plan.",
                    "lawful_basis": "public_task",
                    "consent": "given",
                },
                {
                    "subject_id": "3d2c1b0a-9f8e-4d7c-b6a5-948372615a0b",
                    "district": "swale",
                    "partner_agency": "national-referral-mechanism",
                    "reason": "Indicators of child criminal exploitation (county lines).",
                },
                {
                    "subject_id": "3d2c1b0a-9f8e-4d7c-b6a5-948372615a0b",
                    "district": "medway",
                    "project": "30ef20cc-301d-578e-b731-92f71ec7cd3a",
                    "reason": "Wants to train; boxing sessions and mentoring twice a week.",
                    "lawful_basis": "public_task",
                    "consent": "given",
                },
            ]
        },
    )

    subject_id: UUID
    review_id: UUID | None = Field(default=None, description="The Serious Violence Review it comes from.")
    district: Code | None = Field(default=None, description="District code; defaults to the review's district.")
    forum: Code | None = Field(default=None, description="Forum code (`GET /v1/forums`).")
    partner_agency: Code | None = Field(default=None, description="Partner agency code (`GET /v1/partner-agencies`).")
    project: UUID | None = Field(
        default=None, description="A funded project's id (`GET /v1/referrals/funded-projects?district=…`)."
    )
    reason: Text
    lawful_basis: LawfulBasis | None = None
    consent: Consent | None = None
    sharing_note: Text | None = Field(default=None, description="Why sharing is justified (e.g. without consent).")

    @model_validator(mode="after")
    def _valid(self) -> Self:
        if sum(d is not None for d in (self.forum, self.partner_agency, self.project)) != 1:
            raise ValueError("name exactly one destination: forum, partner_agency or project")
        if self.review_id is None and self.district is None:
            raise ValueError("give review_id or district")
        _check_basis(self.lawful_basis, self.consent)
        return self


class ReferralUpdate(BaseModel):
    """Change a referral. The referrer may change `reason`, `lawful_basis`, `consent` and `sharing_note` while
    it is a draft; the receiving agency may set `agency_reference`; either may add a progress `note`."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"lawful_basis": "public_task", "consent": "not_sought", "sharing_note": "Risk of harm if asked."},
                {"agency_reference": "CSWS-2026-1187", "note": "Allocated to a social worker; visit booked."},
            ]
        },
    )

    reason: Text | None = None
    lawful_basis: LawfulBasis | None = None
    consent: Consent | None = None
    sharing_note: Text | None = None
    agency_reference: AgencyReference | None = None
    note: Text | None = Field(default=None, description="A progress note, kept in the referral's history.")

    @model_validator(mode="after")
    def _something(self) -> Self:
        if not self.model_fields_set:
            raise ValueError("nothing to change")
        for name in self.model_fields_set:
            if getattr(self, name) is None:
                raise ValueError(f"{name} cannot be cleared")
        return self


class ReferralTransition(BaseModel):
    """Move a referral one step: draft → sent → accepted | rejected → in_progress → completed; withdrawn."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"to": "sent"},
                {"to": "rejected", "reason": "Already open to our service under another referral."},
                {"to": "completed", "outcome": "NRM submitted; positive reasonable-grounds decision."},
            ]
        },
    )

    to: ReferralStatus
    reason: Text | None = Field(default=None, description="Required for `rejected` and `withdrawn`.")
    outcome: Text | None = Field(default=None, description="Required for `completed`.")

    @model_validator(mode="after")
    def _required(self) -> Self:
        if self.to in (ReferralStatus.REJECTED, ReferralStatus.WITHDRAWN) and not self.reason:
            raise ValueError(f"a reason is required for {self.to.value}")
        if self.to is ReferralStatus.COMPLETED and not self.outcome:
            raise ValueError("an outcome is required for completed")
        if self.outcome and self.to is not ReferralStatus.COMPLETED:
            raise ValueError("outcome is only for completed")
        return self


def _enum(value: StrEnum | None) -> str | None:
    return None if value is None else value.value


#: The columns both audiences' referral exports share (``GET /v1/referrals/export``).
_SHARED: list[Column[ReferralSummary | SharedReferralSummary]] = [
    Column("id", lambda r: r.id),
    Column("status", lambda r: r.status.value),
    Column("district", lambda r: r.district),
    Column("destination_kind", lambda r: r.destination.kind),
    Column("destination_code", lambda r: r.destination.code),
    Column("destination_name", lambda r: r.destination.name),
    Column("given_name", lambda r: r.subject.given_name),
    Column("family_name", lambda r: r.subject.family_name),
    Column("date_of_birth", lambda r: r.subject.date_of_birth, Kind.DATE),
    Column("reason", lambda r: r.reason),
    Column("lawful_basis", lambda r: _enum(r.lawful_basis)),
    Column("consent", lambda r: _enum(r.consent)),
    Column("sharing_note", lambda r: r.sharing_note),
    Column("agency_reference", lambda r: r.agency_reference),
    Column("status_reason", lambda r: r.status_reason),
    Column("outcome", lambda r: r.outcome),
    Column("referred_by", lambda r: r.referred_by),
    Column("created_at", lambda r: r.created_at, Kind.DATETIME),
    Column("updated_at", lambda r: r.updated_at, Kind.DATETIME),
    Column("sent_at", lambda r: r.sent_at, Kind.DATETIME),
    Column("closed_at", lambda r: r.closed_at, Kind.DATETIME),
]

#: A partner agency's referral export: exactly the shared view's fields, in this order (docs/referrals.md,
#: "Exports").
SHARED_EXPORT_COLUMNS: list[Column[SharedReferralSummary]] = [*_SHARED]

#: VRU staff's referral export: the shared view's columns, with the young person's id before their name and the
#: review's id after the date of birth.
EXPORT_COLUMNS: list[Column[ReferralSummary]] = [
    *_SHARED[:6],
    Column("subject_id", lambda r: r.subject.id),
    *_SHARED[6:9],
    Column("review_id", lambda r: r.review_id),
    *_SHARED[9:],
]
