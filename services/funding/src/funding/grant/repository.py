from collections.abc import Collection, Sequence
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, func, insert, select

from funding.db import Repository
from funding.grant.models import Disbursement, DisbursementStatus, Grant, GrantEvent, MonitoringReturn, ProjectReferral
from funding.organisation.models import Organisation
from vru_shared.pagination import PageParams, keyset

#: A grant with its recipient's org-id and name.
GrantRow = tuple[Grant, str, str]


def visible_grant(scope: frozenset[str] | None) -> ColumnElement[bool] | None:
    """A CSP officer sees the grants that serve any of their districts."""
    if scope is None:
        return None
    condition: ColumnElement[bool] = Grant.districts.overlap(sorted(scope))
    return condition


class GrantRepository(Repository):
    def _base(self, scope: frozenset[str] | None) -> Any:
        stmt = select(Grant, Organisation.org_id, Organisation.name).join(
            Organisation, Organisation.id == Grant.recipient_organisation_id
        )
        visible = visible_grant(scope)
        return stmt if visible is None else stmt.where(visible)

    async def page(
        self,
        page: PageParams,
        scope: frozenset[str] | None,
        *,
        status: str | None = None,
        district: str | None = None,
        budget_line_id: UUID | None = None,
        project_id: UUID | None = None,
        recipient_id: UUID | None = None,
        allocation_id: UUID | None = None,
    ) -> Sequence[GrantRow]:
        stmt = self._base(scope)
        if status is not None:
            stmt = stmt.where(Grant.status == status)
        if district is not None:
            stmt = stmt.where(Grant.districts.contains([district]))
        if budget_line_id is not None:
            stmt = stmt.where(Grant.budget_line_id == budget_line_id)
        if project_id is not None:
            stmt = stmt.where(Grant.project_id == project_id)
        if recipient_id is not None:
            stmt = stmt.where(Grant.recipient_organisation_id == recipient_id)
        if allocation_id is not None:
            stmt = stmt.where(Grant.allocation_id == allocation_id)
        rows = await self.session.execute(keyset(stmt, page, Grant.created_at, Grant.id))
        return [(r[0], r[1], r[2]) for r in rows.all()]

    async def get(self, grant_id: UUID, scope: frozenset[str] | None, *, for_update: bool = False) -> GrantRow | None:
        stmt = self._base(scope).where(Grant.id == grant_id)
        if for_update:
            stmt = stmt.with_for_update(of=Grant)
        row = (await self.session.execute(stmt)).one_or_none()
        return (row[0], row[1], row[2]) if row else None

    async def add(self, grant: Grant) -> None:
        self.session.add(grant)
        await self.session.flush()

    async def add_event(self, **values: Any) -> None:
        await self.session.execute(insert(GrantEvent).values(**values))

    async def events(self, grant_id: UUID) -> Sequence[GrantEvent]:
        stmt = select(GrantEvent).where(GrantEvent.grant_id == grant_id).order_by(GrantEvent.at, GrantEvent.id)
        return (await self.session.scalars(stmt)).all()

    async def money(self, grant_ids: Collection[UUID]) -> dict[UUID, tuple[int, int]]:
        """(paid, scheduled) pence per grant; scheduled counts instalments neither paid nor cancelled."""
        out = {grant_id: (0, 0) for grant_id in grant_ids}
        if not grant_ids:
            return out
        paid = func.coalesce(
            func.sum(Disbursement.amount_pence).filter(Disbursement.status == DisbursementStatus.PAID.value), 0
        )
        scheduled = func.coalesce(
            func.sum(Disbursement.amount_pence).filter(
                Disbursement.status.in_([DisbursementStatus.SCHEDULED.value, DisbursementStatus.APPROVED.value])
            ),
            0,
        )
        stmt = (
            select(Disbursement.grant_id, paid, scheduled)
            .where(Disbursement.grant_id.in_(list(grant_ids)))
            .group_by(Disbursement.grant_id)
        )
        for grant_id, p, s in (await self.session.execute(stmt)).all():
            out[grant_id] = (int(p), int(s))
        return out

    # --- disbursements ------------------------------------------------------------------------------

    async def next_sequence(self, grant_id: UUID) -> int:
        stmt = select(func.coalesce(func.max(Disbursement.sequence), 0)).where(Disbursement.grant_id == grant_id)
        return int((await self.session.scalar(stmt)) or 0) + 1

    async def add_disbursements(self, rows: Sequence[Disbursement]) -> None:
        self.session.add_all(rows)
        await self.session.flush()

    async def disbursements(self, grant_id: UUID, page: PageParams) -> Sequence[Disbursement]:
        stmt = select(Disbursement).where(Disbursement.grant_id == grant_id)
        return (await self.session.scalars(keyset(stmt, page, Disbursement.sequence, Disbursement.id))).all()

    async def disbursement(
        self, disbursement_id: UUID, scope: frozenset[str] | None, *, for_update: bool = False
    ) -> Disbursement | None:
        stmt = (
            select(Disbursement)
            .join(Grant, Grant.id == Disbursement.grant_id)
            .where(Disbursement.id == disbursement_id)
        )
        visible = visible_grant(scope)
        if visible is not None:
            stmt = stmt.where(visible)
        if for_update:
            stmt = stmt.with_for_update(of=Disbursement)
        return (await self.session.scalars(stmt)).one_or_none()

    # --- monitoring returns ----------------------------------------------------------------------------

    async def add_returns(self, rows: Sequence[MonitoringReturn]) -> None:
        self.session.add_all(rows)
        await self.session.flush()

    async def returns(
        self,
        page: PageParams,
        scope: frozenset[str] | None,
        *,
        grant_id: UUID | None,
        overdue: bool | None,
        today: date,
    ) -> Sequence[MonitoringReturn]:
        stmt = select(MonitoringReturn).join(Grant, Grant.id == MonitoringReturn.grant_id)
        visible = visible_grant(scope)
        if visible is not None:
            stmt = stmt.where(visible)
        if grant_id is not None:
            stmt = stmt.where(MonitoringReturn.grant_id == grant_id)
        if overdue is not None:
            late = MonitoringReturn.submitted_at.is_(None) & (MonitoringReturn.due_on < today)
            stmt = stmt.where(late if overdue else ~late)
        return (await self.session.scalars(keyset(stmt, page, MonitoringReturn.due_on, MonitoringReturn.id))).all()

    async def monitoring_return(
        self, return_id: UUID, scope: frozenset[str] | None, *, for_update: bool = False
    ) -> MonitoringReturn | None:
        stmt = (
            select(MonitoringReturn)
            .join(Grant, Grant.id == MonitoringReturn.grant_id)
            .where(MonitoringReturn.id == return_id)
        )
        visible = visible_grant(scope)
        if visible is not None:
            stmt = stmt.where(visible)
        if for_update:
            stmt = stmt.with_for_update(of=MonitoringReturn)
        return (await self.session.scalars(stmt)).one_or_none()

    async def people_referred(
        self, *, grant_ids: Collection[UUID] = (), return_ids: Collection[UUID] = ()
    ) -> dict[UUID, int]:
        """Accepted referrals counted per grant (``grant_ids``) or per monitoring return (``return_ids``)."""
        column: Any = ProjectReferral.grant_id if grant_ids else ProjectReferral.monitoring_return_id
        ids = list(grant_ids or return_ids)
        if not ids:
            return {}
        stmt = select(column, func.count()).where(column.in_(ids)).group_by(column)
        return {r[0]: int(r[1]) for r in (await self.session.execute(stmt)).all()}
