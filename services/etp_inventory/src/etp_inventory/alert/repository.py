from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import and_, func, select

from etp_inventory.access import Scope
from etp_inventory.location.models import Location, LocationKind
from etp_inventory.pack.models import Pack, PackStatus
from etp_inventory.pack.readiness import ReadinessRules
from etp_inventory.pack.repository import PackRepository
from vru_shared.pagination import PageParams


class AlertRepository(PackRepository):
    """Packs expiring, and counts of what needs doing, where the caller can see them."""

    async def expiring(self, page: PageParams, scope: Scope, *, by: date) -> Sequence[Pack]:
        expiring = (Pack.status == PackStatus.IN_STOCK.value, Pack.expires_on.is_not(None), Pack.expires_on <= by)
        return await self.page_visible(page, scope, *expiring, order=(Pack.expires_on, Pack.id))

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
        if (visible := self.visible(scope)) is not None:
            stmt = stmt.where(visible)
        row = (await self.session.execute(stmt)).one()
        return int(row[0]), int(row[1]), int(row[2]), int(row[3]), int(row[4])
