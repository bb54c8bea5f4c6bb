from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import case, func, select

from funding.db import Repository
from funding.grant.models import Grant, GrantStatus, MonitoringReturn, ProjectReferral
from funding.organisation.models import Organisation
from funding.project.models import Project, ProjectStatus
from vru_shared.db import add_unless_duplicate
from vru_shared.pagination import PageParams, keyset

#: Grants whose monitoring figures a referral may count into: awarded and running, or just finished (a count
#: reported late, after the grant completed, still belongs to it).
COUNTING_GRANTS = (GrantStatus.ACTIVE.value, GrantStatus.COMPLETED.value, GrantStatus.CLOSED.value)

#: A project with its lead organisation's name and the active grant funding it.
DestinationRow = tuple[Project, str, UUID]


def _active_grant_of_project() -> Any:
    """The project's active grant (the latest award when there are several), as a scalar subquery."""
    return (
        select(Grant.id)
        .where(Grant.project_id == Project.id, Grant.status == GrantStatus.ACTIVE.value)
        .order_by(Grant.award_date.desc().nulls_last(), Grant.id)
        .limit(1)
        .correlate(Project)
        .scalar_subquery()
    )


class ProjectReferralRepository(Repository):
    async def destinations(self, page: PageParams, *, district: str) -> Sequence[DestinationRow]:
        grant_id = _active_grant_of_project().label("grant_id")
        inner = (
            select(Project.id.label("project_id"), grant_id)
            .where(Project.status == ProjectStatus.ACTIVE.value, Project.districts.contains([district]))
            .subquery()
        )
        stmt = (
            select(Project, Organisation.name, inner.c.grant_id)
            .join(inner, inner.c.project_id == Project.id)
            .join(Organisation, Organisation.id == Project.lead_organisation_id)
            .where(inner.c.grant_id.is_not(None))
        )
        rows = await self.session.execute(keyset(stmt, page, Project.name, Project.id))
        return [(r[0], r[1], r[2]) for r in rows.all()]

    async def by_referral(self, referral_id: UUID) -> ProjectReferral | None:
        stmt = select(ProjectReferral).where(ProjectReferral.referral_id == referral_id)
        return (await self.session.scalars(stmt)).one_or_none()

    async def of_project(self, project_id: UUID, page: PageParams) -> Sequence[ProjectReferral]:
        stmt = select(ProjectReferral).where(ProjectReferral.project_id == project_id)
        return (await self.session.scalars(keyset(stmt, page, ProjectReferral.created_at, ProjectReferral.id))).all()

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

    async def add(self, row: ProjectReferral) -> bool:
        """False when the referral was counted meanwhile (unique on its id)."""
        return await add_unless_duplicate(self.session, row)
