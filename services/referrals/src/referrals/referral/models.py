from datetime import datetime
from enum import StrEnum
from uuid import UUID, uuid4

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, func, text
from sqlalchemy.orm import Mapped, mapped_column

from referrals.db import Base


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


class Referral(Base):
    """A young person referred to a forum (DCSM, CARM, a coordinator's multi-agency meeting) or to a partner
    agency's service. Exactly one of ``forum_id`` and ``partner_agency_id`` is set."""

    __tablename__ = "referrals"
    __table_args__ = (
        CheckConstraint(f"status IN ({_in(ReferralStatus)})", name="status"),
        CheckConstraint("(forum_id IS NULL) <> (partner_agency_id IS NULL)", name="one_destination"),
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
        Index("ix_referrals_created_at_id", "created_at", "id"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    subject_id: Mapped[UUID] = mapped_column(ForeignKey("subjects.id"), index=True)
    review_id: Mapped[UUID | None] = mapped_column(ForeignKey("reviews.id"), index=True)
    district_id: Mapped[UUID] = mapped_column(ForeignKey("districts.id"), index=True)
    forum_id: Mapped[UUID | None] = mapped_column(ForeignKey("forums.id"), index=True)
    partner_agency_id: Mapped[UUID | None] = mapped_column(ForeignKey("partner_agencies.id"), index=True)
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
    updated_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
    sent_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]


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
