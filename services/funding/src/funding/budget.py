"""A budget line's usage: what is awarded on it (grants) and spent on it (spend).

A floor below the fund and grant domains, reading only their tables: budget lines show it, and awards, spend
and allocations check a line's room with it."""

from collections.abc import Collection
from uuid import UUID

from sqlalchemy import func, select

from funding.db import Repository
from funding.fund.models import Spend
from funding.grant.models import AWARDED, Disbursement, DisbursementStatus, Grant, GrantStatus


class BudgetUsageRepository(Repository):
    async def usage(self, line_ids: Collection[UUID]) -> dict[UUID, tuple[int, int]]:
        """(awarded, spent) pence per line. Awarded: the awards of approved, active, completed and closed
        grants, plus what was already paid on withdrawn ones."""
        out = {line_id: (0, 0) for line_id in line_ids}
        if not line_ids:
            return out
        ids = list(line_ids)
        awarded = (
            select(Grant.budget_line_id, func.sum(Grant.amount_awarded_pence))
            .where(Grant.budget_line_id.in_(ids), Grant.status.in_([s.value for s in AWARDED]))
            .group_by(Grant.budget_line_id)
        )
        paid_on_withdrawn = (
            select(Grant.budget_line_id, func.sum(Disbursement.amount_pence))
            .join(Disbursement, Disbursement.grant_id == Grant.id)
            .where(
                Grant.budget_line_id.in_(ids),
                Grant.status == GrantStatus.WITHDRAWN.value,
                Disbursement.status == DisbursementStatus.PAID.value,
            )
            .group_by(Grant.budget_line_id)
        )
        spent = (
            select(Spend.budget_line_id, func.sum(Spend.amount_pence))
            .where(Spend.budget_line_id.in_(ids))
            .group_by(Spend.budget_line_id)
        )
        totals: dict[UUID, list[int]] = {line_id: [0, 0] for line_id in ids}
        for grant_rows in (awarded, paid_on_withdrawn):
            for line_id, amount in (await self.session.execute(grant_rows)).all():
                if line_id is not None:
                    totals[line_id][0] += int(amount or 0)
        for line_id, amount in (await self.session.execute(spent)).all():
            totals[line_id][1] += int(amount or 0)
        return {line_id: (a, s) for line_id, (a, s) in totals.items()}
