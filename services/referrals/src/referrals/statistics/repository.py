from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select

from referrals.incident.models import Incident
from referrals.reference.models import District, OffenceCategory
from referrals.statistics.schemas import GroupBy
from vru_shared.kent_medway import LONDON
from vru_shared.repository import Repository


class StatisticsRepository(Repository[Incident]):
    """Aggregate incident counts (no personal data)."""

    model = Incident

    async def incident_counts(
        self,
        *,
        start: datetime,
        end: datetime,
        group_by: Sequence[GroupBy],
        knife: bool | None,
        districts: frozenset[str] | None = None,
    ) -> Sequence[tuple[dict[GroupBy, str], int]]:
        """``districts``: count only these (a coordinator's); ``None``: all."""
        month = func.to_char(func.timezone(LONDON.key, Incident.occurred_at), "YYYY-MM")
        dimensions: dict[GroupBy, Any] = {
            GroupBy.DISTRICT: District.code,
            GroupBy.MONTH: month,
            GroupBy.CATEGORY: OffenceCategory.code,
        }
        columns = [dimensions[g].label(g.value) for g in group_by]
        stmt = (
            select(*columns, func.count().label("count"))
            .select_from(Incident)
            .join(District, District.id == Incident.district_id)
            .join(OffenceCategory, OffenceCategory.id == Incident.category_id)
            .where(Incident.occurred_at >= start, Incident.occurred_at < end)
        )
        if districts is not None:
            stmt = stmt.where(District.code.in_(sorted(districts)))
        if knife is not None:
            is_knife = or_(Incident.weapon_knife, OffenceCategory.knife)
            stmt = stmt.where(is_knife if knife else ~is_knife)
        if columns:
            stmt = stmt.group_by(*columns).order_by(*columns)
        rows = (await self.session.execute(stmt)).all()
        return [({g: row._mapping[g.value] for g in group_by}, int(row._mapping["count"])) for row in rows]
