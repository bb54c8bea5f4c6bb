from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from etp_inventory.access import Scope
from etp_inventory.location.models import Location, LocationKind, SiteGuardian
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


@dataclass(frozen=True, slots=True)
class AnnouncedPack:
    id: UUID
    serial: str
    expires_on: date | None
    location_id: UUID
    location_kind: str
    district: str | None
    #: When its check fell due (``pack.check_overdue``), else None.
    check_due_at: datetime | None = None


class AnnouncementRepository:
    """The SQL of the alerts announcer (``pack.expiring``, ``pack.check_overdue``): each kind marks its packs with one
    ``UPDATE … RETURNING`` whose candidates are locked ``FOR UPDATE SKIP LOCKED`` — two replicas' rounds never take the
    same pack, and a pack already marked is not returned again. ``version`` and ``updated_at`` are left as they are:
    the mark is not part of the pack anyone reads (no ETag change, no change-feed entry)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def mark_expiring(self, *, today: date, by: date, limit: int) -> list[AnnouncedPack]:
        """Packs in stock (anywhere) whose expiry falls from ``today`` to ``by``, not yet announced for that date."""
        unannounced = Pack.expiry_announced_on.is_distinct_from(Pack.expires_on)
        candidates = (
            select(Pack.id)
            .where(
                Pack.status == PackStatus.IN_STOCK.value,
                Pack.expires_on.is_not(None),
                Pack.expires_on >= today,
                Pack.expires_on <= by,
                unannounced,
            )
            .order_by(Pack.expires_on, Pack.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        stmt = (
            update(Pack)
            .where(Pack.id.in_(candidates), unannounced, Location.id == Pack.location_id)
            .values(expiry_announced_on=Pack.expires_on, updated_at=Pack.updated_at)
            .returning(Pack.id, Pack.serial, Pack.expires_on, Location.id, Location.kind, Location.district)
            .execution_options(synchronize_session=False)
        )
        rows = (await self.session.execute(stmt)).all()
        return sorted((AnnouncedPack(*row) for row in rows), key=lambda p: (p.expires_on, p.id))

    async def mark_check_overdue(self, *, rules: ReadinessRules, limit: int) -> list[AnnouncedPack]:
        """Packs in stock at a site whose guardian check is overdue (as ``GET /v1/alerts`` counts them), not yet
        announced in this overdue period — which begins with the last check, or the arrival at the site."""
        started = func.coalesce(Pack.last_checked_at, Pack.arrived_at)
        unannounced = or_(Pack.check_overdue_announced_at.is_(None), Pack.check_overdue_announced_at < started)
        candidates = (
            select(Pack.id)
            .join(Location, Location.id == Pack.location_id)
            .where(
                Pack.status == PackStatus.IN_STOCK.value,
                Location.kind == LocationKind.SITE.value,
                rules.sql_overdue(),
                unannounced,
            )
            .order_by(started, Pack.id)
            .limit(limit)
            .with_for_update(of=Pack, skip_locked=True)
        )
        stmt = (
            update(Pack)
            .where(Pack.id.in_(candidates), unannounced, Location.id == Pack.location_id)
            .values(check_overdue_announced_at=rules.now, updated_at=Pack.updated_at)
            .returning(Pack.id, Pack.serial, Pack.expires_on, Location.id, Location.kind, Location.district, started)
            .execution_options(synchronize_session=False)
        )
        rows = (await self.session.execute(stmt)).all()
        packs = [AnnouncedPack(*row[:6], check_due_at=row[6] + rules.interval) for row in rows]
        return sorted(packs, key=lambda p: (p.check_due_at or rules.now, p.id))

    async def guardians(self, site_ids: Collection[UUID]) -> dict[UUID, Sequence[str]]:
        """Each site's guardians (token subjects)."""
        if not site_ids:
            return {}
        rows = await self.session.execute(
            select(SiteGuardian.site_id, SiteGuardian.subject).where(SiteGuardian.site_id.in_(site_ids))
        )
        out: dict[UUID, list[str]] = {}
        for site_id, subject in rows.all():
            out.setdefault(site_id, []).append(subject)
        return dict(out)
