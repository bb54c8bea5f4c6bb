from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from referrals.statistics.exceptions import BadPeriod
from referrals.statistics.repository import StatisticsRepository
from referrals.statistics.schemas import GroupBy, IncidentCount, IncidentStatistics
from vru_shared.kent_medway import LONDON

#: The longest period one request may count.
MAX_DAYS = 3660


async def incident_statistics(
    session: AsyncSession,
    *,
    first: date,
    last: date,
    group_by: Sequence[GroupBy],
    knife: bool | None,
    districts: frozenset[str] | None = None,
) -> IncidentStatistics:
    """Incidents that occurred from ``first`` to ``last`` (UK local dates, inclusive), counted per group.

    A knife incident has the knife/sharp-instrument weapon flag or a knife offence category."""
    if last < first:
        raise BadPeriod("`to` is before `from`.")
    if (last - first).days > MAX_DAYS:
        raise BadPeriod(f"The period may be at most {MAX_DAYS} days.")
    start = datetime.combine(first, time(), tzinfo=LONDON)
    end = datetime.combine(last + timedelta(days=1), time(), tzinfo=LONDON)
    rows = await StatisticsRepository(session).incident_counts(
        start=start, end=end, group_by=group_by, knife=knife, districts=districts
    )
    groups = [
        IncidentCount(
            district=values.get(GroupBy.DISTRICT),
            month=values.get(GroupBy.MONTH),
            category=values.get(GroupBy.CATEGORY),
            count=count,
        )
        for values, count in rows
        if count
    ]
    return IncidentStatistics(
        from_=first,
        to=last,
        group_by=list(group_by),
        knife=knife,
        districts=sorted(districts) if districts is not None else None,
        total=sum(g.count for g in groups),
        groups=groups,
    )
