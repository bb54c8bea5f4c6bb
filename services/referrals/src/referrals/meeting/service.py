"""Meetings of forums: agendas from pending referrals, per-subject decisions and actions, minutes; actions
and their overdue counts per agency and coordinator area."""

from collections.abc import Sequence
from datetime import UTC, date, datetime
from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncSession

from referrals.access import CaseworkScope
from referrals.audit.schemas import AuditAction
from referrals.audit.service import record
from referrals.calendar import london_today
from referrals.meeting.exceptions import (
    ActionNotFound,
    AlreadyDecided,
    InvalidMeeting,
    MeetingNotFound,
    MeetingNotOpen,
    NotOnAgenda,
    OutsideYourDistricts,
    OwnerOnly,
)
from referrals.meeting.models import (
    OUTSTANDING_ACTIONS,
    ActionStatus,
    Meeting,
    MeetingAction,
    MeetingDecision,
    MeetingStatus,
)
from referrals.meeting.repository import ActionRow, MeetingRepository, MeetingRow
from referrals.meeting.schemas import (
    ActionRead,
    ActionUpdate,
    AgencyRef,
    Agenda,
    AgendaItem,
    DecisionCreate,
    DecisionRead,
    ForumRef,
    MeetingCreate,
    MeetingRead,
    MeetingSummary,
    MeetingUpdate,
    OverdueCount,
    OverdueSummary,
    PersonRef,
)
from referrals.reference.models import PartnerAgency
from referrals.reference.repository import ReferenceRepository
from referrals.referral.models import ReferralStatus
from referrals.subject.models import Subject
from referrals.versioning import expected_version, update_versioned
from vru_shared.auth import Principal
from vru_shared.pagination import PageParams

#: A meeting's status may move scheduled → held | cancelled, and a held meeting's minutes may be corrected.
MEETING_STEPS = {
    MeetingStatus.SCHEDULED: {MeetingStatus.SCHEDULED, MeetingStatus.HELD, MeetingStatus.CANCELLED},
    MeetingStatus.HELD: {MeetingStatus.HELD},
    MeetingStatus.CANCELLED: {MeetingStatus.CANCELLED},
}
#: What the owning agency may change on its actions.
OWNER_FIELDS = frozenset({"status", "note"})


def person(subject: Subject, *, with_id: bool = True) -> PersonRef:
    return PersonRef(
        id=subject.id if with_id else None,
        given_name=subject.given_name,
        family_name=subject.family_name,
        date_of_birth=subject.date_of_birth,
    )


def _agency(partner: PartnerAgency) -> AgencyRef:
    return AgencyRef(code=partner.code, name=partner.name)


def action_read(row: ActionRow, today: date, *, partner: bool = False) -> ActionRead:
    a = row.action
    return ActionRead(
        id=a.id,
        meeting_id=a.meeting_id,
        subject=person(row.subject, with_id=not partner),
        owner_agency=_agency(row.owner),
        area=row.area,
        description=a.description,
        due_on=a.due_on,
        status=ActionStatus(a.status),
        note=a.note,
        overdue=ActionStatus(a.status) in OUTSTANDING_ACTIONS and a.due_on < today,
        completed_at=a.completed_at,
        updated_at=a.updated_at,
        version=a.version,
    )


async def _summaries(repo: MeetingRepository, rows: Sequence[MeetingRow]) -> list[MeetingSummary]:
    ids = [r.meeting.id for r in rows]
    districts = await repo.districts_of(ids)
    agencies = await repo.agencies_of(ids)
    return [
        MeetingSummary(
            id=r.meeting.id,
            forum=ForumRef(code=r.forum.code, name=r.forum.name, kind=r.forum.kind),
            area=r.area,
            held_at=r.meeting.held_at,
            status=MeetingStatus(r.meeting.status),
            districts=districts[r.meeting.id],
            attending_agencies=[_agency(p) for p in agencies[r.meeting.id]],
            created_at=r.meeting.created_at,
            updated_at=r.meeting.updated_at,
            version=r.meeting.version,
        )
        for r in rows
    ]


async def _read(repo: MeetingRepository, row: MeetingRow) -> MeetingRead:
    (summary,) = await _summaries(repo, [row])
    today = london_today()
    actions: dict[UUID, list[ActionRead]] = {}
    for action in await repo.actions_of_meeting(row.meeting.id):
        actions.setdefault(action.action.decision_id, []).append(action_read(action, today))
    decisions = [
        DecisionRead(
            id=d.id,
            referral_id=d.referral_id,
            subject=person(subject),
            decision=d.decision,
            recorded_at=d.recorded_at,
            actions=actions.get(d.id, []),
        )
        for d, subject in await repo.decisions_of(row.meeting.id)
    ]
    return MeetingRead(**summary.model_dump(), minutes=row.meeting.minutes, decisions=decisions)


async def _meeting(
    repo: MeetingRepository, meeting_id: UUID, scope: CaseworkScope, *, lock: bool = False
) -> MeetingRow:
    row = await repo.get(meeting_id, scope.districts, for_update=lock)
    if row is None:
        raise MeetingNotFound(f"There is no meeting {meeting_id} that you can see.")
    return row


async def _partners(repo: MeetingRepository, codes: Sequence[str]) -> list[PartnerAgency]:
    found = await repo.partners_by_code(set(codes))
    unknown = sorted(set(codes) - set(found))
    if unknown:
        raise InvalidMeeting(f"Unknown partner agency: {', '.join(unknown)}.")
    return [found[c] for c in dict.fromkeys(codes)]


async def list_meetings(
    session: AsyncSession,
    *,
    scope: CaseworkScope,
    page: PageParams,
    forum: str | None,
    area: str | None,
    held_from: datetime | None,
    held_to: datetime | None,
) -> list[MeetingSummary]:
    repo = MeetingRepository(session)
    rows = await repo.page(page, scope.districts, forum=forum, area=area, held_from=held_from, held_to=held_to)
    return await _summaries(repo, rows)


async def get_meeting(
    session: AsyncSession, *, principal: Principal, scope: CaseworkScope, meeting_id: UUID
) -> MeetingRead:
    repo = MeetingRepository(session)
    result = await _read(repo, await _meeting(repo, meeting_id, scope))
    await record(
        session,
        principal=principal,
        action=AuditAction.READ,
        record_type="meeting",
        record_ids=[meeting_id, *(d.subject.id for d in result.decisions if d.subject.id)],
        purpose="meeting",
    )
    return result


async def create_meeting(
    session: AsyncSession, *, principal: Principal, scope: CaseworkScope, data: MeetingCreate
) -> MeetingRead:
    repo = MeetingRepository(session)
    reference = ReferenceRepository(session)
    found = await reference.get_forum(data.forum)
    if found is None:
        raise InvalidMeeting(f"There is no forum '{data.forum}'.")
    forum = found[0]
    if data.districts is not None:
        by_code = await repo.districts_by_code(set(data.districts))
        unknown = sorted(set(data.districts) - set(by_code))
        if unknown:
            raise InvalidMeeting(f"Unknown district: {', '.join(unknown)}.")
        districts = [by_code[c] for c in dict.fromkeys(data.districts)]
    elif forum.district_id is not None:
        districts = [await repo.district(forum.district_id)]
    elif forum.area_id is not None:
        districts = await repo.districts_of_area(forum.area_id)
    else:
        raise InvalidMeeting(f"Name the districts this sitting of '{forum.code}' covers.")
    if scope.districts is not None and not {d.code for d in districts} <= scope.districts:
        raise OutsideYourDistricts("You can convene meetings only for your own districts.")
    # The forum's area; a DCSM's district's area; for a county-wide forum, the first district's area.
    area_id = forum.area_id or districts[0].area_id
    partners = await _partners(repo, data.attending_agencies)
    meeting = Meeting(
        forum_id=forum.id,
        area_id=area_id,
        held_at=data.held_at,
        status=MeetingStatus.SCHEDULED.value,
        created_by=principal.subject,
        version=1,
    )
    await repo.add_meeting(meeting, [d.id for d in districts], [p.id for p in partners])
    return await _read(repo, await _meeting(repo, meeting.id, scope))


async def update_meeting(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: CaseworkScope,
    meeting_id: UUID,
    data: MeetingUpdate,
    if_match: str | None,
) -> MeetingRead:
    repo = MeetingRepository(session)
    row = await _meeting(repo, meeting_id, scope)
    version = expected_version(if_match, row.meeting.version)
    current = MeetingStatus(row.meeting.status)
    if data.status is not None and data.status not in MEETING_STEPS[current]:
        raise MeetingNotOpen(f"A {current.value} meeting cannot become {data.status.value}.")
    values: dict[str, object] = {}
    if data.held_at is not None:
        values["held_at"] = data.held_at
    if data.status is not None:
        values["status"] = data.status.value
    if data.minutes is not None:
        values["minutes"] = data.minutes
    await update_versioned(session, Meeting, meeting_id, version, values)
    if data.attending_agencies is not None:
        await repo.replace_agencies(meeting_id, [p.id for p in await _partners(repo, data.attending_agencies)])
    if data.minutes is not None:
        await record(
            session,
            principal=principal,
            action=AuditAction.UPDATE,
            record_type="meeting",
            record_ids=[meeting_id],
            purpose="meeting minutes",
        )
    return await _read(repo, await _meeting(repo, meeting_id, scope))


async def agenda(session: AsyncSession, *, principal: Principal, scope: CaseworkScope, meeting_id: UUID) -> Agenda:
    repo = MeetingRepository(session)
    row = await _meeting(repo, meeting_id, scope)
    rows = await repo.agenda(row.meeting)
    items = [
        AgendaItem(
            referral_id=referral.id,
            subject=person(subject),
            district=district,
            reason=referral.reason,
            status=ReferralStatus(referral.status),
            sent_at=referral.sent_at,
        )
        for referral, subject, district in rows
    ]
    if items:
        await record(
            session,
            principal=principal,
            action=AuditAction.READ,
            record_type="referral",
            record_ids=[i.referral_id for i in items] + list(dict.fromkeys(s.id for _, s, _ in rows)),
            purpose="meeting agenda",
        )
    return Agenda(meeting_id=meeting_id, items=items)


async def record_decision(
    session: AsyncSession, *, principal: Principal, scope: CaseworkScope, meeting_id: UUID, data: DecisionCreate
) -> DecisionRead:
    repo = MeetingRepository(session)
    row = await _meeting(repo, meeting_id, scope, lock=True)
    if row.meeting.status == MeetingStatus.CANCELLED.value:
        raise MeetingNotOpen("The meeting was cancelled.")
    earlier = await repo.decision_of(data.referral_id)
    if earlier is not None:
        raise AlreadyDecided(
            f"A decision on referral {data.referral_id} was already recorded (meeting {earlier.meeting_id}).",
            extra={"decision_id": str(earlier.id), "meeting_id": str(earlier.meeting_id)},
        )
    pending = await repo.pending_referral(row.meeting, data.referral_id)
    if pending is None:
        raise NotOnAgenda(
            f"Referral {data.referral_id} is not on this meeting's agenda (sent to this forum, in its districts, open)."
        )
    referral, subject, _ = pending
    partners = await _partners(repo, [a.owner_agency for a in data.actions])
    owners = {p.code: p for p in partners}
    decision = MeetingDecision(
        id=uuid4(),
        meeting_id=meeting_id,
        referral_id=referral.id,
        subject_id=subject.id,
        decision=data.decision,
        recorded_by=principal.subject,
    )
    actions = [
        MeetingAction(
            meeting_id=meeting_id,
            decision_id=decision.id,
            subject_id=subject.id,
            owner_agency_id=owners[a.owner_agency].id,
            area_id=row.meeting.area_id,
            description=a.description,
            due_on=a.due_on,
            status=ActionStatus.OPEN.value,
            version=1,
        )
        for a in data.actions
    ]
    await repo.add_decision(decision, actions)
    await record(
        session,
        principal=principal,
        action=AuditAction.CREATE,
        record_type="meeting_decision",
        record_ids=[decision.id, referral.id, subject.id, *(a.id for a in actions)],
        purpose="meeting decision and actions",
    )
    result = await _read(repo, row)
    return next(d for d in result.decisions if d.id == decision.id)


async def list_actions(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: CaseworkScope,
    page: PageParams,
    agency: str | None,
    area: str | None,
    status: ActionStatus | None,
    overdue: bool | None,
    meeting_id: UUID | None,
    subject_id: UUID | None,
) -> list[ActionRead]:
    repo = MeetingRepository(session)
    today = london_today()
    rows = await repo.actions_page(
        page,
        scope,
        today=today,
        agency=agency,
        area=area,
        status=status.value if status else None,
        overdue=overdue,
        meeting_id=meeting_id,
        subject_id=None if scope.partner else subject_id,
    )
    if rows:
        await record(
            session,
            principal=principal,
            action=AuditAction.READ,
            record_type="meeting_action",
            record_ids=[r.action.id for r in rows[: page.limit]],
            purpose=await _purpose(session, scope, "meeting actions"),
        )
    return [action_read(r, today, partner=scope.partner) for r in rows]


async def _purpose(session: AsyncSession, scope: CaseworkScope, purpose: str) -> str:
    if not scope.partner:
        return purpose
    partner = await ReferenceRepository(session).partner_for_identity_agency(scope.agency)
    return f"{purpose} shared with {partner.name} ({partner.code})" if partner else purpose


async def _action(repo: MeetingRepository, action_id: UUID, scope: CaseworkScope) -> ActionRow:
    row = await repo.get_action(action_id, scope)
    if row is None:
        raise ActionNotFound(f"There is no action {action_id} that you can see.")
    return row


async def get_action(
    session: AsyncSession, *, principal: Principal, scope: CaseworkScope, action_id: UUID
) -> ActionRead:
    repo = MeetingRepository(session)
    row = await _action(repo, action_id, scope)
    await record(
        session,
        principal=principal,
        action=AuditAction.READ,
        record_type="meeting_action",
        record_ids=[action_id],
        purpose=await _purpose(session, scope, "meeting action"),
    )
    return action_read(row, london_today(), partner=scope.partner)


async def update_action(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: CaseworkScope,
    action_id: UUID,
    data: ActionUpdate,
    if_match: str | None,
) -> ActionRead:
    repo = MeetingRepository(session)
    row = await _action(repo, action_id, scope)
    version = expected_version(if_match, row.action.version)
    if scope.partner and data.model_fields_set - OWNER_FIELDS:
        raise OwnerOnly("The owning agency may change an action's status and note; VRU staff the rest.")
    values: dict[str, object] = {name: getattr(data, name) for name in data.model_fields_set}
    if data.status is not None:
        values["status"] = data.status.value
        done = data.status in (ActionStatus.DONE, ActionStatus.CANCELLED)
        values["completed_at"] = datetime.now(UTC) if done else None
    await update_versioned(session, MeetingAction, action_id, version, values)
    await record(
        session,
        principal=principal,
        action=AuditAction.UPDATE,
        record_type="meeting_action",
        record_ids=[action_id],
        purpose=await _purpose(session, scope, "meeting action updated"),
    )
    return action_read(await _action(repo, action_id, scope), london_today(), partner=scope.partner)


async def overdue_summary(session: AsyncSession, *, scope: CaseworkScope) -> OverdueSummary:
    today = london_today()
    by_agency, by_area = await MeetingRepository(session).overdue_counts(scope, today)
    return OverdueSummary(
        on=today,
        by_agency=[OverdueCount(code=c, name=n, overdue=k) for c, n, k in by_agency],
        by_area=[OverdueCount(code=c, name=n, overdue=k) for c, n, k in by_area],
    )
