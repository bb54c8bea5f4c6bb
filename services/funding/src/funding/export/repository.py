from collections.abc import Sequence

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload

from funding.financial_year.models import FinancialYear
from funding.fund.models import BudgetLine
from funding.grant.models import AWARDED, Grant
from vru_shared.repository import Repository


class ExportRepository(Repository[Grant]):
    """Published grants with their recipient and their budget line's stream."""

    model = Grant

    def statement(self) -> Select[Grant]:
        return select(Grant).options(
            joinedload(Grant.recipient), joinedload(Grant.budget_line).joinedload(BudgetLine.funding_stream)
        )

    async def published(self, *, year: str | None) -> Sequence[Grant]:
        """Grants with an award (approved, active, completed, closed), oldest award first."""
        stmt = (
            self.statement()
            .join(BudgetLine, BudgetLine.id == Grant.budget_line_id)
            .join(FinancialYear, FinancialYear.id == BudgetLine.financial_year_id)
            .where(Grant.status.in_([s.value for s in AWARDED]))
            .order_by(Grant.award_date, Grant.id)
        )
        if year is not None:
            stmt = stmt.where(FinancialYear.code == year)
        return (await self.session.scalars(stmt)).unique().all()
