from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import joinedload, selectinload

from etp_inventory.access import Scope
from etp_inventory.check.models import Check
from etp_inventory.location.models import Location, LocationKind
from etp_inventory.location.repository import guarded_by, visible_location
from etp_inventory.pack.models import Pack, PackStatus
from vru_shared.pagination import PageParams, keyset
from vru_shared.repository import ScopedRepository


def due_at_of(interval_days: int) -> ColumnElement[Any]:
    return func.coalesce(Pack.last_checked_at, Pack.arrived_at) + func.make_interval(0, 0, 0, interval_days)


class CheckRepository(ScopedRepository[Check, Scope]):
    """Checks at the sites the caller can see, newest first, each with its pack; and the checks falling due."""

    model = Check
    order = ("checked_at", "id")

    def statement(self) -> Select[Check]:
        return select(Check).join(Location, Location.id == Check.site_id).options(joinedload(Check.pack))

    def visible(self, scope: Scope) -> ColumnElement[bool] | None:
        return visible_location(scope)

    async def page_checks(
        self, page: PageParams, scope: Scope, *, pack_id: UUID | None, site_id: UUID | None
    ) -> Sequence[Check]:
        filters = [Check.pack_id == pack_id] if pack_id is not None else []
        if site_id is not None:
            filters.append(Check.site_id == site_id)
        return await self.page_visible(page, scope, *filters, descending=True)

    async def due(
        self,
        page: PageParams,
        scope: Scope,
        *,
        interval_days: int,
        due_before: datetime,
        district: str | None,
        guardian: str | None,
    ) -> Sequence[tuple[Pack, Location, datetime]]:
        """Packs in stock at sites whose next check falls before ``due_before``, soonest first."""
        due_at = due_at_of(interval_days).label("due_at")
        stmt = (
            select(Pack, Location, due_at)
            .join(Location, Location.id == Pack.location_id)
            .where(
                Location.kind == LocationKind.SITE.value,
                Pack.status == PackStatus.IN_STOCK.value,
                due_at_of(interval_days) < due_before,
            )
        )
        if (visible := self.visible(scope)) is not None:
            stmt = stmt.where(visible)
        if district is not None:
            stmt = stmt.where(Location.district == district)
        if guardian is not None:
            stmt = stmt.where(guarded_by(guardian))
        stmt = stmt.options(selectinload(Location.guardians))
        paged: Any = keyset(stmt, page, due_at_of(interval_days), Pack.id)  # type: ignore[arg-type]
        return [(row[0], row[1], row[2]) for row in (await self.session.execute(paged))]
