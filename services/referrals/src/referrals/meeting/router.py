from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from referrals.access import READ_ACTIONS, READ_CASEWORK, WORK_ACTIONS, WORK_CASEWORK, casework_scope
from referrals.meeting import service
from referrals.meeting.dependencies import (
    ActionId,
    ActionStatusFilter,
    CodeFilter,
    HeldFrom,
    HeldTo,
    MeetingFilter,
    MeetingId,
    OverdueFilter,
    SubjectFilter,
)
from referrals.meeting.models import Meeting, MeetingDecision
from referrals.meeting.schemas import (
    ActionRead,
    ActionUpdate,
    Agenda,
    DecisionCreate,
    DecisionRead,
    MeetingCreate,
    MeetingRead,
    MeetingSummary,
    MeetingUpdate,
    OverdueSummary,
)
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.etag import IfMatch, set_etag
from vru_shared.pagination import ChangeFeed, Page, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["meetings"])
Reader = Annotated[Principal, Depends(READ_CASEWORK)]
Worker = Annotated[Principal, Depends(WORK_CASEWORK)]
ActionReader = Annotated[Principal, Depends(READ_ACTIONS)]
ActionWorker = Annotated[Principal, Depends(WORK_ACTIONS)]


@router.get(
    "/v1/meetings",
    summary="List meetings",
    description="Forum sittings, most recent first. Filter by `forum`, coordinator `area` and period. A "
    "coordinator sees the meetings covering one of their districts.",
    response_model=Page[MeetingSummary],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_meetings(
    session: Session,
    principal: Reader,
    page: ChangeFeed,
    request: Request,
    response: Response,
    forum: CodeFilter = None,
    area: CodeFilter = None,
    held_from: HeldFrom = None,
    held_to: HeldTo = None,
) -> Page[Any]:
    rows = await service.list_meetings(
        session,
        scope=casework_scope(principal),
        page=page,
        forum=forum,
        area=area,
        held_from=held_from,
        held_to=held_to,
    )
    return paginate(rows, page, lambda m: (m.held_at, m.id), request, response)


@router.post(
    "/v1/meetings",
    status_code=201,
    summary="Schedule a meeting",
    description="A sitting of a forum (DCSM, CARM, the area's multi-agency meeting): when, the districts it "
    "covers (default: the forum's) and the attending agencies. Coordinators for their own districts, analysts.",
    response_model=MeetingRead,
    responses=problem_responses(401, 403, 422),
)
async def create_meeting(session: Session, principal: Worker, data: MeetingCreate, response: Response) -> Meeting:
    meeting = await service.create_meeting(session, principal=principal, scope=casework_scope(principal), data=data)
    response.headers["Location"] = f"/v1/meetings/{meeting.id}"
    set_etag(response, meeting.version)
    return meeting


@router.get(
    "/v1/meetings/{meeting_id}",
    summary="Get a meeting",
    description="A meeting with its minutes and the decisions and actions recorded at it, and its `ETag`. "
    "Recorded in the audit log.",
    response_model=MeetingRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_meeting(session: Session, principal: Reader, meeting_id: MeetingId, response: Response) -> Meeting:
    meeting = await service.get_meeting(
        session, principal=principal, scope=casework_scope(principal), meeting_id=meeting_id
    )
    set_etag(response, meeting.version)
    return meeting


@router.patch(
    "/v1/meetings/{meeting_id}",
    summary="Update a meeting (minutes, held, attendance)",
    description="Record that the meeting was held (or cancelled), store its minutes, change who attended or "
    "when. Requires `If-Match` (428 without it, 412 when stale).",
    response_model=MeetingRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def update_meeting(
    session: Session,
    principal: Worker,
    meeting_id: MeetingId,
    data: MeetingUpdate,
    response: Response,
    if_match: IfMatch = None,
) -> Meeting:
    meeting = await service.update_meeting(
        session,
        principal=principal,
        scope=casework_scope(principal),
        meeting_id=meeting_id,
        data=data,
        if_match=if_match,
    )
    set_etag(response, meeting.version)
    return meeting


@router.get(
    "/v1/meetings/{meeting_id}/agenda",
    summary="The meeting's agenda",
    description="Built from the referrals sent to the meeting's forum for its districts that are still open and "
    "have not yet been discussed (no decision recorded), oldest first. Recorded in the audit log.",
    response_model=Agenda,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_agenda(session: Session, principal: Reader, meeting_id: MeetingId) -> Agenda:
    return await service.agenda(session, principal=principal, scope=casework_scope(principal), meeting_id=meeting_id)


@router.post(
    "/v1/meetings/{meeting_id}/decisions",
    status_code=201,
    summary="Record a decision and actions",
    description="The meeting's decision for the young person of one referral on its agenda, with the actions "
    "agreed (owning agency, description, due date). The referral leaves the agenda. 409 when it is not on "
    "the agenda or was already decided.",
    response_model=DecisionRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def record_decision(
    session: Session, principal: Worker, meeting_id: MeetingId, data: DecisionCreate
) -> MeetingDecision:
    return await service.record_decision(
        session, principal=principal, scope=casework_scope(principal), meeting_id=meeting_id, data=data
    )


actions_router = APIRouter(tags=["meeting actions"])


@actions_router.get(
    "/v1/actions/overdue-summary",
    summary="Overdue actions per agency and per area",
    description="How many actions are open or in progress past their due date (UK date), per owning agency "
    "and per coordinator area. VRU staff (a coordinator counts the meetings of their districts).",
    response_model=OverdueSummary,
    responses=problem_responses(401, 403),
)
async def overdue_summary(session: Session, principal: Reader) -> OverdueSummary:
    return await service.overdue_summary(session, scope=casework_scope(principal))


@actions_router.get(
    "/v1/actions",
    summary="List meeting actions",
    description="Actions agreed at meetings, soonest due first. Filter by owning `agency`, coordinator `area`, "
    "`status`, `overdue`, `meeting_id` and `subject_id`; `overdue=true&agency=…` lists an agency's overdue "
    "actions, `overdue=true&area=…` an area's. A partner agency sees the actions its agency owns (the young "
    "person's name and date of birth only). Recorded in the audit log.",
    response_model=Page[ActionRead],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_actions(
    session: Session,
    principal: ActionReader,
    page: ChangeFeed,
    request: Request,
    response: Response,
    agency: CodeFilter = None,
    area: CodeFilter = None,
    status: ActionStatusFilter = None,
    overdue: OverdueFilter = None,
    meeting_id: MeetingFilter = None,
    subject_id: SubjectFilter = None,
) -> Page[ActionRead]:
    rows = await service.list_actions(
        session,
        principal=principal,
        scope=casework_scope(principal),
        page=page,
        agency=agency,
        area=area,
        status=status,
        overdue=overdue,
        meeting_id=meeting_id,
        subject_id=subject_id,
    )
    return paginate(rows, page, lambda a: (a.due_on, a.id), request, response)


@actions_router.get(
    "/v1/actions/{action_id}",
    summary="Get an action",
    description="One action and its `ETag`. A partner agency sees only its own agency's. Recorded in the audit log.",
    response_model=ActionRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_action(session: Session, principal: ActionReader, action_id: ActionId, response: Response) -> ActionRead:
    action = await service.get_action(
        session, principal=principal, scope=casework_scope(principal), action_id=action_id
    )
    set_etag(response, action.version)
    return action


@actions_router.patch(
    "/v1/actions/{action_id}",
    summary="Update an action",
    description="Progress an action: the owning agency may change `status` and `note`; VRU staff also the "
    "description and due date. Requires `If-Match` (428 without it, 412 when stale).",
    response_model=ActionRead,
    responses=problem_responses(401, 403, 404, 412, 422, 428),
)
async def update_action(
    session: Session,
    principal: ActionWorker,
    action_id: ActionId,
    data: ActionUpdate,
    response: Response,
    if_match: IfMatch = None,
) -> ActionRead:
    action = await service.update_action(
        session,
        principal=principal,
        scope=casework_scope(principal),
        action_id=action_id,
        data=data,
        if_match=if_match,
    )
    set_etag(response, action.version)
    return action
