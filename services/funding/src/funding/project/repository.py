from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import Date, Select, String, Uuid, column, func, select, table
from sqlalchemy.orm import joinedload, with_expression

from funding.districts import Area
from funding.financial_year.models import FinancialYear
from funding.fund.models import FundingStream
from funding.project.models import Evaluation, Project, ProjectStatus
from vru_shared.pagination import PageParams
from vru_shared.repository import Repository

#: The grants table as the project's active period reads it (the grant package sits above this one, so its
#: model is not imported here).
_GRANTS = table(
    "grants",
    column("project_id", Uuid()),
    column("status", String()),
    column("planned_start_on", Date()),
    column("planned_end_on", Date()),
    schema="funding",
)
#: Awarded grants: they give the project its active period.
_AWARDED = ("approved", "active", "completed", "closed")


def _period_bound(bound: Any) -> Any:
    return (
        select(bound)
        .where(_GRANTS.c.project_id == Project.id, _GRANTS.c.status.in_(_AWARDED))
        .correlate(Project)
        .scalar_subquery()
    )


class ProjectRepository(Repository[Project]):
    """Projects with their lead organisation, stream and year, and their active period (from the planned periods
    of their awarded grants: the earliest start to the latest end)."""

    model = Project
    order = ("name", "id")

    def statement(self) -> Select[Project]:
        return select(Project).options(
            joinedload(Project.lead_organisation),
            joinedload(Project.funding_stream),
            joinedload(Project.year),
            with_expression(Project.active_from, _period_bound(func.min(_GRANTS.c.planned_start_on))),
            with_expression(Project.active_until, _period_bound(func.max(_GRANTS.c.planned_end_on))),
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
