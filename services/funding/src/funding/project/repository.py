from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload

from funding.districts import Area
from funding.financial_year.models import FinancialYear
from funding.fund.models import FundingStream
from funding.project.models import Evaluation, Project, ProjectStatus
from vru_shared.pagination import PageParams
from vru_shared.repository import Repository


class ProjectRepository(Repository[Project]):
    """Projects with their lead organisation, stream and year."""

    model = Project
    order = ("name", "id")

    def statement(self) -> Select[Project]:
        return select(Project).options(
            joinedload(Project.lead_organisation), joinedload(Project.funding_stream), joinedload(Project.year)
        )

    async def filtered(
        self,
        params: PageParams,
        *,
        year: str | None,
        area: Area | None,
        stream: str | None,
        district: str | None,
        status: ProjectStatus | None,
    ) -> Sequence[Project]:
        filters = []
        if year is not None:
            filters.append(Project.year.has(FinancialYear.code == year))
        if area is not None:
            filters.append(Project.area == area.value)
        if stream is not None:
            filters.append(Project.funding_stream.has(FundingStream.code == stream))
        if district is not None:
            filters.append(Project.districts.contains([district]))
        if status is not None:
            filters.append(Project.status == status.value)
        return await self.page(params, *filters)


class EvaluationRepository(Repository[Evaluation]):
    model = Evaluation
    order = ("created_at", "id")

    async def of_project(self, params: PageParams, project_id: UUID | None) -> Sequence[Evaluation]:
        return await self.page(params, *(() if project_id is None else (Evaluation.project_id == project_id,)))
