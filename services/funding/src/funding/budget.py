"""A budget line's usage: what is awarded on it (grants) and spent on it (spend).

A floor below the fund and grant domains, reading only their tables: budget lines show it, and awards, spend
and allocations check a line's room with it."""

from typing import Any

from sqlalchemy import BigInteger, ColumnElement, cast, func, select

from funding.fund.models import BudgetLine, Spend
from funding.grant.models import AWARDED, Disbursement, DisbursementStatus, Grant, GrantStatus
from vru_shared.repository import Repository


def _total(amount: Any, *where: ColumnElement[bool], join: Any = None) -> ColumnElement[int]:
    stmt = select(cast(func.coalesce(func.sum(amount), 0), BigInteger)).where(*where)
    return (stmt if join is None else stmt.join(*join)).scalar_subquery()


def awarded() -> ColumnElement[int]:
    """Pence awarded on the line: the awards of approved, active, completed and closed grants, plus what was
    already paid on withdrawn ones (a correlated subquery on :class:`BudgetLine`)."""
    awards = _total(
        Grant.amount_awarded_pence,
        Grant.budget_line_id == BudgetLine.id,
        Grant.status.in_([s.value for s in AWARDED]),
    )
    paid_on_withdrawn = _total(
        Disbursement.amount_pence,
        Grant.budget_line_id == BudgetLine.id,
        Grant.status == GrantStatus.WITHDRAWN.value,
        Disbursement.status == DisbursementStatus.PAID.value,
        join=(Grant, Grant.id == Disbursement.grant_id),
    )
    return awards + paid_on_withdrawn


def spent() -> ColumnElement[int]:
    """Pence spent directly on the line (a correlated subquery on :class:`BudgetLine`)."""
    return _total(Spend.amount_pence, Spend.budget_line_id == BudgetLine.id)


class BudgetUsageRepository(Repository[BudgetLine]):
    model = BudgetLine

    async def usage(self, line_id: Any) -> tuple[int, int]:
        """(awarded, spent) pence on the line, read now (after the caller locked it: a fresh snapshot)."""
        row = (await self.session.execute(select(awarded(), spent()).where(BudgetLine.id == line_id))).one()
        return int(row[0]), int(row[1])
