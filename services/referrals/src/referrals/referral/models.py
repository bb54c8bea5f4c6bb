from datetime import datetime
from enum import StrEnum
from uuid import UUID, uuid4

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, func, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from referrals.db import Base
from referrals.reference.models import District, Forum, PartnerAgency
from referrals.subject.models import Subject
from vru_shared.db import changed_now
from vru_shared.etag import Versioned


class ReferralStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"


#: The lifecycle (after FHIR ServiceRequest/Task): draft → sent → accepted | rejected → in progress →
#: completed; withdrawn from any open status.
TRANSITIONS: dict[ReferralStatus, frozenset[ReferralStatus]] = {
    ReferralStatus.DRAFT: frozenset({ReferralStatus.SENT, ReferralStatus.WITHDRAWN}),
    ReferralStatus.SENT: frozenset({ReferralStatus.ACCEPTED, ReferralStatus.REJECTED, ReferralStatus.WITHDRAWN}),
    ReferralStatus.ACCEPTED: frozenset({ReferralStatus.IN_PROGRESS, ReferralStatus.WITHDRAWN}),
    ReferralStatus.IN_PROGRESS: frozenset({ReferralStatus.COMPLETED, ReferralStatus.WITHDRAWN}),
    ReferralStatus.REJECTED: frozenset(),
    ReferralStatus.COMPLETED: frozenset(),
    ReferralStatus.WITHDRAWN: frozenset(),
}
#: Still open: a second referral of the same young person to the same destination would duplicate it.
OPEN_STATUSES = frozenset(
    {ReferralStatus.DRAFT, ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS}
)
#: The receiving side's answers; sending and withdrawing are the referrer's.
RESPONSES = frozenset(
    {ReferralStatus.ACCEPTED, ReferralStatus.REJECTED, ReferralStatus.IN_PROGRESS, ReferralStatus.COMPLETED}
)


class LawfulBasis(StrEnum):
    """The lawful basis for sharing the young person's data with the receiving agency."""

    PUBLIC_TASK = "public_task"  # UK GDPR Art. 6(1)(e): safeguarding and crime-prevention duties
    LEGAL_OBLIGATION = "legal_obligation"  # Art. 6(1)(c), e.g. Children Act 1989 duties
    LAW_ENFORCEMENT = "law_enforcement"  # DPA 2018 Part 3
    VITAL_INTERESTS = "vital_interests"  # Art. 6(1)(d): a risk to life
    CONSENT = "consent"  # Art. 6(1)(a)


class Consent(StrEnum):
    GIVEN = "given"
    REFUSED = "refused"
    NOT_SOUGHT = "not_sought"  # seeking it would put the young person at risk
    NOT_REQUIRED = "not_required"


class ReferralEventKind(StrEnum):
    CREATED = "created"
    TRANSITION = "transition"
    UPDATED = "updated"
    NOTE = "note"


def _in(values: type[StrEnum]) -> str:
    return ", ".join(f"'{v.value}'" for v in values)


_OPEN = ", ".join(f"'{s.value}'" for s in sorted(OPEN_STATUSES))


class Referral(Versioned, Base):
    """A young person referred to a forum (DCSM, CARM, a coordinator's multi-agency meeting), to a partner
    agency's service, or to a funded project (the funding service's project, by id, with its code and name as
    they were when referred). Exactly one of ``forum_id``, ``partner_agency_id`` and ``project_id`` is set."""

    __tablename__ = "referrals"
    __table_args__ = (
        CheckConstraint(f"status IN ({_in(ReferralStatus)})", name="status"),
        CheckConstraint("num_nonnulls(forum_id, partner_agency_id, project_id) = 1", name="one_destination"),
        CheckConstraint(
            "(project_id IS NULL) = (project_code IS NULL) AND (project_id IS NULL) = (project_name IS NULL)",
            name="project_named",
        ),
        CheckConstraint(f"lawful_basis IS NULL OR lawful_basis IN ({_in(LawfulBasis)})", name="lawful_basis"),
        CheckConstraint(f"consent IS NULL OR consent IN ({_in(Consent)})", name="consent"),
        CheckConstraint("sent_at IS NULL OR lawful_basis IS NOT NULL", name="lawful_basis_before_sending"),
        Index(
            "uq_referrals_open_to_forum",
            "subject_id",
            "forum_id",
            unique=True,
            postgresql_where=text(f"forum_id IS NOT NULL AND status IN ({_OPEN})"),
        ),
        Index(
            "uq_referrals_open_to_partner",
            "subject_id",
            "partner_agency_id",
            unique=True,
            postgresql_where=text(f"partner_agency_id IS NOT NULL AND status IN ({_OPEN})"),
        ),
        Index(
            "uq_referrals_open_to_project",
            "subject_id",
            "project_id",
            unique=True,
            postgresql_where=text(f"project_id IS NOT NULL AND status IN ({_OPEN})"),
        ),
        Index("ix_referrals_created_at_id", "created_at", "id"),
        # The change feed partners poll (``GET /v1/referrals?updated_since=``).
        Index("ix_referrals_updated_at_id", "updated_at", "id"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    subject_id: Mapped[UUID] = mapped_column(ForeignKey("subjects.id"), index=True)
    review_id: Mapped[UUID | None] = mapped_column(ForeignKey("reviews.id"), index=True)
    district_id: Mapped[UUID] = mapped_column(ForeignKey("districts.id"), index=True)
    forum_id: Mapped[UUID | None] = mapped_column(ForeignKey("forums.id"), index=True)
    partner_agency_id: Mapped[UUID | None] = mapped_column(ForeignKey("partner_agencies.id"), index=True)
    #: A funded project: the funding service's project id (another service's record, so no foreign key).
    project_id: Mapped[UUID | None] = mapped_column(index=True)
    project_code: Mapped[str | None] = mapped_column(String(64))
    project_name: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default=ReferralStatus.DRAFT.value, index=True)
    reason: Mapped[str] = mapped_column(Text)
    lawful_basis: Mapped[str | None] = mapped_column(String(32))
    consent: Mapped[str | None] = mapped_column(String(16))
    sharing_note: Mapped[str | None] = mapped_column(Text)
    lawful_basis_recorded_by: Mapped[str | None] = mapped_column(String(255))
    lawful_basis_recorded_at: Mapped[datetime | None]
    #: The receiving agency's own case reference.
    agency_reference: Mapped[str | None] = mapped_column(String(100))
    #: Why it was rejected or withdrawn.
    status_reason: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(255))
    created_by_name: Mapped[str | None] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp(), onupdate=changed_now)
    sent_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]

    subject: Mapped[Subject] = relationship(lazy="raise")
    district: Mapped[District] = relationship(lazy="raise")
    forum: Mapped[Forum | None] = relationship(lazy="raise")
    partner_agency: Mapped[PartnerAgency | None] = relationship(lazy="raise")
    events: Mapped[list["ReferralEvent"]] = relationship(
        lazy="raise", order_by="(ReferralEvent.at, ReferralEvent.id)", viewonly=True
    )
    funding_count: Mapped["FundingCount | None"] = relationship(
        primaryjoin="Referral.id == foreign(FundingCount.referral_id)", lazy="raise", viewonly=True
    )

    @property
    def destination(self) -> dict[str, object]:
        """Where the young person is referred (the read schemas' ``Destination``)."""
        if self.forum is not None:
            return {"kind": "forum", "code": self.forum.code, "name": self.forum.name}
        if self.project_id is not None:
            return {
                "kind": "project",
                "code": self.project_code,
                "name": self.project_name,
                "project_id": self.project_id,
            }
        assert self.partner_agency is not None
        return {"kind": "partner_agency", "code": self.partner_agency.code, "name": self.partner_agency.name}


class ReferralEvent(Base):
    """Who did what to a referral, and when (VRU staff or the receiving agency)."""

    __tablename__ = "referral_events"
    __table_args__ = (Index("ix_referral_events_referral_id_at", "referral_id", "at"),)

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    referral_id: Mapped[UUID] = mapped_column(ForeignKey("referrals.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(255))
    actor_name: Mapped[str | None] = mapped_column(String(200))
    #: The identity agency the actor acted for (the token's ``agency``).
    actor_agency_id: Mapped[UUID | None]
    at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())


class FundingCountStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    #: The funding service considered the count and refused it (e.g. no grant funds the project any more).
    REFUSED = "refused"


class FundingCount(Base):
    """The outbox of link 4: a referral a funded project accepted, to be counted by the funding service into the
    grant's monitoring figures. Written in the acceptance's own transaction, delivered by a background sender
    (``referral/outbox.py``) with retries, so an acceptance is recorded even while funding is down and counted
    once it is back. Only ids and a time leave this service. No foreign key to the referral: a message to
    another service outlives the erasure of the casework it came from."""

    __tablename__ = "funding_counts"
    __table_args__ = (
        CheckConstraint(f"status IN ({_in(FundingCountStatus)})", name="status"),
        Index(
            "ix_funding_counts_pending_next_attempt_at",
            "next_attempt_at",
            postgresql_where=text(f"status = '{FundingCountStatus.PENDING.value}'"),
        ),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    referral_id: Mapped[UUID] = mapped_column(unique=True)
    project_id: Mapped[UUID]
    accepted_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16), default=FundingCountStatus.PENDING.value)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
    last_error: Mapped[str | None] = mapped_column(Text)
    #: Funding's record of the count, its grant and the financial quarter it counts in.
    funding_record_id: Mapped[UUID | None]
    grant_id: Mapped[UUID | None]
    period: Mapped[str | None] = mapped_column(String(16))
    delivered_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
