from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import select

from funding.db import Repository
from funding.districts import Area
from funding.financial_year.models import FinancialYear
from funding.fund.models import FundingStream
from funding.organisation.models import Organisation
from funding.project.models import Evaluation, Project, ProjectStatus
from vru_shared.db import add_unless_duplicate
from vru_shared.pagination import PageParams, keyset

#: A project with its lead organisation's name, its stream's code and its year's code.
ProjectRow = tuple[Project, str, str, str]


class ProjectRepository(Repository):
    def _base(self) -> Any:
        return (
            select(Project, Organisation.name, FundingStream.code, FinancialYear.code)
            .join(Organisation, Organisation.id == Project.lead_organisation_id)
            .join(FundingStream, FundingStream.id == Project.stream_id)
            .join(FinancialYear, FinancialYear.id == Project.financial_year_id)
        )

    async def list(
        self,
        page: PageParams,
        *,
        year: str | None,
        area: Area | None,
        stream: str | None,
        district: str | None,
        status: ProjectStatus | None,
    ) -> Sequence[ProjectRow]:
        stmt = self._base()
        if year is not None:
            stmt = stmt.where(FinancialYear.code == year)
        if area is not None:
            stmt = stmt.where(Project.area == area.value)
        if stream is not None:
            stmt = stmt.where(FundingStream.code == stream)
        if district is not None:
            stmt = stmt.where(Project.districts.contains([district]))
        if status is not None:
            stmt = stmt.where(Project.status == status.value)
        rows = await self.session.execute(keyset(stmt, page, Project.name, Project.id))
        return [(r[0], r[1], r[2], r[3]) for r in rows.all()]

    async def get(self, project_id: UUID) -> ProjectRow | None:
        row = (await self.session.execute(self._base().where(Project.id == project_id))).one_or_none()
        return (row[0], row[1], row[2], row[3]) if row else None

    async def add(self, instance: Project | Evaluation) -> bool:
        return await add_unless_duplicate(self.session, instance)

    async def evaluations(self, page: PageParams, *, project_id: UUID | None) -> Sequence[Evaluation]:
        stmt = select(Evaluation)
        if project_id is not None:
            stmt = stmt.where(Evaluation.project_id == project_id)
        return (await self.session.scalars(keyset(stmt, page, Evaluation.created_at, Evaluation.id))).all()

    async def evaluation(self, evaluation_id: UUID) -> Evaluation | None:
        return await self.session.get(Evaluation, evaluation_id)
