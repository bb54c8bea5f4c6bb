from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from referrals.reference.models import PartnerAgency
from referrals.review.repository import visible_subject
from referrals.subject.models import Subject
from referrals.support.models import Intervention, PlanStatus, SupportPlan
from vru_shared.db import add_unless_duplicate
from vru_shared.pagination import PageParams, keyset


class SupportRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def _plans(self, districts: frozenset[str] | None) -> Any:
        """A coordinator sees the plans of young people they can see."""
        stmt = select(SupportPlan).join(Subject, Subject.id == SupportPlan.subject_id)
        visible = visible_subject(districts)
        return stmt if visible is None else stmt.where(visible)

    async def page(
        self, page: PageParams, districts: frozenset[str] | None, *, subject_id: UUID | None
    ) -> Sequence[SupportPlan]:
        stmt = self._plans(districts)
        if subject_id is not None:
            stmt = stmt.where(SupportPlan.subject_id == subject_id)
        return (
            await self.session.scalars(keyset(stmt, page, SupportPlan.created_at, SupportPlan.id, descending=True))
        ).all()

    async def get(self, plan_id: UUID, districts: frozenset[str] | None) -> SupportPlan | None:
        return (await self.session.scalars(self._plans(districts).where(SupportPlan.id == plan_id))).one_or_none()

    async def active_of(self, subject_id: UUID) -> SupportPlan | None:
        stmt = select(SupportPlan).where(
            SupportPlan.subject_id == subject_id, SupportPlan.status == PlanStatus.ACTIVE.value
        )
        return (await self.session.scalars(stmt)).one_or_none()

    async def add(self, record: object) -> bool:
        return await add_unless_duplicate(self.session, record)

    async def interventions_of(self, plan_id: UUID) -> Sequence[tuple[Intervention, str | None]]:
        stmt = (
            select(Intervention, PartnerAgency.code)
            .outerjoin(PartnerAgency, PartnerAgency.id == Intervention.provider_agency_id)
            .where(Intervention.plan_id == plan_id)
            .order_by(Intervention.starts_on, Intervention.created_at, Intervention.id)
        )
        return [(r[0], r[1]) for r in (await self.session.execute(stmt)).all()]

    async def get_intervention(
        self, intervention_id: UUID, districts: frozenset[str] | None
    ) -> tuple[Intervention, SupportPlan] | None:
        stmt = (
            self._plans(districts)
            .add_columns(Intervention)
            .join(Intervention, Intervention.plan_id == SupportPlan.id)
            .where(Intervention.id == intervention_id)
        )
        row = (await self.session.execute(stmt)).one_or_none()
        return (row[1], row[0]) if row else None

    async def partner(self, code: str) -> PartnerAgency | None:
        return (await self.session.scalars(select(PartnerAgency).where(PartnerAgency.code == code))).one_or_none()
