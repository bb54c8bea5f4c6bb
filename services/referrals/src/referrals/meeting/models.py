from datetime import date, datetime
from enum import StrEnum
from uuid import UUID, uuid4

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, func, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from referrals.calendar import london_today
from referrals.db import Base
from referrals.reference.models import CoordinatorArea, District, Forum, PartnerAgency
from referrals.subject.models import Subject
from vru_shared.db import changed_now
from vru_shared.etag import Versioned


class MeetingStatus(StrEnum):
    SCHEDULED = "scheduled"
    HELD = "held"
    CANCELLED = "cancelled"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


#: Actions still to do: overdue once past their due date.
OUTSTANDING_ACTIONS = frozenset({ActionStatus.OPEN, ActionStatus.IN_PROGRESS})


def _in(values: type[StrEnum]) -> str:
    return ", ".join(f"'{v.value}'" for v in values)


class Meeting(Versioned, Base):
    """A sitting of a forum: when, which districts, which agencies attend; its minutes once held."""

    __tablename__ = "meetings"
    __table_args__ = (
        CheckConstraint(f"status IN ({_in(MeetingStatus)})", name="status"),
        Index("ix_meetings_held_at_id", "held_at", "id"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    forum_id: Mapped[UUID] = mapped_column(ForeignKey("forums.id"), index=True)
    #: The coordinator area it serves (the forum's, or that of its first district for county-wide forums).
    area_id: Mapped[UUID] = mapped_column(ForeignKey("coordinator_areas.id"), index=True)
    held_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16), default=MeetingStatus.SCHEDULED.value)
    minutes: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(255))
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp(), onupdate=changed_now)

    forum: Mapped[Forum] = relationship(lazy="raise")
    coordinator_area: Mapped[CoordinatorArea] = relationship(lazy="raise")
    covered_districts: Mapped[list[District]] = relationship(
        secondary=lambda: MeetingDistrict.__table__, order_by=District.code, lazy="raise", viewonly=True
    )
    attending_agencies: Mapped[list[PartnerAgency]] = relationship(
        secondary=lambda: MeetingAgency.__table__, order_by=PartnerAgency.code, lazy="raise", viewonly=True
    )
    decisions: Mapped[list["MeetingDecision"]] = relationship(
        order_by="(MeetingDecision.recorded_at, MeetingDecision.id)", lazy="raise", viewonly=True
    )

    @property
    def area(self) -> str:
        return self.coordinator_area.code

    @property
    def districts(self) -> list[str]:
        return [d.code for d in self.covered_districts]


class MeetingDistrict(Base):
    __tablename__ = "meeting_districts"

    meeting_id: Mapped[UUID] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    district_id: Mapped[UUID] = mapped_column(ForeignKey("districts.id"), primary_key=True, index=True)


class MeetingAgency(Base):
    """An agency attending the meeting."""

    __tablename__ = "meeting_agencies"

    meeting_id: Mapped[UUID] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    partner_agency_id: Mapped[UUID] = mapped_column(ForeignKey("partner_agencies.id"), primary_key=True, index=True)


class MeetingDecision(Base):
    """What the meeting decided for one young person, on the referral that brought them to it."""

    __tablename__ = "meeting_decisions"
    __table_args__ = (UniqueConstraint("referral_id"),)

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    meeting_id: Mapped[UUID] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    referral_id: Mapped[UUID] = mapped_column(ForeignKey("referrals.id", ondelete="CASCADE"))
    subject_id: Mapped[UUID] = mapped_column(ForeignKey("subjects.id"), index=True)
    decision: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(255))
    recorded_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())

    subject: Mapped[Subject] = relationship(lazy="raise")
    actions: Mapped[list["MeetingAction"]] = relationship(
        order_by="(MeetingAction.due_on, MeetingAction.id)", lazy="raise", viewonly=True
    )


class MeetingAction(Versioned, Base):
    """An action agreed at a meeting for one young person, owned by one agency, due by a date."""

    __tablename__ = "meeting_actions"
    __table_args__ = (
        CheckConstraint(f"status IN ({_in(ActionStatus)})", name="status"),
        Index("ix_meeting_actions_due_on_id", "due_on", "id"),
        # The change feed partners poll (``GET /v1/actions?updated_since=``).
        Index("ix_meeting_actions_updated_at_id", "updated_at", "id"),
        # The overdue announcer's candidates (``meeting_action.overdue``): outstanding and not yet announced.
        Index(
            "ix_meeting_actions_overdue_unannounced",
            "due_on",
            postgresql_where=text("overdue_announced_at IS NULL AND status IN ('open', 'in_progress')"),
        ),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    meeting_id: Mapped[UUID] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    decision_id: Mapped[UUID] = mapped_column(ForeignKey("meeting_decisions.id", ondelete="CASCADE"), index=True)
    subject_id: Mapped[UUID] = mapped_column(ForeignKey("subjects.id"), index=True)
    owner_agency_id: Mapped[UUID] = mapped_column(ForeignKey("partner_agencies.id"), index=True)
    area_id: Mapped[UUID] = mapped_column(ForeignKey("coordinator_areas.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date]
    status: Mapped[str] = mapped_column(String(16), default=ActionStatus.OPEN.value)
    note: Mapped[str | None] = mapped_column(Text)
    completed_at: Mapped[datetime | None]
    #: When ``meeting_action.overdue`` was announced for its current due date (webhooks; never in the API).
    overdue_announced_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp(), onupdate=changed_now)

    subject: Mapped[Subject] = relationship(lazy="raise")
    owner_agency: Mapped[PartnerAgency] = relationship(lazy="raise")
    coordinator_area: Mapped[CoordinatorArea] = relationship(lazy="raise")

    @property
    def area(self) -> str:
        return self.coordinator_area.code

    def overdue_on(self, today: date) -> bool:
        return ActionStatus(self.status) in OUTSTANDING_ACTIONS and self.due_on < today

    @property
    def overdue(self) -> bool:
        """Still open or in progress after its due date (UK date)."""
        return self.overdue_on(london_today())
