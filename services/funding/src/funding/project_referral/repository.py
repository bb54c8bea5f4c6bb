from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import Select, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, with_expression

from funding.grant.models import Grant, GrantStatus, MonitoringReturn, ProjectReferral
from funding.project.models import Project, ProjectStatus
from vru_shared.pagination import PageParams
from vru_shared.repository import Repository

#: Grants whose monitoring figures a referral may count into: awarded and running, or just finished (a count
#: reported late, after the grant completed, still belongs to it).
COUNTING_GRANTS = (GrantStatus.ACTIVE.value, GrantStatus.COMPLETED.value, GrantStatus.CLOSED.value)


#: Grants that make a project a referral destination while their planned period covers the day: awarded and
#: not yet finished. A grant whose period is over no longer funds anyone new, whatever its status says.
FUNDING_GRANTS = (GrantStatus.APPROVED.value, GrantStatus.ACTIVE.value)


def _funding_grant_of_project(column: Any, day: date) -> Any:
    """``column`` of the grant funding the project on ``day`` (approved or active, its planned period covering
    the day; the latest award when there are several), as a scalar subquery."""
    return (
        select(column)
        .where(
            Grant.project_id == Project.id,
            Grant.status.in_(FUNDING_GRANTS),
            func.coalesce(Grant.planned_start_on, date.min) <= day,
            func.coalesce(Grant.planned_end_on, date.max) >= day,
        )
        .order_by(Grant.award_date.desc().nulls_last(), Grant.id)
        .limit(1)
        .correlate(Project)
        .scalar_subquery()
    )


class ReferralDestinationRepository(Repository[Project]):
    """Active projects with their lead organisation and the grant funding them on a day (today, the unit's)."""

    model = Project
    order = ("name", "id")

    def __init__(self, session: AsyncSession, *, day: date) -> None:
        super().__init__(session)
        self.day = day

    def statement(self) -> Select[Project]:
        return select(Project).options(
            joinedload(Project.lead_organisation),
            with_expression(Project.active_grant_id, _funding_grant_of_project(Grant.id, self.day)),
            with_expression(Project.active_from, _funding_grant_of_project(Grant.planned_start_on, self.day)),
            with_expression(Project.active_until, _funding_grant_of_project(Grant.planned_end_on, self.day)),
        )

    async def serving(self, params: PageParams, district: str) -> Sequence[Project]:
        return await self.page(
            params,
            Project.status == ProjectStatus.ACTIVE.value,
            Project.districts.contains([district]),
            _funding_grant_of_project(Grant.id, self.day).is_not(None),
        )


class ProjectReferralRepository(Repository[ProjectReferral]):
    model = ProjectReferral
    order = ("created_at", "id")

    async def of_project(self, project_id: UUID, params: PageParams) -> Sequence[ProjectReferral]:
        return await self.page(params, ProjectReferral.project_id == project_id)

    async def counting_grant(self, project_id: UUID, day: date) -> Grant | None:
        """The grant a referral accepted on ``day`` counts into: one whose planned period covers the day first,
        then an active one, then the latest award."""
        covers = (func.coalesce(Grant.planned_start_on, date.min) <= day) & (
            func.coalesce(Grant.planned_end_on, date.max) >= day
        )
        stmt = (
            select(Grant)
            .where(Grant.project_id == project_id, Grant.status.in_(COUNTING_GRANTS))
            .order_by(
                case((covers, 0), else_=1),
                case((Grant.status == GrantStatus.ACTIVE.value, 0), else_=1),
                Grant.award_date.desc().nulls_last(),
                Grant.id,
            )
            .limit(1)
        )
        return (await self.session.scalars(stmt)).one_or_none()

    async def monitoring_return(self, grant_id: UUID, quarter_start: date) -> MonitoringReturn | None:
        stmt = select(MonitoringReturn).where(
            MonitoringReturn.grant_id == grant_id, MonitoringReturn.quarter_start == quarter_start
        )
        return (await self.session.scalars(stmt)).one_or_none()
