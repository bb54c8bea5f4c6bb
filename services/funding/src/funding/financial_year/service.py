from collections.abc import Sequence
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from funding.financial_year.exceptions import FinancialYearNotFound
from funding.financial_year.models import FinancialYear
from funding.financial_year.repository import FinancialYearRepository
from vru_shared.pagination import PageParams


async def list_financial_years(
    session: AsyncSession, *, page: PageParams, on: date | None = None
) -> Sequence[FinancialYear]:
    return await FinancialYearRepository(session).containing(page, on)


async def get_financial_year(session: AsyncSession, *, code: str) -> FinancialYear:
    year = await FinancialYearRepository(session).get_by(code=code)
    if year is None:
        raise FinancialYearNotFound(f"There is no financial year '{code}'.")
    return year
