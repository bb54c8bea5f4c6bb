from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from funding.db import Repository
from funding.financial_year.models import FinancialYear
from vru_shared.pagination import PageParams, keyset


class FinancialYearRepository(Repository):
    async def list(self, page: PageParams, *, on: date | None = None) -> Sequence[FinancialYear]:
        stmt = select(FinancialYear)
        if on is not None:
            stmt = stmt.where(FinancialYear.starts_on <= on, FinancialYear.ends_on >= on)
        return (await self.session.scalars(keyset(stmt, page, FinancialYear.starts_on))).all()

    async def get(self, code: str) -> FinancialYear | None:
        return (await self.session.scalars(select(FinancialYear).where(FinancialYear.code == code))).one_or_none()
