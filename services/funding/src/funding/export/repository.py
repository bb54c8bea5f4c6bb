from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from funding.db import Repository
from funding.financial_year.models import FinancialYear
from funding.fund.models import BudgetLine, FundingStream
from funding.grant.models import AWARDED, Grant
from funding.organisation.models import Organisation

#: A published grant with its recipient's org-id and name, and its stream's code and name.
PublishedRow = tuple[Grant, str, str, str | None, str | None]


class ExportRepository(Repository):
    async def published(self, *, year: str | None) -> Sequence[PublishedRow]:
        """Grants with an award (approved, active, completed, closed), oldest award first."""
        stmt: Any = (
            select(Grant, Organisation.org_id, Organisation.name, FundingStream.code, FundingStream.name)
            .join(Organisation, Organisation.id == Grant.recipient_organisation_id)
            .join(BudgetLine, BudgetLine.id == Grant.budget_line_id)
            .join(FinancialYear, FinancialYear.id == BudgetLine.financial_year_id)
            .outerjoin(FundingStream, FundingStream.id == BudgetLine.stream_id)
            .where(Grant.status.in_([s.value for s in AWARDED]))
            .order_by(Grant.award_date, Grant.id)
        )
        if year is not None:
            stmt = stmt.where(FinancialYear.code == year)
        rows = (await self.session.execute(stmt)).all()
        return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]
