"""Figures per CSP, counted across locations, packs, use reports and resupply tasks (no sites or contacts)."""

from collections.abc import Collection
from uuid import UUID

from sqlalchemy import func, select

from etp_inventory.location.models import Location, LocationKind
from etp_inventory.movement.models import ResupplyStatus, ResupplyTask
from etp_inventory.pack.models import Pack, PackStatus, Readiness
from etp_inventory.pack.readiness import ReadinessRules
from etp_inventory.use_report.models import UseReport
from vru_shared.repository import Repository

#: What a pack in stock at a site can be.
AT_SITES = (Readiness.READY, Readiness.NEEDS_ATTENTION, Readiness.CHECK_OVERDUE, Readiness.EXPIRED)


class CspRepository(Repository[Location]):
    """Figures per district's CSP (aggregates, not records)."""

    model = Location

    async def site_counts(self, districts: Collection[str] | None) -> dict[str, tuple[int, int]]:
        """(sites, public sites) per district."""
        stmt = (
            select(Location.district, func.count(), func.count().filter(Location.is_public.is_(True)))
            .where(Location.kind == LocationKind.SITE.value)
            .group_by(Location.district)
        )
        if districts is not None:
            stmt = stmt.where(Location.district.in_(list(districts)))
        return {str(d): (int(n), int(p)) for d, n, p in (await self.session.execute(stmt))}

    async def readiness_counts(
        self, districts: Collection[str] | None, rules: ReadinessRules
    ) -> dict[str, dict[Readiness, int]]:
        """Packs in stock at each district's sites, by readiness."""
        stmt = (
            select(Location.district, *(func.count().filter(rules.sql_is(r)) for r in AT_SITES))
            .select_from(Pack)
            .join(Location, Location.id == Pack.location_id)
            .where(Location.kind == LocationKind.SITE.value, Pack.status == PackStatus.IN_STOCK.value)
            .group_by(Location.district)
        )
        if districts is not None:
            stmt = stmt.where(Location.district.in_(list(districts)))
        out: dict[str, dict[Readiness, int]] = {}
        for row in await self.session.execute(stmt):
            out[str(row[0])] = {r: int(n) for r, n in zip(AT_SITES, row[1:], strict=True)}
        return out

    async def use_counts(self, districts: Collection[str] | None) -> dict[str, int]:
        stmt = (
            select(Location.district, func.count())
            .select_from(UseReport)
            .join(Location, Location.id == UseReport.site_id)
            .group_by(Location.district)
        )
        if districts is not None:
            stmt = stmt.where(Location.district.in_(list(districts)))
        return {str(d): int(n) for d, n in (await self.session.execute(stmt))}

    async def open_task_counts(self, districts: Collection[str] | None) -> dict[UUID, int]:
        stmt = (
            select(ResupplyTask.csp_id, func.count())
            .where(ResupplyTask.status == ResupplyStatus.OPEN.value)
            .group_by(ResupplyTask.csp_id)
        )
        if districts is not None:
            stmt = stmt.join(Location, Location.id == ResupplyTask.csp_id).where(Location.district.in_(list(districts)))
        return {c: int(n) for c, n in (await self.session.execute(stmt))}
