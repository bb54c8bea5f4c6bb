from collections.abc import Sequence
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from funding.districts import AREA_DISTRICTS, Area
from funding.fund.repository import FundRepository
from funding.organisation.repository import OrganisationRepository
from funding.project.exceptions import (
    AlreadyEvaluated,
    EvaluationNotFound,
    InvalidProject,
    ProjectCodeTaken,
    ProjectNotFound,
)
from funding.project.models import Evaluation, Project, ProjectStatus
from funding.project.repository import ProjectRepository, ProjectRow
from funding.project.schemas import EvaluationCreate, ProjectCreate, ProjectRead
from vru_shared.auth import Principal
from vru_shared.pagination import PageParams


def _read(row: ProjectRow) -> ProjectRead:
    project, lead, stream, year = row
    return ProjectRead(
        id=project.id,
        code=project.code,
        name=project.name,
        description=project.description,
        lead_organisation_id=project.lead_organisation_id,
        lead_organisation_name=lead,
        area=Area(project.area),
        districts=list(project.districts),
        stream=stream,
        financial_year=year,
        status=ProjectStatus(project.status),
        illustrative=project.illustrative,
        created_at=project.created_at,
    )


async def list_projects(
    session: AsyncSession,
    *,
    page: PageParams,
    year: str | None,
    area: Area | None,
    stream: str | None,
    district: str | None,
    status: ProjectStatus | None,
) -> list[ProjectRead]:
    rows = await ProjectRepository(session).list(
        page, year=year, area=area, stream=stream, district=district, status=status
    )
    return [_read(row) for row in rows]


async def get_project(session: AsyncSession, *, project_id: UUID) -> ProjectRead:
    row = await ProjectRepository(session).get(project_id)
    if row is None:
        raise ProjectNotFound(f"There is no project {project_id}.")
    return _read(row)


async def create_project(session: AsyncSession, *, data: ProjectCreate) -> ProjectRead:
    funds = FundRepository(session)
    if await OrganisationRepository(session).get(data.lead_organisation_id) is None:
        raise InvalidProject(f"There is no organisation {data.lead_organisation_id}.")
    stream = await funds.stream(data.stream)
    if stream is None:
        raise InvalidProject(f"There is no funding stream '{data.stream}'.")
    year = await funds.year(data.financial_year)
    if year is None:
        raise InvalidProject(f"There is no financial year '{data.financial_year}'.")
    project = Project(
        code=data.code,
        name=data.name,
        description=data.description,
        lead_organisation_id=data.lead_organisation_id,
        area=data.area.value,
        districts=sorted(data.districts or AREA_DISTRICTS[data.area]),
        stream_id=stream.id,
        financial_year_id=year.id,
        status=data.status.value,
    )
    if not await ProjectRepository(session).add(project):
        raise ProjectCodeTaken(f"A project with code '{data.code}' already exists.")
    return await get_project(session, project_id=project.id)


async def list_evaluations(session: AsyncSession, *, page: PageParams, project_id: UUID | None) -> Sequence[Evaluation]:
    return await ProjectRepository(session).evaluations(page, project_id=project_id)


async def get_evaluation(session: AsyncSession, *, evaluation_id: UUID) -> Evaluation:
    evaluation = await ProjectRepository(session).evaluation(evaluation_id)
    if evaluation is None:
        raise EvaluationNotFound(f"There is no evaluation {evaluation_id}.")
    return evaluation


async def create_evaluation(session: AsyncSession, *, data: EvaluationCreate, principal: Principal) -> Evaluation:
    repo = ProjectRepository(session)
    if await repo.get(data.project_id) is None:
        raise ProjectNotFound(f"There is no project {data.project_id}.")
    evaluation = Evaluation(
        project_id=data.project_id,
        rating=data.rating.value,
        summary=data.summary,
        recommendations=data.recommendations,
        evaluated_on=data.evaluated_on,
        evaluated_by=principal.subject,
        evaluated_by_name=principal.name,
    )
    if not await repo.add(evaluation):
        raise AlreadyEvaluated(f"Project {data.project_id} already has an evaluation.")
    return evaluation
