from collections.abc import Sequence
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from funding.districts import AREA_DISTRICTS, Area
from funding.financial_year.repository import FinancialYearRepository
from funding.fund.repository import FundingStreamRepository
from funding.organisation.repository import OrganisationRepository
from funding.project.exceptions import (
    AlreadyEvaluated,
    EvaluationNotFound,
    InvalidProject,
    ProjectCodeTaken,
    ProjectNotFound,
)
from funding.project.models import Evaluation, Project, ProjectStatus
from funding.project.repository import EvaluationRepository, ProjectRepository
from funding.project.schemas import EvaluationCreate, ProjectCreate
from vru_shared.auth import Principal
from vru_shared.pagination import PageParams


async def list_projects(
    session: AsyncSession,
    *,
    page: PageParams,
    year: str | None,
    area: Area | None,
    stream: str | None,
    district: str | None,
    status: ProjectStatus | None,
) -> Sequence[Project]:
    return await ProjectRepository(session).filtered(
        page, year=year, area=area, stream=stream, district=district, status=status
    )


async def get_project(session: AsyncSession, *, project_id: UUID) -> Project:
    project = await ProjectRepository(session).get(project_id)
    if project is None:
        raise ProjectNotFound(f"There is no project {project_id}.")
    return project


async def create_project(session: AsyncSession, *, data: ProjectCreate) -> Project:
    if await OrganisationRepository(session).get(data.lead_organisation_id) is None:
        raise InvalidProject(f"There is no organisation {data.lead_organisation_id}.")
    stream = await FundingStreamRepository(session).get_by(code=data.stream)
    if stream is None:
        raise InvalidProject(f"There is no funding stream '{data.stream}'.")
    year = await FinancialYearRepository(session).get_by(code=data.financial_year)
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
    return await EvaluationRepository(session).of_project(page, project_id)


async def get_evaluation(session: AsyncSession, *, evaluation_id: UUID) -> Evaluation:
    evaluation = await EvaluationRepository(session).get(evaluation_id)
    if evaluation is None:
        raise EvaluationNotFound(f"There is no evaluation {evaluation_id}.")
    return evaluation


async def create_evaluation(session: AsyncSession, *, data: EvaluationCreate, principal: Principal) -> Evaluation:
    if await ProjectRepository(session).get(data.project_id) is None:
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
    if not await EvaluationRepository(session).add(evaluation):
        raise AlreadyEvaluated(f"Project {data.project_id} already has an evaluation.")
    return evaluation
