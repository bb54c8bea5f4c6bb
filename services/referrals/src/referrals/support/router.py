from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from referrals.access import READ_CASEWORK, WORK_CASEWORK, casework_scope
from referrals.support import service
from referrals.support.dependencies import InterventionId, PlanId, SubjectFilter
from referrals.support.models import Intervention, SupportPlan
from referrals.support.schemas import (
    InterventionCreate,
    InterventionRead,
    InterventionUpdate,
    SupportPlanCreate,
    SupportPlanRead,
    SupportPlanSummary,
    SupportPlanUpdate,
)
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.etag import IfMatch, set_etag
from vru_shared.pagination import ChangeFeed, Page, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["support plans"])
Reader = Annotated[Principal, Depends(READ_CASEWORK)]
Worker = Annotated[Principal, Depends(WORK_CASEWORK)]


@router.get(
    "/v1/support-plans",
    summary="List support plans",
    description="Support plans, newest first; `subject_id` for one young person's. A coordinator sees those of "
    "young people in their districts. Recorded in the audit log.",
    response_model=Page[SupportPlanSummary],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_plans(
    session: Session,
    principal: Reader,
    page: ChangeFeed,
    request: Request,
    response: Response,
    subject_id: SubjectFilter = None,
) -> Page[Any]:
    rows = await service.list_plans(
        session, principal=principal, scope=casework_scope(principal), page=page, subject_id=subject_id
    )
    return paginate(rows, page, lambda p: (p.created_at, p.id), request, response)


@router.post(
    "/v1/support-plans",
    status_code=201,
    summary="Start a support plan",
    description="A young person's support plan, optionally from one of their referrals. One active plan per "
    "young person: 409 naming it (`existing_plan_id`) when there is one.",
    response_model=SupportPlanRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def create_plan(session: Session, principal: Worker, data: SupportPlanCreate, response: Response) -> SupportPlan:
    plan = await service.create_plan(session, principal=principal, scope=casework_scope(principal), data=data)
    response.headers["Location"] = f"/v1/support-plans/{plan.id}"
    set_etag(response, plan.version)
    return plan


@router.get(
    "/v1/support-plans/{plan_id}",
    summary="Get a support plan",
    description="A plan with its interventions, and its `ETag`. Recorded in the audit log.",
    response_model=SupportPlanRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_plan(session: Session, principal: Reader, plan_id: PlanId, response: Response) -> SupportPlan:
    plan = await service.get_plan(session, principal=principal, scope=casework_scope(principal), plan_id=plan_id)
    set_etag(response, plan.version)
    return plan


@router.patch(
    "/v1/support-plans/{plan_id}",
    summary="Update or close a support plan",
    description="Change the summary or close the plan. Requires `If-Match` (428 without it, 412 when stale).",
    response_model=SupportPlanRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def update_plan(
    session: Session,
    principal: Worker,
    plan_id: PlanId,
    data: SupportPlanUpdate,
    response: Response,
    if_match: IfMatch = None,
) -> SupportPlan:
    plan = await service.update_plan(
        session, principal=principal, scope=casework_scope(principal), plan_id=plan_id, data=data, if_match=if_match
    )
    set_etag(response, plan.version)
    return plan


@router.post(
    "/v1/support-plans/{plan_id}/interventions",
    status_code=201,
    summary="Add an intervention",
    description="An intervention agreed for the young person: electronic tag, NRM submission, education "
    "re-engagement, substance-misuse support, diversionary activity, … with provider and dates. An outcome "
    "is required to record it completed or stopped. Returns the new intervention with its `Location` and "
    "`ETag`; the plan's own ETag moves on too (read the plan again before changing it).",
    response_model=InterventionRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def add_intervention(
    session: Session, principal: Worker, plan_id: PlanId, data: InterventionCreate, response: Response
) -> Intervention:
    intervention = await service.add_intervention(
        session, principal=principal, scope=casework_scope(principal), plan_id=plan_id, data=data
    )
    response.headers["Location"] = f"/v1/interventions/{intervention.id}"
    set_etag(response, intervention.version)
    return intervention


@router.get(
    "/v1/interventions/{intervention_id}",
    summary="Get an intervention",
    description="One intervention of a support plan, with its `ETag` for a later PATCH. Recorded in the audit log.",
    response_model=InterventionRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_intervention(
    session: Session, principal: Reader, intervention_id: InterventionId, response: Response
) -> Intervention:
    intervention = await service.get_intervention(
        session, principal=principal, scope=casework_scope(principal), intervention_id=intervention_id
    )
    set_etag(response, intervention.version)
    return intervention


@router.patch(
    "/v1/interventions/{intervention_id}",
    summary="Update an intervention",
    description="Record progress and the outcome. Requires `If-Match` with the intervention's `version` as "
    '`"v<version>"` (428 without it, 412 when stale).',
    response_model=InterventionRead,
    responses=problem_responses(401, 403, 404, 412, 422, 428),
)
async def update_intervention(
    session: Session,
    principal: Worker,
    intervention_id: InterventionId,
    data: InterventionUpdate,
    response: Response,
    if_match: IfMatch = None,
) -> Intervention:
    intervention = await service.update_intervention(
        session,
        principal=principal,
        scope=casework_scope(principal),
        intervention_id=intervention_id,
        data=data,
        if_match=if_match,
    )
    set_etag(response, intervention.version)
    return intervention
