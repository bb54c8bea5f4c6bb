from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload, with_expression

from funding.budget import awarded, spent
from funding.financial_year.models import FinancialYear
from funding.fund.models import BudgetLine, Fund, FundingStream, Spend
from vru_shared.pagination import PageParams
from vru_shared.repository import Repository


class FundRepository(Repository[Fund]):
    model = Fund
    order = ("code",)


class FundingStreamRepository(Repository[FundingStream]):
    model = FundingStream
    order = ("code",)


class BudgetLineRepository(Repository[BudgetLine]):
    """Budget lines with their year, stream, and what is awarded and spent on them."""

    model = BudgetLine
    order = ("created_at", "id")

    def statement(self) -> Select[BudgetLine]:
        return (
            select(BudgetLine)
            .options(
                joinedload(BudgetLine.year),
                joinedload(BudgetLine.funding_stream),
                with_expression(BudgetLine.awarded_pence, awarded()),
                with_expression(BudgetLine.spent_pence, spent()),
            )
            .execution_options(populate_existing=True)
        )

    async def filtered(
        self, params: PageParams, *, year: str | None, stream: str | None, fund_id: UUID | None
    ) -> Sequence[BudgetLine]:
        filters = []
        if year is not None:
            filters.append(BudgetLine.year.has(FinancialYear.code == year))
        if stream is not None:
            filters.append(BudgetLine.funding_stream.has(FundingStream.code == stream))
        if fund_id is not None:
            filters.append(BudgetLine.fund_id == fund_id)
        return await self.page(params, *filters)

    async def lock(self, line_id: UUID) -> BudgetLine | None:
        """Lock the line's row until the transaction ends: awards and spend on it are serialised, so two
        concurrent approvals cannot both see room that only one of them fits in (read the usage after)."""
        return await self.get(line_id, for_update=True, base=select(BudgetLine))


class SpendRepository(Repository[Spend]):
    model = Spend
    order = ("created_at", "id")

    async def of_line(self, line_id: UUID, params: PageParams) -> Sequence[Spend]:
        return await self.page(params, Spend.budget_line_id == line_id)
