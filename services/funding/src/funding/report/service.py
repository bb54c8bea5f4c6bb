from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from funding.report.repository import ReportRepository
from funding.report.schemas import Totals, TotalsDimension, TotalsGroup


async def totals(session: AsyncSession, *, group_by: Sequence[TotalsDimension], year: str | None) -> Totals:
    rows = await ReportRepository(session).totals(group_by, year)
    groups = []
    for key in sorted(rows, key=lambda k: tuple(v or "" for v in k)):
        values = dict(zip([d.value for d in group_by], key, strict=True))
        groups.append(
            TotalsGroup(
                financial_year=values.get(TotalsDimension.YEAR.value),
                area=values.get(TotalsDimension.AREA.value),
                stream=values.get(TotalsDimension.STREAM.value),
                **rows[key],
            )
        )
    return Totals(group_by=list(group_by), financial_year=year, groups=groups)
