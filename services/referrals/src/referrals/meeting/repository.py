from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Select, delete, exists, func, insert, select
from sqlalchemy.orm import joinedload, selectinload

from referrals.access import CaseworkScope
from referrals.meeting.models import (
    OUTSTANDING_ACTIONS,
    ActionStatus,
    Meeting,
    MeetingAction,
    MeetingAgency,
    MeetingDecision,
    MeetingDistrict,
)
from referrals.reference.models import CoordinatorArea, Forum, PartnerAgency
from referrals.reference.repository import district_ids, for_agency
from referrals.referral.models import Referral, ReferralStatus
from vru_shared.pagination import PageParams
from vru_shared.repository import ScopedRepository

#: Referral statuses a meeting still discusses.
PENDING = [ReferralStatus.SENT.value, ReferralStatus.ACCEPTED.value, ReferralStatus.IN_PROGRESS.value]

#: What an action's response reads.
ACTION_LOADS = (
    joinedload(MeetingAction.subject),
    joinedload(MeetingAction.owner_agency),
    joinedload(MeetingAction.coordinator_area),
)


def overdue_clause(today: date) -> ColumnElement[bool]:
    return MeetingAction.status.in_([s.value for s in OUTSTANDING_ACTIONS]) & (MeetingAction.due_on < today)


class MeetingRepository(ScopedRepository[Meeting, frozenset[str] | None]):
    model = Meeting
    order = ("held_at", "id")

    def statement(self) -> Select[Meeting]:
        """A meeting with its forum, area, districts, agencies, decisions and actions, read afresh."""
        decisions = selectinload(Meeting.decisions)
        return (
            select(Meeting)
            .options(
                joinedload(Meeting.forum),
                joinedload(Meeting.coordinator_area),
                selectinload(Meeting.covered_districts),
                selectinload(Meeting.attending_agencies),
                decisions.joinedload(MeetingDecision.subject),
                decisions.selectinload(MeetingDecision.actions).options(*ACTION_LOADS),
            )
            .execution_options(populate_existing=True)
        )

    def visible(self, scope: frozenset[str] | None) -> ColumnElement[bool] | None:
        """A coordinator sees meetings that cover one of their districts."""
        if scope is None:
            return None
        return exists(
            select(MeetingDistrict.meeting_id).where(
                MeetingDistrict.meeting_id == Meeting.id, MeetingDistrict.district_id.in_(district_ids(scope))
            )
        )

    async def find(
        self,
        page: PageParams,
        scope: frozenset[str] | None,
        *,
        forum: str | None,
        area: str | None,
        held_from: datetime | None,
        held_to: datetime | None,
    ) -> Sequence[Meeting]:
        """A page of what ``scope`` sees, most recent first, filtered by what is given."""
        filters = []
        if forum is not None:
            filters.append(Meeting.forum.has(Forum.code == forum))
        if area is not None:
            filters.append(Meeting.coordinator_area.has(CoordinatorArea.code == area))
        if held_from is not None:
            filters.append(Meeting.held_at >= held_from)
        if held_to is not None:
            filters.append(Meeting.held_at < held_to)
        return await self.page_visible(page, scope, *filters, descending=True)

    async def add_meeting(
        self, meeting: Meeting, district_ids_: Collection[UUID], agency_ids: Collection[UUID]
    ) -> None:
        self.session.add(meeting)
        await self.session.flush()
        await self.session.execute(
            insert(MeetingDistrict), [{"meeting_id": meeting.id, "district_id": d} for d in district_ids_]
        )
        await self.replace_agencies(meeting.id, agency_ids)

    async def replace_agencies(self, meeting_id: UUID, agency_ids: Collection[UUID]) -> None:
        await self.session.execute(delete(MeetingAgency).where(MeetingAgency.meeting_id == meeting_id))
        if agency_ids:
            await self.session.execute(
                insert(MeetingAgency), [{"meeting_id": meeting_id, "partner_agency_id": a} for a in agency_ids]
            )

    # --- agenda and decisions ---------------------------------------------------------------------------

    def _pending(self, meeting: Meeting) -> Select[Referral]:
        decided = exists(select(MeetingDecision.id).where(MeetingDecision.referral_id == Referral.id))
        covered = select(MeetingDistrict.district_id).where(MeetingDistrict.meeting_id == meeting.id)
        return (
            select(Referral)
            .options(joinedload(Referral.subject), joinedload(Referral.district))
            .where(
                Referral.forum_id == meeting.forum_id,
                Referral.status.in_(PENDING),
                Referral.district_id.in_(covered),
                ~decided,
            )
        )

    async def agenda(self, meeting: Meeting) -> Sequence[Referral]:
        stmt = self._pending(meeting).order_by(Referral.sent_at, Referral.id).limit(500)
        return (await self.session.scalars(stmt)).all()

    async def pending_referral(self, meeting: Meeting, referral_id: UUID) -> Referral | None:
        stmt = self._pending(meeting).where(Referral.id == referral_id).with_for_update(of=Referral)
        return (await self.session.scalars(stmt)).one_or_none()

    async def decision_of(self, referral_id: UUID) -> MeetingDecision | None:
        stmt = select(MeetingDecision).where(MeetingDecision.referral_id == referral_id)
        return (await self.session.scalars(stmt)).one_or_none()

    async def add_decision(self, decision: MeetingDecision, actions: Sequence[MeetingAction]) -> None:
        self.session.add(decision)
        await self.session.flush()
        self.session.add_all(actions)
        await self.session.flush()


class ActionRepository(ScopedRepository[MeetingAction, CaseworkScope]):
    model = MeetingAction
    order = ("due_on", "id")

    def statement(self) -> Select[MeetingAction]:
        return select(MeetingAction).options(*ACTION_LOADS)

    def visible(self, scope: CaseworkScope) -> ColumnElement[bool] | None:
        """Staff: the actions of meetings they see. A partner agency: the actions its agency owns."""
        if scope.partner:
            return for_agency(MeetingAction.owner_agency_id, scope.agency)
        if scope.districts is None:
            return None
        return exists(
            select(MeetingDistrict.meeting_id).where(
                MeetingDistrict.meeting_id == MeetingAction.meeting_id,
                MeetingDistrict.district_id.in_(district_ids(scope.districts)),
            )
        )

    async def find(
        self,
        page: PageParams,
        scope: CaseworkScope,
        *,
        today: date,
        agency: str | None,
        area: str | None,
        status: ActionStatus | None,
        overdue: bool | None,
        meeting_id: UUID | None,
        subject_id: UUID | None,
    ) -> Sequence[MeetingAction]:
        """A page of what ``scope`` sees, soonest due first, filtered by what is given."""
        filters = []
        if agency is not None:
            filters.append(MeetingAction.owner_agency.has(PartnerAgency.code == agency))
        if area is not None:
            filters.append(MeetingAction.coordinator_area.has(CoordinatorArea.code == area))
        if status is not None:
            filters.append(MeetingAction.status == status.value)
        if overdue is not None:
            late = overdue_clause(today)
            filters.append(late if overdue else ~late)
        if meeting_id is not None:
            filters.append(MeetingAction.meeting_id == meeting_id)
        if subject_id is not None:
            filters.append(MeetingAction.subject_id == subject_id)
        return await self.page_visible(page, scope, *filters)

    async def overdue_counts(self, scope: CaseworkScope, today: date) -> tuple[list[Any], list[Any]]:
        late = overdue_clause(today)
        visible = self.visible(scope)
        where = [late] if visible is None else [late, visible]
        by_agency = (
            select(PartnerAgency.code, PartnerAgency.name, func.count())
            .join(MeetingAction, MeetingAction.owner_agency_id == PartnerAgency.id)
            .where(*where)
            .group_by(PartnerAgency.code, PartnerAgency.name)
            .order_by(PartnerAgency.code)
        )
        by_area = (
            select(CoordinatorArea.code, CoordinatorArea.name, func.count())
            .join(MeetingAction, MeetingAction.area_id == CoordinatorArea.id)
            .where(*where)
            .group_by(CoordinatorArea.code, CoordinatorArea.name)
            .order_by(CoordinatorArea.code)
        )
        return list((await self.session.execute(by_agency)).all()), list((await self.session.execute(by_area)).all())
