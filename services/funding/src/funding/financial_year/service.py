from collections.abc import Sequence
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from funding.financial_year.exceptions import FinancialYearNotFound
from funding.financial_year.repository import FinancialYearRepository
from funding.financial_year.schemas import FinancialYearRead
from vru_shared.pagination import PageParams


async def list_financial_years(
    session: AsyncSession, *, page: PageParams, on: date | None = None
) -> Sequence[FinancialYearRead]:
    return [FinancialYearRead.model_validate(y) for y in await FinancialYearRepository(session).list(page, on=on)]


async def get_financial_year(session: AsyncSession, *, code: str) -> FinancialYearRead:
    year = await FinancialYearRepository(session).get(code)
    if year is None:
        raise FinancialYearNotFound(f"There is no financial year '{code}'.")
    return FinancialYearRead.model_validate(year)
