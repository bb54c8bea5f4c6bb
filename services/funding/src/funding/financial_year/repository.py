from collections.abc import Sequence
from datetime import date

from funding.financial_year.models import FinancialYear
from vru_shared.pagination import PageParams
from vru_shared.repository import Repository


class FinancialYearRepository(Repository[FinancialYear]):
    model = FinancialYear
    order = ("starts_on",)

    async def containing(self, params: PageParams, on: date | None) -> Sequence[FinancialYear]:
        """A page of years, only the one containing ``on`` when given."""
        filters = () if on is None else (FinancialYear.starts_on <= on, FinancialYear.ends_on >= on)
        return await self.page(params, *filters)
