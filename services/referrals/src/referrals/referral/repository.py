from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, exists, false, insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from referrals.access import CaseworkScope
from referrals.reference.models import District, Forum, PartnerAgency
from referrals.reference.repository import district_ids
from referrals.referral.models import (
    OPEN_STATUSES,
    FundingCount,
    FundingCountStatus,
    Referral,
    ReferralEvent,
    ReferralStatus,
)
from referrals.review.models import ReviewSubject
from referrals.subject.models import Subject
from vru_shared.db import add_unless_duplicate
from vru_shared.pagination import PageParams, keyset

#: The receiving partner agency, aliased so the visibility filter never correlates with a joined one.
Receiver = aliased(PartnerAgency)


@dataclass(frozen=True, slots=True)
class ReferralRow:
    referral: Referral
    subject: Subject
    district: str
    forum: Forum | None
    partner: PartnerAgency | None


def visible_referral(scope: CaseworkScope) -> ColumnElement[bool] | None:
    """Staff: by district (``None`` = all). A partner agency: the referrals *sent* to the partner agency linked
    to its identity agency — never a draft, never another agency's."""
    if scope.partner:
        if scope.agency is None:
            return false()
        return Referral.sent_at.is_not(None) & exists(
            select(Receiver.id).where(
                Receiver.id == Referral.partner_agency_id, Receiver.identity_agency_id == scope.agency
            )
        )
    if scope.districts is None:
        return None
    return Referral.district_id.in_(district_ids(scope.districts))


class ReferralRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def _base(self, scope: CaseworkScope) -> Any:
        stmt = (
            select(Referral, Subject, District.code, Forum, PartnerAgency)
            .join(Subject, Subject.id == Referral.subject_id)
            .join(District, District.id == Referral.district_id)
            .outerjoin(Forum, Forum.id == Referral.forum_id)
            .outerjoin(PartnerAgency, PartnerAgency.id == Referral.partner_agency_id)
        )
        visible = visible_referral(scope)
        return stmt if visible is None else stmt.where(visible)

    @staticmethod
    def _row(row: Any) -> ReferralRow:
        return ReferralRow(row[0], row[1], row[2], row[3], row[4])

    async def page(
        self,
        page: PageParams,
        scope: CaseworkScope,
        *,
        status: ReferralStatus | None,
        subject_id: UUID | None,
        review_id: UUID | None,
        forum: str | None,
        partner_agency: str | None,
        district: str | None,
    ) -> list[ReferralRow]:
        stmt = self._base(scope)
        if status is not None:
            stmt = stmt.where(Referral.status == status.value)
        if subject_id is not None:
            stmt = stmt.where(Referral.subject_id == subject_id)
        if review_id is not None:
            stmt = stmt.where(Referral.review_id == review_id)
        if forum is not None:
            stmt = stmt.where(Forum.code == forum)
        if partner_agency is not None:
            stmt = stmt.where(PartnerAgency.code == partner_agency)
        if district is not None:
            stmt = stmt.where(District.code == district)
        rows = await self.session.execute(keyset(stmt, page, Referral.created_at, Referral.id, descending=True))
        return [self._row(r) for r in rows.all()]

    async def get(self, referral_id: UUID, scope: CaseworkScope, *, for_update: bool = False) -> ReferralRow | None:
        stmt = self._base(scope).where(Referral.id == referral_id)
        if for_update:
            stmt = stmt.with_for_update(of=Referral)
        row = (await self.session.execute(stmt)).one_or_none()
        return self._row(row) if row else None

    async def open_to(
        self, subject_id: UUID, *, forum_id: UUID | None, partner_id: UUID | None, project_id: UUID | None = None
    ) -> Referral | None:
        stmt = select(Referral).where(
            Referral.subject_id == subject_id, Referral.status.in_([s.value for s in OPEN_STATUSES])
        )
        if forum_id is not None:
            stmt = stmt.where(Referral.forum_id == forum_id)
        elif project_id is not None:
            stmt = stmt.where(Referral.project_id == project_id)
        else:
            stmt = stmt.where(Referral.partner_agency_id == partner_id)
        return (await self.session.scalars(stmt.limit(1))).one_or_none()

    async def add(self, referral: Referral) -> bool:
        """False when an open referral to the same destination was inserted meanwhile (unique index)."""
        return await add_unless_duplicate(self.session, referral)

    async def review_has_subject(self, review_id: UUID, subject_id: UUID) -> bool:
        stmt = select(exists().where(ReviewSubject.review_id == review_id, ReviewSubject.subject_id == subject_id))
        return bool((await self.session.execute(stmt)).scalar_one())

    async def add_event(self, values: dict[str, Any]) -> None:
        await self.session.execute(insert(ReferralEvent).execution_options(render_nulls=True).values(**values))

    async def events_of(self, referral_id: UUID) -> Sequence[ReferralEvent]:
        stmt = select(ReferralEvent).where(ReferralEvent.referral_id == referral_id)
        return (await self.session.scalars(stmt.order_by(ReferralEvent.at, ReferralEvent.id))).all()

    async def flush(self) -> None:
        await self.session.flush()

    # --- the funding outbox (link 4) -----------------------------------------------------------------------

    async def add_funding_count(self, count: FundingCount) -> bool:
        return await add_unless_duplicate(self.session, count)

    async def funding_count(self, referral_id: UUID) -> FundingCount | None:
        return (
            await self.session.scalars(select(FundingCount).where(FundingCount.referral_id == referral_id))
        ).one_or_none()

    async def due_funding_counts(self, now: datetime, limit: int) -> Sequence[FundingCount]:
        """Pending counts due for an attempt, oldest first, locked (another sender process skips them)."""
        stmt = (
            select(FundingCount)
            .where(FundingCount.status == FundingCountStatus.PENDING.value, FundingCount.next_attempt_at <= now)
            .order_by(FundingCount.next_attempt_at, FundingCount.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return (await self.session.scalars(stmt)).all()
