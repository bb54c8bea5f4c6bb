from fastapi import APIRouter, Depends, Request, Response

from referrals.access import READ_REFERENCE
from referrals.reference import service
from referrals.reference.dependencies import AreaCode, DistrictCode
from referrals.reference.schemas import CoordinatorAreaRead, DistrictRead
from vru_shared.db import Session
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["reference data"], dependencies=[Depends(READ_REFERENCE)])
ERRORS = problem_responses(400, 401, 403, 422)


@router.get(
    "/v1/districts",
    summary="List districts",
    description="The 13 districts of Kent & Medway, ordered by code, each with its coordinator area.",
    response_model=Page[DistrictRead],
    responses=ERRORS,
)
async def list_districts(
    session: Session, page: Pagination, request: Request, response: Response
) -> Page[DistrictRead]:
    rows = await service.list_districts(session, page=page)
    return paginate(rows, page, lambda d: (d.code,), request, response)


@router.get(
    "/v1/districts/{code}",
    summary="Get a district",
    description="One district by its code.",
    response_model=DistrictRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_district(session: Session, code: DistrictCode) -> DistrictRead:
    return await service.get_district(session, code=code)


@router.get(
    "/v1/coordinator-areas",
    summary="List coordinator areas",
    description="The five VRU coordinator areas and the districts each covers. Reviews are routed to the "
    "coordinator of the area of the incident's district.",
    response_model=Page[CoordinatorAreaRead],
    responses=ERRORS,
)
async def list_areas(
    session: Session, page: Pagination, request: Request, response: Response
) -> Page[CoordinatorAreaRead]:
    rows = await service.list_areas(session, page=page)
    return paginate(rows, page, lambda a: (a.code,), request, response)


@router.get(
    "/v1/coordinator-areas/{code}",
    summary="Get a coordinator area",
    description="One coordinator area by its code.",
    response_model=CoordinatorAreaRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_area(session: Session, code: AreaCode) -> CoordinatorAreaRead:
    return await service.get_area(session, code=code)
