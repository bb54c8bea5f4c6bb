from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import select

from funding.db import Repository
from funding.financial_year.models import FinancialYear
from funding.fund.models import BudgetLine, Fund, FundingStream, Spend
from vru_shared.db import add_unless_duplicate
from vru_shared.pagination import PageParams, keyset

#: A budget line with its year's code and its stream's code.
LineRow = tuple[BudgetLine, str, str | None]


class FundRepository(Repository):
    # --- funds and streams ----------------------------------------------------------------------------

    async def funds(self, page: PageParams) -> Sequence[Fund]:
        return (await self.session.scalars(keyset(select(Fund), page, Fund.code))).all()

    async def fund(self, fund_id: UUID) -> Fund | None:
        return await self.session.get(Fund, fund_id)

    async def streams(self, page: PageParams) -> Sequence[FundingStream]:
        return (await self.session.scalars(keyset(select(FundingStream), page, FundingStream.code))).all()

    async def stream(self, code: str) -> FundingStream | None:
        return (await self.session.scalars(select(FundingStream).where(FundingStream.code == code))).one_or_none()

    async def year(self, code: str) -> FinancialYear | None:
        return (await self.session.scalars(select(FinancialYear).where(FinancialYear.code == code))).one_or_none()

    async def add(self, instance: Fund | FundingStream | BudgetLine | Spend) -> bool:
        """Insert; False when a unique key is taken (also by a concurrent request)."""
        return await add_unless_duplicate(self.session, instance)

    # --- budget lines -----------------------------------------------------------------------------------

    async def lines(
        self, page: PageParams, *, year: str | None, stream: str | None, fund_id: UUID | None
    ) -> Sequence[LineRow]:
        stmt = (
            select(BudgetLine, FinancialYear.code, FundingStream.code)
            .join(FinancialYear, FinancialYear.id == BudgetLine.financial_year_id)
            .outerjoin(FundingStream, FundingStream.id == BudgetLine.stream_id)
        )
        if year is not None:
            stmt = stmt.where(FinancialYear.code == year)
        if stream is not None:
            stmt = stmt.where(FundingStream.code == stream)
        if fund_id is not None:
            stmt = stmt.where(BudgetLine.fund_id == fund_id)
        rows = await self.session.execute(keyset(stmt, page, BudgetLine.created_at, BudgetLine.id))
        return [(r[0], r[1], r[2]) for r in rows.all()]

    async def line(self, line_id: UUID, *, for_update: bool = False) -> LineRow | None:
        stmt = (
            select(BudgetLine, FinancialYear.code, FundingStream.code)
            .join(FinancialYear, FinancialYear.id == BudgetLine.financial_year_id)
            .outerjoin(FundingStream, FundingStream.id == BudgetLine.stream_id)
            .where(BudgetLine.id == line_id)
        )
        if for_update:
            stmt = stmt.with_for_update(of=BudgetLine)
        row = (await self.session.execute(stmt)).one_or_none()
        return (row[0], row[1], row[2]) if row else None

    async def lock_line(self, line_id: UUID) -> BudgetLine | None:
        """Lock the line's row until the transaction ends: awards and spend on it are serialised, so two
        concurrent approvals cannot both see room that only one of them fits in."""
        stmt = select(BudgetLine).where(BudgetLine.id == line_id).with_for_update()
        return (await self.session.scalars(stmt)).one_or_none()

    # --- spend -----------------------------------------------------------------------------------------

    async def spend_by_source(self, source: str, reference: str) -> Spend | None:
        stmt = select(Spend).where(Spend.source == source, Spend.source_reference == reference)
        return (await self.session.scalars(stmt)).one_or_none()

    async def spend(self, spend_id: UUID) -> Spend | None:
        return await self.session.get(Spend, spend_id)

    async def spend_of_line(self, line_id: UUID, page: PageParams) -> Sequence[Spend]:
        stmt = select(Spend).where(Spend.budget_line_id == line_id)
        return (await self.session.scalars(keyset(stmt, page, Spend.created_at, Spend.id))).all()
