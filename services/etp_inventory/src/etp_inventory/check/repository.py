from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, exists, func, select

from etp_inventory.access import Scope
from etp_inventory.check.models import Check
from etp_inventory.db import Repository, where_visible
from etp_inventory.location.models import Location, LocationKind, SiteGuardian
from etp_inventory.location.repository import visible_location
from etp_inventory.pack.models import Pack, PackStatus
from vru_shared.pagination import PageParams, keyset


def due_at_of(interval_days: int) -> ColumnElement[Any]:
    return func.coalesce(Pack.last_checked_at, Pack.arrived_at) + func.make_interval(0, 0, 0, interval_days)


class CheckRepository(Repository):
    async def page(
        self, page: PageParams, scope: Scope, *, pack_id: UUID | None, site_id: UUID | None
    ) -> Sequence[tuple[Check, str]]:
        stmt = (
            select(Check, Pack.serial).join(Pack, Pack.id == Check.pack_id).join(Location, Location.id == Check.site_id)
        )
        stmt = where_visible(stmt, visible_location(scope))
        if pack_id is not None:
            stmt = stmt.where(Check.pack_id == pack_id)
        if site_id is not None:
            stmt = stmt.where(Check.site_id == site_id)
        rows = await self.session.execute(keyset(stmt, page, Check.checked_at, Check.id, descending=True))
        return [(c, serial) for c, serial in rows]

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
        stmt = where_visible(stmt, visible_location(scope))
        if district is not None:
            stmt = stmt.where(Location.district == district)
        if guardian is not None:
            stmt = stmt.where(
                exists(
                    select(SiteGuardian.site_id).where(
                        SiteGuardian.site_id == Location.id, SiteGuardian.subject == guardian
                    )
                )
            )
        paged: Any = keyset(stmt, page, due_at_of(interval_days), Pack.id)  # type: ignore[arg-type]
        return [(row[0], row[1], row[2]) for row in (await self.session.execute(paged))]

    async def guardian_subjects(self, site_ids: Sequence[UUID]) -> dict[UUID, list[str]]:
        out: dict[UUID, list[str]] = {s: [] for s in site_ids}
        if not site_ids:
            return out
        stmt = (
            select(SiteGuardian.site_id, SiteGuardian.subject)
            .where(SiteGuardian.site_id.in_(list(set(site_ids))))
            .order_by(SiteGuardian.subject)
        )
        for site_id, subject in await self.session.execute(stmt):
            out[site_id].append(subject)
        return out
