from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import and_, func, select

from etp_inventory.access import Scope
from etp_inventory.db import Repository, where_visible
from etp_inventory.location.models import Location, LocationKind
from etp_inventory.location.repository import visible_location
from etp_inventory.pack.models import Pack, PackStatus
from etp_inventory.pack.readiness import ReadinessRules
from vru_shared.pagination import PageParams, keyset


class AlertRepository(Repository):
    async def expiring(self, page: PageParams, scope: Scope, *, by: date) -> Sequence[tuple[Pack, Location]]:
        stmt = (
            select(Pack, Location)
            .join(Location, Location.id == Pack.location_id)
            .where(Pack.status == PackStatus.IN_STOCK.value, Pack.expires_on.is_not(None), Pack.expires_on <= by)
        )
        stmt = where_visible(stmt, visible_location(scope))
        rows = await self.session.execute(keyset(stmt, page, Pack.expires_on, Pack.id))
        return [(p, loc) for p, loc in rows]

    async def counts(self, scope: Scope, rules: ReadinessRules) -> tuple[int, int, int, int, int]:
        """(expired in stock, expiring within 30, 60, 90 days, overdue checks)."""
        today = rules.today
        in_stock = Pack.status == PackStatus.IN_STOCK.value
        in_date = Pack.expires_on >= today

        def within(days: int) -> Any:
            return func.count().filter(
                and_(in_stock, in_date, Pack.expires_on <= date.fromordinal(today.toordinal() + days))
            )

        stmt = (
            select(
                func.count().filter(and_(in_stock, Pack.expires_on < today)),
                within(30),
                within(60),
                within(90),
                func.count().filter(and_(in_stock, Location.kind == LocationKind.SITE.value, rules.sql_overdue())),
            )
            .select_from(Pack)
            .join(Location, Location.id == Pack.location_id)
        )
        stmt = where_visible(stmt, visible_location(scope))
        row = (await self.session.execute(stmt)).one()
        return int(row[0]), int(row[1]), int(row[2]), int(row[3]), int(row[4])
