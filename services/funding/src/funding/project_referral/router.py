from fastapi import APIRouter, Depends, Request, Response, status

from funding.access import COUNT_REFERRALS, READ_GRANTS, READ_REFERENCE
from funding.grant.models import ProjectReferral
from funding.project.dependencies import ProjectId
from funding.project_referral import service
from funding.project_referral.dependencies import ReferralId, ServedDistrict
from funding.project_referral.schemas import ProjectReferralCreate, ProjectReferralRead, ReferralDestination
from vru_shared.auth import CurrentPrincipal
from vru_shared.db import Session
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["organisations and projects"])


@router.get(
    "/v1/projects/referral-destinations",
    summary="Funded projects a young person can be referred to",
    description="The active projects serving `district` that an active grant funds, by name: the referrals "
    "service offers them to coordinators as referral destinations. Each names the grant whose monitoring "
    "figures count the referrals the project accepts. VRU staff and services.",
    response_model=Page[ReferralDestination],
    responses=problem_responses(400, 401, 403, 422),
    dependencies=[Depends(READ_REFERENCE)],
)
async def list_referral_destinations(
    session: Session, page: Pagination, request: Request, response: Response, district: ServedDistrict
) -> Page[ReferralDestination]:
    projects = await service.list_destinations(session, page=page, district=district)
    rows = [ReferralDestination.model_validate(p) for p in projects]
    return paginate(rows, page, lambda d: (d.name, d.project_id), request, response)


@router.post(
    "/v1/projects/{project_id}/referrals",
    tags=["monitoring and evaluation"],
    summary="Count a referral the project accepted",
    description="For the referrals service: a young person referred to this project was accepted — one more "
    "person receiving a service, counted into the funding grant's figures (`people_referred` on the grant and on "
    "its monitoring return for the quarter of `accepted_at`, when it has one). Idempotent twice over: "
    "`Idempotency-Key` replays the stored response, and the referral id is unique — a repeat for the same "
    "project answers **200** with the first record, for another project **409** `project-referral-conflict`. "
    "Unknown project 404; a project no awarded grant funds 409 `project-not-funded`. Service role only.",
    status_code=status.HTTP_201_CREATED,
    response_model=ProjectReferralRead,
    responses={
        200: {"description": "Already counted: the first record.", "model": ProjectReferralRead},
        **problem_responses(401, 403, 404, 409, 422),
    },
    dependencies=[Depends(COUNT_REFERRALS)],
)
async def count_project_referral(
    session: Session,
    principal: CurrentPrincipal,
    project_id: ProjectId,
    data: ProjectReferralCreate,
    response: Response,
) -> ProjectReferral:
    row, created = await service.record(session, project_id=project_id, data=data, principal=principal)
    response.headers["Location"] = f"/v1/projects/{project_id}/referrals/{row.referral_id}"
    if not created:
        response.status_code = status.HTTP_200_OK
    return row


@router.get(
    "/v1/projects/{project_id}/referrals",
    tags=["monitoring and evaluation"],
    summary="List the referrals a project accepted",
    description="Accepted referrals counted for the project, oldest first (ids only: the young people's details "
    "stay in the referrals service).",
    response_model=Page[ProjectReferralRead],
    responses=problem_responses(400, 401, 403, 404, 422),
    dependencies=[Depends(READ_GRANTS)],
)
async def list_project_referrals(
    session: Session, project_id: ProjectId, page: Pagination, request: Request, response: Response
) -> Page[ProjectReferralRead]:
    rows = [
        ProjectReferralRead.model_validate(r)
        for r in await service.list_for_project(session, project_id=project_id, page=page)
    ]
    return paginate(rows, page, lambda r: (r.created_at, r.id), request, response)


@router.get(
    "/v1/projects/{project_id}/referrals/{referral_id}",
    tags=["monitoring and evaluation"],
    summary="Get a counted referral",
    description="Whether the referrals service's referral `referral_id` is counted for the project, and where.",
    response_model=ProjectReferralRead,
    responses=problem_responses(401, 403, 404, 422),
    dependencies=[Depends(READ_GRANTS)],
)
async def get_project_referral(session: Session, project_id: ProjectId, referral_id: ReferralId) -> ProjectReferral:
    return await service.get(session, project_id=project_id, referral_id=referral_id)
