from datetime import datetime
from enum import StrEnum
from uuid import UUID, uuid4

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, func, text
from sqlalchemy.orm import Mapped, mapped_column, query_expression, relationship

from referrals.db import Base
from referrals.incident.models import Incident
from referrals.reference.models import CoordinatorArea, District
from referrals.subject.models import Subject
from vru_shared.db import changed_now
from vru_shared.etag import Versioned


class ReviewStatus(StrEnum):
    NEW = "new"
    IN_REVIEW = "in_review"
    REFERRED = "referred"
    ALREADY_MANAGED = "already_managed"
    NO_FURTHER_ACTION = "no_further_action"
    CLOSED = "closed"


#: The lifecycle: new → in review → referred | already managed | no further action → closed.
TRANSITIONS: dict[ReviewStatus, frozenset[ReviewStatus]] = {
    ReviewStatus.NEW: frozenset({ReviewStatus.IN_REVIEW}),
    ReviewStatus.IN_REVIEW: frozenset(
        {ReviewStatus.REFERRED, ReviewStatus.ALREADY_MANAGED, ReviewStatus.NO_FURTHER_ACTION}
    ),
    ReviewStatus.REFERRED: frozenset({ReviewStatus.CLOSED}),
    ReviewStatus.ALREADY_MANAGED: frozenset({ReviewStatus.CLOSED}),
    ReviewStatus.NO_FURTHER_ACTION: frozenset({ReviewStatus.CLOSED}),
    ReviewStatus.CLOSED: frozenset(),
}


class ReviewEventKind(StrEnum):
    OPENED = "opened"
    TRANSITION = "transition"
    INCIDENT_LINKED = "incident_linked"
    INCIDENT_UPDATED = "incident_updated"
    INCIDENT_SCREENED_OUT = "incident_screened_out"
    SUBJECTS_MERGED = "subjects_merged"


_STATUSES = ", ".join(f"'{s.value}'" for s in ReviewStatus)


class Review(Versioned, Base):
    """A Serious Violence Review, routed to the coordinator area of the first incident's district; the
    districts of everyone involved are drawn in (cross-district reviews)."""

    __tablename__ = "reviews"
    __table_args__ = (
        CheckConstraint(f"status IN ({_STATUSES})", name="status"),
        Index("ix_reviews_created_at_id", "created_at", "id"),
        # The overdue announcer's candidates (``review.overdue``): not closed and not yet announced.
        Index(
            "ix_reviews_overdue_unannounced",
            "created_at",
            postgresql_where=text("overdue_announced_at IS NULL AND status <> 'closed'"),
        ),
        # The queue read ~7 reviews per row it returned, walking ix_reviews_created_at_id: a parallel plan's
        # worker start-up (~10 ms) cost more than the whole serial page (2.5 ms) at 1M reviews (bench §2). (A
        # coordinator's page now reads ix_review_districts_queue; analysts' pages still walk this index.)
        {"postgresql_with": {"parallel_workers": "0"}},
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    status: Mapped[str] = mapped_column(String(32), default=ReviewStatus.NEW.value, index=True)
    area_id: Mapped[UUID] = mapped_column(ForeignKey("coordinator_areas.id"), index=True)
    district_id: Mapped[UUID] = mapped_column(ForeignKey("districts.id"))
    forum_case_ref: Mapped[str | None] = mapped_column(String(100))
    outcome_reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp(), onupdate=changed_now)
    closed_at: Mapped[datetime | None]
    #: When ``review.overdue`` was announced (webhooks; never in the API): once per review.
    overdue_announced_at: Mapped[datetime | None]

    area_ref: Mapped[CoordinatorArea] = relationship(lazy="raise")
    district_ref: Mapped[District] = relationship(lazy="raise")
    #: Every district drawn in, by code.
    districts_ref: Mapped[list[District]] = relationship(
        secondary="referrals.review_districts", order_by=District.code, lazy="raise", viewonly=True
    )
    incidents: Mapped[list[Incident]] = relationship(
        order_by=[Incident.occurred_at, Incident.id], lazy="raise", viewonly=True
    )
    #: The young people, by name.
    subjects: Mapped[list[Subject]] = relationship(
        secondary="referrals.review_subjects",
        order_by=[Subject.family_name, Subject.given_name, Subject.id],
        lazy="raise",
        viewonly=True,
    )
    events: Mapped[list["ReviewEvent"]] = relationship(
        order_by="[ReviewEvent.at, ReviewEvent.id]", lazy="raise", viewonly=True
    )
    #: How many incidents and young people the review has (all of them, whoever reads), when the read
    #: computed them in its own SELECT (``ReviewRepository.counted``); ``None`` when it did not.
    incident_count: Mapped[int | None] = query_expression()
    subject_count: Mapped[int | None] = query_expression()

    @property
    def area(self) -> str:
        return self.area_ref.code

    @property
    def district(self) -> str:
        return self.district_ref.code

    @property
    def districts(self) -> list[str]:
        return [d.code for d in self.districts_ref]


class ReviewDistrict(Base):
    """A district drawn into a review, with the review's ``created_at`` beside it: a coordinator's queue page is
    read in the queue's order from ``ix_review_districts_queue`` (district, then newest first), a page's worth of
    rows per district, instead of finding every review of the district to sort them (issue 17; bench §2)."""

    __tablename__ = "review_districts"
    __table_args__ = (Index("ix_review_districts_queue", "district_id", "review_created_at", "review_id"),)

    review_id: Mapped[UUID] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True)
    district_id: Mapped[UUID] = mapped_column(ForeignKey("districts.id"), primary_key=True)
    #: The review's ``created_at``, copied when the district is drawn in (``ScreeningRepository.link``) and kept
    #: in step by the trigger ``review_districts_created_at`` should a review's ``created_at`` ever be changed.
    review_created_at: Mapped[datetime]


class ReviewSubject(Base):
    __tablename__ = "review_subjects"

    review_id: Mapped[UUID] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True)
    subject_id: Mapped[UUID] = mapped_column(ForeignKey("subjects.id"), primary_key=True, index=True)


class ReviewEvent(Base):
    """Who did what to a review, and when: each status step, and each incident linked or updated."""

    __tablename__ = "review_events"
    __table_args__ = (Index("ix_review_events_review_id_at", "review_id", "at"),)

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    review_id: Mapped[UUID] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[str | None] = mapped_column(String(32))
    to_status: Mapped[str | None] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(Text)
    forum_case_ref: Mapped[str | None] = mapped_column(String(100))
    #: The incident concerned (kept as history, not a foreign key: an incident may later be erased).
    incident_id: Mapped[UUID | None]
    actor: Mapped[str] = mapped_column(String(255))
    actor_name: Mapped[str | None] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
