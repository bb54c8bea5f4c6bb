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
from referrals.db import event_outbox
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
    ActionStatus,
    Meeting,
    MeetingAction,
    MeetingDecision,
    MeetingStatus,
)
from referrals.meeting.repository import ActionRepository, MeetingRepository
from referrals.meeting.schemas import (
    ActionRead,
    ActionUpdate,
    Agenda,
    AgendaItem,
    DecisionCreate,
    MeetingCreate,
    MeetingUpdate,
    OverdueCount,
    OverdueSummary,
)
from referrals.reference.models import PartnerAgency
from referrals.reference.repository import DistrictRepository, ForumRepository, PartnerAgencyRepository
from vru_shared.auth import Principal
from vru_shared.etag import check_if_match
from vru_shared.events import Audience, publish
from vru_shared.pagination import PageParams

#: A meeting's status may move scheduled → held | cancelled, and a held meeting's minutes may be corrected.
MEETING_STEPS = {
    MeetingStatus.SCHEDULED: {MeetingStatus.SCHEDULED, MeetingStatus.HELD, MeetingStatus.CANCELLED},
    MeetingStatus.HELD: {MeetingStatus.HELD},
    MeetingStatus.CANCELLED: {MeetingStatus.CANCELLED},
}
#: What the owning agency may change on its actions.
OWNER_FIELDS = frozenset({"status", "note"})


def action_read(action: MeetingAction, today: date, *, partner: bool) -> ActionRead:
    """The action as its audience sees it on ``today``: a partner agency gets the young person without the id."""
    read = ActionRead.model_validate(action)
    subject = read.subject.model_copy(update={"id": None}) if partner else read.subject
    return read.model_copy(update={"subject": subject, "overdue": action.overdue_on(today)})


async def _meeting(repo: MeetingRepository, meeting_id: UUID, scope: CaseworkScope, *, lock: bool = False) -> Meeting:
    meeting = await repo.get_visible(meeting_id, scope.districts, for_update=lock)
    if meeting is None:
        raise MeetingNotFound(f"There is no meeting {meeting_id} that you can see.")
    return meeting


async def _partners(session: AsyncSession, codes: Sequence[str]) -> list[PartnerAgency]:
    found = await PartnerAgencyRepository(session).by_codes(set(codes))
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
) -> Sequence[Meeting]:
    return await MeetingRepository(session).find(
        page, scope.districts, forum=forum, area=area, held_from=held_from, held_to=held_to
    )


async def get_meeting(
    session: AsyncSession, *, principal: Principal, scope: CaseworkScope, meeting_id: UUID
) -> Meeting:
    meeting = await _meeting(MeetingRepository(session), meeting_id, scope)
    await record(
        session,
        principal=principal,
        action=AuditAction.READ,
        record_type="meeting",
        record_ids=[meeting_id, *(d.subject_id for d in meeting.decisions)],
        purpose="meeting",
    )
    return meeting


async def create_meeting(
    session: AsyncSession, *, principal: Principal, scope: CaseworkScope, data: MeetingCreate
) -> Meeting:
    repo = MeetingRepository(session)
    districts_repo = DistrictRepository(session)
    forum = await ForumRepository(session).get_by(code=data.forum)
    if forum is None:
        raise InvalidMeeting(f"There is no forum '{data.forum}'.")
    if data.districts is not None:
        by_code = await districts_repo.by_codes(set(data.districts))
        unknown = sorted(set(data.districts) - set(by_code))
        if unknown:
            raise InvalidMeeting(f"Unknown district: {', '.join(unknown)}.")
        districts = [by_code[c] for c in dict.fromkeys(data.districts)]
    elif forum.district is not None:
        districts = [forum.district]
    elif forum.area_id is not None:
        districts = await districts_repo.of_area(forum.area_id)
    else:
        raise InvalidMeeting(f"Name the districts this sitting of '{forum.code}' covers.")
    if scope.districts is not None and not {d.code for d in districts} <= scope.districts:
        raise OutsideYourDistricts("You can convene meetings only for your own districts.")
    # The forum's area; a DCSM's district's area; for a county-wide forum, the first district's area.
    area_id = forum.area_id or districts[0].area_id
    partners = await _partners(session, data.attending_agencies)
    meeting = Meeting(
        forum_id=forum.id,
        area_id=area_id,
        held_at=data.held_at,
        status=MeetingStatus.SCHEDULED.value,
        created_by=principal.subject,
    )
    await repo.add_meeting(meeting, [d.id for d in districts], [p.id for p in partners])
    return await _meeting(repo, meeting.id, scope)


async def update_meeting(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: CaseworkScope,
    meeting_id: UUID,
    data: MeetingUpdate,
    if_match: str | None,
) -> Meeting:
    repo = MeetingRepository(session)
    meeting = await _meeting(repo, meeting_id, scope)
    check_if_match(if_match, meeting.version)
    current = MeetingStatus(meeting.status)
    if data.status is not None and data.status not in MEETING_STEPS[current]:
        raise MeetingNotOpen(f"A {current.value} meeting cannot become {data.status.value}.")
    values: dict[str, object] = {"updated_at": datetime.now(UTC)}
    if data.held_at is not None:
        values["held_at"] = data.held_at
    if data.status is not None:
        values["status"] = data.status.value
    if data.minutes is not None:
        values["minutes"] = data.minutes
    await repo.update(meeting, values)
    if data.attending_agencies is not None:
        await repo.replace_agencies(meeting_id, [p.id for p in await _partners(session, data.attending_agencies)])
    if data.minutes is not None:
        await record(
            session,
            principal=principal,
            action=AuditAction.UPDATE,
            record_type="meeting",
            record_ids=[meeting_id],
            purpose="meeting minutes",
        )
    return await _meeting(repo, meeting_id, scope)


async def agenda(session: AsyncSession, *, principal: Principal, scope: CaseworkScope, meeting_id: UUID) -> Agenda:
    repo = MeetingRepository(session)
    referrals = await repo.agenda(await _meeting(repo, meeting_id, scope))
    if referrals:
        await record(
            session,
            principal=principal,
            action=AuditAction.READ,
            record_type="referral",
            record_ids=[r.id for r in referrals] + list(dict.fromkeys(r.subject_id for r in referrals)),
            purpose="meeting agenda",
        )
    return Agenda(meeting_id=meeting_id, items=[AgendaItem.model_validate(r) for r in referrals])


async def record_decision(
    session: AsyncSession, *, principal: Principal, scope: CaseworkScope, meeting_id: UUID, data: DecisionCreate
) -> MeetingDecision:
    repo = MeetingRepository(session)
    meeting = await _meeting(repo, meeting_id, scope, lock=True)
    if meeting.status == MeetingStatus.CANCELLED.value:
        raise MeetingNotOpen("The meeting was cancelled.")
    earlier = await repo.decision_of(data.referral_id)
    if earlier is not None:
        raise AlreadyDecided(
            f"A decision on referral {data.referral_id} was already recorded (meeting {earlier.meeting_id}).",
            extra={"decision_id": str(earlier.id), "meeting_id": str(earlier.meeting_id)},
        )
    referral = await repo.pending_referral(meeting, data.referral_id)
    if referral is None:
        raise NotOnAgenda(
            f"Referral {data.referral_id} is not on this meeting's agenda (sent to this forum, in its districts, open)."
        )
    owners = {p.code: p for p in await _partners(session, [a.owner_agency for a in data.actions])}
    decision = MeetingDecision(
        id=uuid4(),
        meeting_id=meeting_id,
        referral_id=referral.id,
        subject_id=referral.subject_id,
        decision=data.decision,
        recorded_by=principal.subject,
    )
    actions = [
        MeetingAction(
            meeting_id=meeting_id,
            decision_id=decision.id,
            subject_id=referral.subject_id,
            owner_agency_id=owners[a.owner_agency].id,
            area_id=meeting.area_id,
            description=a.description,
            due_on=a.due_on,
            status=ActionStatus.OPEN.value,
        )
        for a in data.actions
    ]
    await repo.add_decision(decision, actions)
    for meeting_action in actions:
        owner = next(p for p in owners.values() if p.id == meeting_action.owner_agency_id)
        await publish(
            session,
            event_outbox,
            "meeting_action.assigned",
            record_id=meeting_action.id,
            path=f"/v1/actions/{meeting_action.id}",
            audience=Audience([owner.identity_agency_id] if owner.identity_agency_id is not None else []),
            status=meeting_action.status,
            district=referral.district.code,
            extra={
                "owner_agency": owner.code,
                "meeting_id": str(meeting_id),
                "due_on": meeting_action.due_on.isoformat(),
            },
        )
    await record(
        session,
        principal=principal,
        action=AuditAction.CREATE,
        record_type="meeting_decision",
        record_ids=[decision.id, referral.id, referral.subject_id, *(a.id for a in actions)],
        purpose="meeting decision and actions",
    )
    meeting = await _meeting(repo, meeting_id, scope)
    return next(d for d in meeting.decisions if d.id == decision.id)


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
    today = london_today()
    actions = await ActionRepository(session).find(
        page,
        scope,
        today=today,
        agency=agency,
        area=area,
        status=status,
        overdue=overdue,
        meeting_id=meeting_id,
        subject_id=None if scope.partner else subject_id,
    )
    if actions:
        await record(
            session,
            principal=principal,
            action=AuditAction.READ,
            record_type="meeting_action",
            record_ids=[a.id for a in actions[: page.limit]],
            purpose=await _purpose(session, scope, "meeting actions"),
        )
    return [action_read(a, today, partner=scope.partner) for a in actions]


async def _purpose(session: AsyncSession, scope: CaseworkScope, purpose: str) -> str:
    if not scope.partner:
        return purpose
    return await PartnerAgencyRepository(session).named_for(scope.agency, purpose, joiner="shared with")


async def _action(repo: ActionRepository, action_id: UUID, scope: CaseworkScope) -> MeetingAction:
    action = await repo.get_visible(action_id, scope)
    if action is None:
        raise ActionNotFound(f"There is no action {action_id} that you can see.")
    return action


async def get_action(
    session: AsyncSession, *, principal: Principal, scope: CaseworkScope, action_id: UUID
) -> ActionRead:
    action = await _action(ActionRepository(session), action_id, scope)
    await record(
        session,
        principal=principal,
        action=AuditAction.READ,
        record_type="meeting_action",
        record_ids=[action_id],
        purpose=await _purpose(session, scope, "meeting action"),
    )
    return action_read(action, london_today(), partner=scope.partner)


async def update_action(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: CaseworkScope,
    action_id: UUID,
    data: ActionUpdate,
    if_match: str | None,
) -> ActionRead:
    repo = ActionRepository(session)
    action = await _action(repo, action_id, scope)
    check_if_match(if_match, action.version)
    if scope.partner and data.model_fields_set - OWNER_FIELDS:
        raise OwnerOnly("The owning agency may change an action's status and note; VRU staff the rest.")
    values: dict[str, object] = {name: getattr(data, name) for name in data.model_fields_set}
    values["updated_at"] = datetime.now(UTC)
    if data.status is not None:
        values["status"] = data.status.value
        done = data.status in (ActionStatus.DONE, ActionStatus.CANCELLED)
        values["completed_at"] = datetime.now(UTC) if done else None
    if data.due_on is not None and data.due_on != action.due_on:
        values["overdue_announced_at"] = None  # a new due date: announced again if it passes too
    await repo.update(action, values)
    await record(
        session,
        principal=principal,
        action=AuditAction.UPDATE,
        record_type="meeting_action",
        record_ids=[action_id],
        purpose=await _purpose(session, scope, "meeting action updated"),
    )
    return action_read(action, london_today(), partner=scope.partner)


async def overdue_summary(session: AsyncSession, *, scope: CaseworkScope) -> OverdueSummary:
    today = london_today()
    by_agency, by_area = await ActionRepository(session).overdue_counts(scope, today)
    return OverdueSummary(
        on=today,
        by_agency=[OverdueCount(code=c, name=n, overdue=k) for c, n, k in by_agency],
        by_area=[OverdueCount(code=c, name=n, overdue=k) for c, n, k in by_area],
    )
