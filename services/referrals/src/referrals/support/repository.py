from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import contains_eager, joinedload, selectinload

from referrals.review.repository import visible_subject
from referrals.subject.models import Subject
from referrals.support.models import Intervention, PlanStatus, SupportPlan
from vru_shared.pagination import PageParams
from vru_shared.repository import ScopedRepository

#: A coordinator sees the plans of the young people they can see (``None``: every plan).
Districts = frozenset[str] | None


class SupportRepository(ScopedRepository[SupportPlan, Districts]):
    model = SupportPlan
    order = ("created_at", "id")

    def statement(self) -> Select[SupportPlan]:
        """A plan with its interventions, read afresh (an intervention added changes them)."""
        return (
            select(SupportPlan)
            .join(Subject, Subject.id == SupportPlan.subject_id)
            .options(selectinload(SupportPlan.interventions).joinedload(Intervention.provider_partner))
            .execution_options(populate_existing=True)
        )

    def visible(self, scope: Districts) -> ColumnElement[bool] | None:
        return visible_subject(scope)

    async def find(self, page: PageParams, scope: Districts, *, subject_id: UUID | None) -> Sequence[SupportPlan]:
        """A page of what ``scope`` sees, newest first; one young person's when ``subject_id`` is given."""
        filters = [] if subject_id is None else [SupportPlan.subject_id == subject_id]
        return await self.page_visible(page, scope, *filters, descending=True)

    async def active_of(self, subject_id: UUID) -> SupportPlan | None:
        return await self.get_by(subject_id=subject_id, status=PlanStatus.ACTIVE.value)


class InterventionRepository(ScopedRepository[Intervention, Districts]):
    model = Intervention

    def statement(self) -> Select[Intervention]:
        return (
            select(Intervention)
            .join(SupportPlan, SupportPlan.id == Intervention.plan_id)
            .join(Subject, Subject.id == SupportPlan.subject_id)
            .options(contains_eager(Intervention.plan), joinedload(Intervention.provider_partner))
        )

    def visible(self, scope: Districts) -> ColumnElement[bool] | None:
        return visible_subject(scope)
