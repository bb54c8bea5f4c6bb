from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import BigInteger, ColumnElement, Select, cast, func, insert, select
from sqlalchemy.orm import joinedload, selectinload, with_expression

from funding.access import DistrictScope
from funding.grant.models import (
    Disbursement,
    DisbursementStatus,
    Grant,
    GrantEvent,
    MonitoringReturn,
    MonitoringReturnVersion,
    ProjectReferral,
)
from vru_shared.pagination import PageParams
from vru_shared.repository import Repository, ScopedRepository


def _serves(scope: DistrictScope) -> ColumnElement[bool] | None:
    """A CSP officer sees the grants that serve any of their districts (and their disbursements and returns)."""
    return None if scope is None else Grant.districts.overlap(sorted(scope))


def _grant_visible(scope: DistrictScope, grant_id: Any) -> ColumnElement[bool] | None:
    serves = _serves(scope)
    return None if serves is None else select(Grant.id).where(Grant.id == grant_id, serves).exists()


def _disbursed(grant_id: Any, *statuses: DisbursementStatus) -> ColumnElement[int]:
    total = func.coalesce(func.sum(Disbursement.amount_pence), 0)
    stmt = select(cast(total, BigInteger)).where(
        Disbursement.grant_id == grant_id, Disbursement.status.in_([s.value for s in statuses])
    )
    return stmt.scalar_subquery()


def _referred(column: Any, record_id: Any) -> ColumnElement[int]:
    return select(func.count(ProjectReferral.id)).where(column == record_id).scalar_subquery()


PAID = (DisbursementStatus.PAID,)
SCHEDULED = (DisbursementStatus.SCHEDULED, DisbursementStatus.APPROVED)


class GrantRepository(ScopedRepository[Grant, DistrictScope]):
    """Grants with their recipient and money (paid, scheduled) and the referrals counted into them."""

    model = Grant
    order = ("created_at", "id")

    def statement(self) -> Select[Grant]:
        return (
            select(Grant)
            .options(
                joinedload(Grant.recipient),
                with_expression(Grant.paid_pence, _disbursed(Grant.id, *PAID)),
                with_expression(Grant.scheduled_pence, _disbursed(Grant.id, *SCHEDULED)),
                with_expression(Grant.people_referred, _referred(ProjectReferral.grant_id, Grant.id)),
            )
            .execution_options(populate_existing=True)
        )

    def visible(self, scope: DistrictScope) -> ColumnElement[bool] | None:
        return _serves(scope)

    async def filtered(
        self,
        params: PageParams,
        scope: DistrictScope,
        *,
        status: str | None = None,
        district: str | None = None,
        budget_line_id: UUID | None = None,
        project_id: UUID | None = None,
        recipient_id: UUID | None = None,
        allocation_id: UUID | None = None,
    ) -> Sequence[Grant]:
        filters = [] if district is None else [Grant.districts.contains([district])]
        for column, value in (
            (Grant.status, status),
            (Grant.budget_line_id, budget_line_id),
            (Grant.project_id, project_id),
            (Grant.recipient_organisation_id, recipient_id),
            (Grant.allocation_id, allocation_id),
        ):
            if value is not None:
                filters.append(column == value)
        return await self.page_visible(params, scope, *filters)

    async def detail(self, grant_id: UUID, scope: DistrictScope) -> Grant | None:
        """The grant with its history, if ``scope`` may see it."""
        return await self.get(grant_id, base=self.readable(scope).options(selectinload(Grant.history)))

    async def add_event(self, **values: Any) -> None:
        await self.session.execute(insert(GrantEvent).values(**values))

    async def money(self, grant_id: UUID) -> tuple[int, int]:
        """(paid, scheduled) pence, read now (after the caller locked the grant: a fresh snapshot)."""
        stmt = select(_disbursed(Grant.id, *PAID), _disbursed(Grant.id, *SCHEDULED)).where(Grant.id == grant_id)
        paid, scheduled = (await self.session.execute(stmt)).one()
        return int(paid), int(scheduled)


class DisbursementRepository(ScopedRepository[Disbursement, DistrictScope]):
    model = Disbursement
    order = ("sequence", "id")

    def visible(self, scope: DistrictScope) -> ColumnElement[bool] | None:
        return _grant_visible(scope, Disbursement.grant_id)

    async def next_sequence(self, grant_id: UUID) -> int:
        stmt = select(func.coalesce(func.max(Disbursement.sequence), 0)).where(Disbursement.grant_id == grant_id)
        return int((await self.session.scalar(stmt)) or 0) + 1

    async def add_all(self, rows: Sequence[Disbursement]) -> None:
        self.session.add_all(rows)
        await self.session.flush()

    async def of_grant(self, grant_id: UUID, params: PageParams) -> Sequence[Disbursement]:
        return await self.page(params, Disbursement.grant_id == grant_id)


class MonitoringReturnRepository(ScopedRepository[MonitoringReturn, DistrictScope]):
    """Monitoring returns with the referrals counted into each."""

    model = MonitoringReturn
    order = ("due_on", "id")

    def statement(self) -> Select[MonitoringReturn]:
        referred = _referred(ProjectReferral.monitoring_return_id, MonitoringReturn.id)
        return (
            select(MonitoringReturn)
            .options(with_expression(MonitoringReturn.people_referred, referred))
            .execution_options(populate_existing=True)
        )

    def visible(self, scope: DistrictScope) -> ColumnElement[bool] | None:
        return _grant_visible(scope, MonitoringReturn.grant_id)

    async def add_all(self, rows: Sequence[MonitoringReturn]) -> None:
        self.session.add_all(rows)
        await self.session.flush()

    async def filtered(
        self, params: PageParams, scope: DistrictScope, *, grant_id: UUID | None, overdue: bool | None, today: date
    ) -> Sequence[MonitoringReturn]:
        filters = [] if grant_id is None else [MonitoringReturn.grant_id == grant_id]
        if overdue is not None:
            late = MonitoringReturn.submitted_at.is_(None) & (MonitoringReturn.due_on < today)
            filters.append(late if overdue else ~late)
        return await self.page_visible(params, scope, *filters)


class MonitoringReturnVersionRepository(Repository[MonitoringReturnVersion]):
    """The versions of returns' figures, oldest first."""

    model = MonitoringReturnVersion
    order = ("version", "id")

    async def of_return(self, params: PageParams, return_id: UUID) -> Sequence[MonitoringReturnVersion]:
        return await self.page(params, MonitoringReturnVersion.return_id == return_id)

    async def record(self, row: MonitoringReturnVersion) -> None:
        self.session.add(row)
        await self.session.flush()
