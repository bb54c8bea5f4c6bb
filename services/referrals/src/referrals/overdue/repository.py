from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from referrals.meeting.models import OUTSTANDING_ACTIONS, MeetingAction, MeetingDecision
from referrals.reference.models import District, PartnerAgency
from referrals.referral.models import Referral
from referrals.review.models import Review, ReviewStatus


@dataclass(frozen=True, slots=True)
class OverdueReview:
    id: UUID
    status: str
    district: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class OverdueAction:
    id: UUID
    status: str
    due_on: date
    meeting_id: UUID
    district: str
    owner_agency: str
    owner_identity_agency_id: UUID | None


class OverdueRepository:
    """Marks overdue records announced, each with one ``UPDATE … RETURNING``: the candidates are locked with
    ``FOR UPDATE SKIP LOCKED`` (another replica's round takes the others, never the same), and a row already
    marked is never returned again. ``updated_at`` and ``version`` are left as they are: the mark is not part of
    the record anyone reads (no change feed entry, no ETag change)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def mark_reviews(self, *, opened_before: datetime, now: datetime, limit: int) -> list[OverdueReview]:
        """Reviews not closed, opened before ``opened_before`` (so past their target today), not yet announced."""
        candidates = (
            select(Review.id)
            .where(
                Review.overdue_announced_at.is_(None),
                Review.status != ReviewStatus.CLOSED.value,
                Review.created_at < opened_before,
            )
            .order_by(Review.created_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        stmt = (
            update(Review)
            .where(Review.id.in_(candidates), Review.overdue_announced_at.is_(None), District.id == Review.district_id)
            .values(overdue_announced_at=now, updated_at=Review.updated_at)
            .returning(Review.id, Review.status, District.code, Review.created_at)
            .execution_options(synchronize_session=False)
        )
        rows = (await self.session.execute(stmt)).all()
        return sorted((OverdueReview(*row) for row in rows), key=lambda r: (r.created_at, r.id))

    async def mark_actions(self, *, today: date, now: datetime, limit: int) -> list[OverdueAction]:
        """Actions open or in progress whose due date has passed (before ``today``), not yet announced; with the
        district of the referral that brought the young person to the meeting and the owning agency."""
        outstanding = [s.value for s in OUTSTANDING_ACTIONS]
        candidates = (
            select(MeetingAction.id)
            .where(
                MeetingAction.overdue_announced_at.is_(None),
                MeetingAction.status.in_(outstanding),
                MeetingAction.due_on < today,
            )
            .order_by(MeetingAction.due_on)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        stmt = (
            update(MeetingAction)
            .where(
                MeetingAction.id.in_(candidates),
                MeetingAction.overdue_announced_at.is_(None),
                MeetingDecision.id == MeetingAction.decision_id,
                Referral.id == MeetingDecision.referral_id,
                District.id == Referral.district_id,
                PartnerAgency.id == MeetingAction.owner_agency_id,
            )
            .values(overdue_announced_at=now, updated_at=MeetingAction.updated_at)
            .returning(
                MeetingAction.id,
                MeetingAction.status,
                MeetingAction.due_on,
                MeetingAction.meeting_id,
                District.code,
                PartnerAgency.code,
                PartnerAgency.identity_agency_id,
            )
            .execution_options(synchronize_session=False)
        )
        rows = (await self.session.execute(stmt)).all()
        return sorted((OverdueAction(*row) for row in rows), key=lambda a: (a.due_on, a.id))
