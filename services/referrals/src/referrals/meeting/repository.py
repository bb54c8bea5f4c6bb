from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, String, Uuid, delete, exists, false, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from referrals.access import CaseworkScope
from referrals.meeting.models import (
    OUTSTANDING_ACTIONS,
    Meeting,
    MeetingAction,
    MeetingAgency,
    MeetingDecision,
    MeetingDistrict,
)
from referrals.reference.models import CoordinatorArea, District, Forum, PartnerAgency
from referrals.reference.repository import any_of, district_ids
from referrals.referral.models import Referral, ReferralStatus
from referrals.subject.models import Subject
from vru_shared.pagination import PageParams, keyset

#: The receiving partner agency, aliased so the visibility filter never correlates with a joined one.
Receiver = aliased(PartnerAgency)

#: Referral statuses a meeting still discusses.
PENDING = [ReferralStatus.SENT.value, ReferralStatus.ACCEPTED.value, ReferralStatus.IN_PROGRESS.value]


def visible_meeting(districts: frozenset[str] | None) -> ColumnElement[bool] | None:
    """A coordinator sees meetings that cover one of their districts."""
    if districts is None:
        return None
    return exists(
        select(MeetingDistrict.meeting_id).where(
            MeetingDistrict.meeting_id == Meeting.id, MeetingDistrict.district_id.in_(district_ids(districts))
        )
    )


def visible_action(scope: CaseworkScope) -> ColumnElement[bool] | None:
    """Staff: the actions of meetings they see. A partner agency: the actions its agency owns."""
    if scope.partner:
        if scope.agency is None:
            return false()
        return exists(
            select(Receiver.id).where(
                Receiver.id == MeetingAction.owner_agency_id, Receiver.identity_agency_id == scope.agency
            )
        )
    if scope.districts is None:
        return None
    return exists(
        select(MeetingDistrict.meeting_id).where(
            MeetingDistrict.meeting_id == MeetingAction.meeting_id,
            MeetingDistrict.district_id.in_(district_ids(scope.districts)),
        )
    )


def overdue_clause(today: date) -> ColumnElement[bool]:
    return MeetingAction.status.in_([s.value for s in OUTSTANDING_ACTIONS]) & (MeetingAction.due_on < today)


@dataclass(frozen=True, slots=True)
class MeetingRow:
    meeting: Meeting
    forum: Forum
    area: str


@dataclass(frozen=True, slots=True)
class ActionRow:
    action: MeetingAction
    subject: Subject
    owner: PartnerAgency
    area: str


class MeetingRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # --- meetings ---------------------------------------------------------------------------------------

    def _meetings(self, districts: frozenset[str] | None) -> Any:
        stmt = (
            select(Meeting, Forum, CoordinatorArea.code)
            .join(Forum, Forum.id == Meeting.forum_id)
            .join(CoordinatorArea, CoordinatorArea.id == Meeting.area_id)
        )
        visible = visible_meeting(districts)
        return stmt if visible is None else stmt.where(visible)

    async def page(
        self,
        page: PageParams,
        districts: frozenset[str] | None,
        *,
        forum: str | None,
        area: str | None,
        held_from: datetime | None,
        held_to: datetime | None,
    ) -> list[MeetingRow]:
        stmt = self._meetings(districts)
        if forum is not None:
            stmt = stmt.where(Forum.code == forum)
        if area is not None:
            stmt = stmt.where(CoordinatorArea.code == area)
        if held_from is not None:
            stmt = stmt.where(Meeting.held_at >= held_from)
        if held_to is not None:
            stmt = stmt.where(Meeting.held_at < held_to)
        rows = await self.session.execute(keyset(stmt, page, Meeting.held_at, Meeting.id, descending=True))
        return [MeetingRow(r[0], r[1], r[2]) for r in rows.all()]

    async def get(
        self, meeting_id: UUID, districts: frozenset[str] | None, *, for_update: bool = False
    ) -> MeetingRow | None:
        stmt = self._meetings(districts).where(Meeting.id == meeting_id)
        if for_update:
            stmt = stmt.with_for_update(of=Meeting)
        row = (await self.session.execute(stmt)).one_or_none()
        return MeetingRow(row[0], row[1], row[2]) if row else None

    async def districts_by_code(self, codes: Collection[str]) -> dict[str, District]:
        stmt = select(District).where(any_of(District.code, codes, String()))
        return {d.code: d for d in (await self.session.scalars(stmt)).all()}

    async def districts_of_area(self, area_id: UUID) -> list[District]:
        stmt = select(District).where(District.area_id == area_id).order_by(District.code)
        return list((await self.session.scalars(stmt)).all())

    async def district(self, district_id: UUID) -> District:
        return (await self.session.scalars(select(District).where(District.id == district_id))).one()

    async def partners_by_code(self, codes: Collection[str]) -> dict[str, PartnerAgency]:
        stmt = select(PartnerAgency).where(any_of(PartnerAgency.code, codes, String()))
        return {p.code: p for p in (await self.session.scalars(stmt)).all()}

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

    async def districts_of(self, meeting_ids: Collection[UUID]) -> dict[UUID, list[str]]:
        stmt = (
            select(MeetingDistrict.meeting_id, District.code)
            .join(District, District.id == MeetingDistrict.district_id)
            .where(any_of(MeetingDistrict.meeting_id, meeting_ids, Uuid()))
            .order_by(District.code)
        )
        out: dict[UUID, list[str]] = {m: [] for m in meeting_ids}
        for meeting_id, code in (await self.session.execute(stmt)).all():
            out[meeting_id].append(code)
        return out

    async def agencies_of(self, meeting_ids: Collection[UUID]) -> dict[UUID, list[PartnerAgency]]:
        stmt = (
            select(MeetingAgency.meeting_id, PartnerAgency)
            .join(PartnerAgency, PartnerAgency.id == MeetingAgency.partner_agency_id)
            .where(any_of(MeetingAgency.meeting_id, meeting_ids, Uuid()))
            .order_by(PartnerAgency.code)
        )
        out: dict[UUID, list[PartnerAgency]] = {m: [] for m in meeting_ids}
        for meeting_id, partner in (await self.session.execute(stmt)).all():
            out[meeting_id].append(partner)
        return out

    # --- agenda and decisions ---------------------------------------------------------------------------

    def _pending(self, meeting: Meeting) -> Any:
        decided = exists(select(MeetingDecision.id).where(MeetingDecision.referral_id == Referral.id))
        covered = select(MeetingDistrict.district_id).where(MeetingDistrict.meeting_id == meeting.id)
        return (
            select(Referral, Subject, District.code)
            .join(Subject, Subject.id == Referral.subject_id)
            .join(District, District.id == Referral.district_id)
            .where(
                Referral.forum_id == meeting.forum_id,
                Referral.status.in_(PENDING),
                Referral.district_id.in_(covered),
                ~decided,
            )
        )

    async def agenda(self, meeting: Meeting) -> list[tuple[Referral, Subject, str]]:
        stmt = self._pending(meeting).order_by(Referral.sent_at, Referral.id).limit(500)
        return [(r[0], r[1], r[2]) for r in (await self.session.execute(stmt)).all()]

    async def pending_referral(self, meeting: Meeting, referral_id: UUID) -> tuple[Referral, Subject, str] | None:
        stmt = self._pending(meeting).where(Referral.id == referral_id).with_for_update(of=Referral)
        row = (await self.session.execute(stmt)).one_or_none()
        return (row[0], row[1], row[2]) if row else None

    async def decision_of(self, referral_id: UUID) -> MeetingDecision | None:
        stmt = select(MeetingDecision).where(MeetingDecision.referral_id == referral_id)
        return (await self.session.scalars(stmt)).one_or_none()

    async def add_decision(self, decision: MeetingDecision, actions: Sequence[MeetingAction]) -> None:
        self.session.add(decision)
        await self.session.flush()
        self.session.add_all(actions)
        await self.session.flush()

    async def decisions_of(self, meeting_id: UUID) -> list[tuple[MeetingDecision, Subject]]:
        stmt = (
            select(MeetingDecision, Subject)
            .join(Subject, Subject.id == MeetingDecision.subject_id)
            .where(MeetingDecision.meeting_id == meeting_id)
            .order_by(MeetingDecision.recorded_at, MeetingDecision.id)
        )
        return [(r[0], r[1]) for r in (await self.session.execute(stmt)).all()]

    # --- actions ----------------------------------------------------------------------------------------

    def _actions(self, scope: CaseworkScope) -> Any:
        stmt = (
            select(MeetingAction, Subject, PartnerAgency, CoordinatorArea.code)
            .join(Subject, Subject.id == MeetingAction.subject_id)
            .join(PartnerAgency, PartnerAgency.id == MeetingAction.owner_agency_id)
            .join(CoordinatorArea, CoordinatorArea.id == MeetingAction.area_id)
        )
        visible = visible_action(scope)
        return stmt if visible is None else stmt.where(visible)

    async def actions_page(
        self,
        page: PageParams,
        scope: CaseworkScope,
        *,
        today: date,
        agency: str | None,
        area: str | None,
        status: str | None,
        overdue: bool | None,
        meeting_id: UUID | None,
        subject_id: UUID | None,
    ) -> list[ActionRow]:
        stmt = self._actions(scope)
        if agency is not None:
            stmt = stmt.where(PartnerAgency.code == agency)
        if area is not None:
            stmt = stmt.where(CoordinatorArea.code == area)
        if status is not None:
            stmt = stmt.where(MeetingAction.status == status)
        if overdue is not None:
            late = overdue_clause(today)
            stmt = stmt.where(late if overdue else ~late)
        if meeting_id is not None:
            stmt = stmt.where(MeetingAction.meeting_id == meeting_id)
        if subject_id is not None:
            stmt = stmt.where(MeetingAction.subject_id == subject_id)
        rows = await self.session.execute(keyset(stmt, page, MeetingAction.due_on, MeetingAction.id))
        return [ActionRow(r[0], r[1], r[2], r[3]) for r in rows.all()]

    async def actions_of_meeting(self, meeting_id: UUID) -> list[ActionRow]:
        stmt = (
            self._actions(CaseworkScope(None))
            .where(MeetingAction.meeting_id == meeting_id)
            .order_by(MeetingAction.due_on, MeetingAction.id)
        )
        return [ActionRow(r[0], r[1], r[2], r[3]) for r in (await self.session.execute(stmt)).all()]

    async def actions_of_subjects(self, subject_ids: Collection[UUID]) -> list[ActionRow]:
        stmt = (
            self._actions(CaseworkScope(None))
            .where(any_of(MeetingAction.subject_id, subject_ids, Uuid()))
            .order_by(MeetingAction.due_on, MeetingAction.id)
        )
        return [ActionRow(r[0], r[1], r[2], r[3]) for r in (await self.session.execute(stmt)).all()]

    async def get_action(self, action_id: UUID, scope: CaseworkScope) -> ActionRow | None:
        row = (await self.session.execute(self._actions(scope).where(MeetingAction.id == action_id))).one_or_none()
        return ActionRow(row[0], row[1], row[2], row[3]) if row else None

    async def overdue_counts(self, scope: CaseworkScope, today: date) -> tuple[list[Any], list[Any]]:
        late = overdue_clause(today)
        visible = visible_action(scope)
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
