from fastapi import APIRouter, Depends, Request, Response, status

from funding.access import COMMISSION, READ_REFERENCE
from funding.project import service
from funding.project.dependencies import (
    AreaFilter,
    DistrictFilter,
    EvaluationId,
    ProjectFilter,
    ProjectId,
    StatusFilter,
    StreamFilter,
    YearFilter,
)
from funding.project.models import Evaluation, Project
from funding.project.schemas import EvaluationCreate, EvaluationRead, ProjectCreate, ProjectRead
from vru_shared.auth import CurrentPrincipal
from vru_shared.db import Session
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["organisations and projects"])


@router.get(
    "/v1/projects",
    summary="List projects",
    description="Funded projects by name. Filter by `financial_year`, `area` (north-kent, east-kent, west-kent, "
    "south-kent, countywide), `stream`, `district` (projects serving it) and `status`. The 2019/20 and 2020/21 "
    "projects named in the unit's autumn 2020 newsletter are seeded (`illustrative`: their amounts are made up).",
    response_model=Page[ProjectRead],
    responses=problem_responses(400, 401, 403, 422),
    dependencies=[Depends(READ_REFERENCE)],
)
async def list_projects(
    session: Session,
    page: Pagination,
    request: Request,
    response: Response,
    year: YearFilter = None,
    area: AreaFilter = None,
    stream: StreamFilter = None,
    district: DistrictFilter = None,
    project_status: StatusFilter = None,
) -> Page[ProjectRead]:
    projects = await service.list_projects(
        session, page=page, year=year, area=area, stream=stream, district=district, status=project_status
    )
    rows = [ProjectRead.model_validate(p) for p in projects]
    return paginate(rows, page, lambda p: (p.name, p.id), request, response)


@router.get(
    "/v1/projects/{project_id}",
    summary="Get a project",
    description="One project by id.",
    response_model=ProjectRead,
    responses=problem_responses(401, 403, 404, 422),
    dependencies=[Depends(READ_REFERENCE)],
)
async def get_project(session: Session, project_id: ProjectId) -> Project:
    return await service.get_project(session, project_id=project_id)


@router.post(
    "/v1/projects",
    summary="Create a project",
    description="A project with its lead organisation, area and districts served (within the area; empty: all of "
    "it), stream and year. `code` is unique (409). An unknown organisation, stream or year is 422. Director or "
    "programme officer.",
    status_code=status.HTTP_201_CREATED,
    response_model=ProjectRead,
    responses=problem_responses(401, 403, 409, 422),
    dependencies=[Depends(COMMISSION)],
)
async def create_project(session: Session, data: ProjectCreate, response: Response) -> Project:
    project = await service.create_project(session, data=data)
    response.headers["Location"] = f"/v1/projects/{project.id}"
    return project


@router.get(
    "/v1/evaluations",
    tags=["monitoring and evaluation"],
    summary="List evaluations",
    description="The programme officer's project evaluations, oldest first; `project_id` filters to one project.",
    response_model=Page[EvaluationRead],
    responses=problem_responses(400, 401, 403, 422),
    dependencies=[Depends(READ_REFERENCE)],
)
async def list_evaluations(
    session: Session, page: Pagination, request: Request, response: Response, project_id: ProjectFilter = None
) -> Page[EvaluationRead]:
    rows = await service.list_evaluations(session, page=page, project_id=project_id)
    items = [EvaluationRead.model_validate(e) for e in rows]
    return paginate(items, page, lambda e: (e.created_at, e.id), request, response)


@router.get(
    "/v1/evaluations/{evaluation_id}",
    tags=["monitoring and evaluation"],
    summary="Get an evaluation",
    description="One evaluation by id.",
    response_model=EvaluationRead,
    responses=problem_responses(401, 403, 404, 422),
    dependencies=[Depends(READ_REFERENCE)],
)
async def get_evaluation(session: Session, evaluation_id: EvaluationId) -> Evaluation:
    return await service.get_evaluation(session, evaluation_id=evaluation_id)


@router.post(
    "/v1/evaluations",
    tags=["monitoring and evaluation"],
    summary="Evaluate a project",
    description="Record the evaluation of a project: how far it met its aims, a summary and recommendations. One "
    "per project (409 `already-evaluated`); unknown project 404. Director or programme officer.",
    status_code=status.HTTP_201_CREATED,
    response_model=EvaluationRead,
    responses=problem_responses(401, 403, 404, 409, 422),
    dependencies=[Depends(COMMISSION)],
)
async def create_evaluation(
    session: Session, principal: CurrentPrincipal, data: EvaluationCreate, response: Response
) -> Evaluation:
    evaluation = await service.create_evaluation(session, data=data, principal=principal)
    response.headers["Location"] = f"/v1/evaluations/{evaluation.id}"
    return evaluation
