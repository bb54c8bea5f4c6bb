"""Referral destinations (active funded projects serving a district) and counting accepted referrals into the
funding grant's monitoring figures, exactly once per referral."""

from collections.abc import Sequence
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from funding.grant.models import ProjectReferral, london_today
from funding.grant.service import financial_quarters
from funding.project.exceptions import ProjectNotFound
from funding.project.models import Project
from funding.project.repository import ProjectRepository
from funding.project_referral.exceptions import ProjectNotFunded, ProjectReferralConflict, ProjectReferralNotFound
from funding.project_referral.repository import ProjectReferralRepository, ReferralDestinationRepository
from funding.project_referral.schemas import ProjectReferralCreate
from vru_shared.auth import Principal
from vru_shared.kent_medway import LONDON
from vru_shared.pagination import PageParams


async def list_destinations(session: AsyncSession, *, page: PageParams, district: str) -> Sequence[Project]:
    """The projects a young person can be referred to today: active, serving the district, and funded today by
    an approved or active grant whose planned period covers the day (the unit's clock)."""
    return await ReferralDestinationRepository(session, day=london_today()).serving(page, district)


def _repeat(existing: ProjectReferral, project_id: UUID) -> tuple[ProjectReferral, bool]:
    if existing.project_id != project_id:
        raise ProjectReferralConflict(
            f"Referral {existing.referral_id} was already counted for project {existing.project_id}.",
            extra={"project_referral_id": str(existing.id), "project_id": str(existing.project_id)},
        )
    return existing, False


async def record(
    session: AsyncSession, *, project_id: UUID, data: ProjectReferralCreate, principal: Principal
) -> tuple[ProjectReferral, bool]:
    """Count an accepted referral; (record, created). A repeat for the same project returns the first record."""
    repo = ProjectReferralRepository(session)
    existing = await repo.get_by(referral_id=data.referral_id)
    if existing is not None:
        return _repeat(existing, project_id)
    if await ProjectRepository(session).get(project_id) is None:
        raise ProjectNotFound(f"There is no project {project_id}.")
    day = data.accepted_at.astimezone(LONDON).date()
    grant = await repo.counting_grant(project_id, day)
    if grant is None:
        raise ProjectNotFunded(
            f"No awarded grant funds project {project_id}: there are no monitoring figures to count the referral in."
        )
    ((period, quarter_start, _),) = financial_quarters(day, day)
    monitoring_return = await repo.monitoring_return(grant.id, quarter_start)
    row = ProjectReferral(
        referral_id=data.referral_id,
        project_id=project_id,
        grant_id=grant.id,
        monitoring_return_id=monitoring_return.id if monitoring_return else None,
        period=period,
        accepted_at=data.accepted_at,
        recorded_by=principal.client_id or principal.subject,
    )
    if not await repo.add(row):  # counted meanwhile by a concurrent request
        existing = await repo.get_by(referral_id=data.referral_id)
        assert existing is not None
        return _repeat(existing, project_id)
    return row, True


async def get(session: AsyncSession, *, project_id: UUID, referral_id: UUID) -> ProjectReferral:
    row = await ProjectReferralRepository(session).get_by(referral_id=referral_id)
    if row is None or row.project_id != project_id:
        raise ProjectReferralNotFound(f"Referral {referral_id} is not counted for project {project_id}.")
    return row


async def list_for_project(session: AsyncSession, *, project_id: UUID, page: PageParams) -> Sequence[ProjectReferral]:
    if await ProjectRepository(session).get(project_id) is None:
        raise ProjectNotFound(f"There is no project {project_id}.")
    return await ProjectReferralRepository(session).of_project(project_id, page)
