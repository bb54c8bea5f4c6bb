from collections.abc import Collection, Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Subquery, func, insert, literal, or_, select, union_all, update
from sqlalchemy.ext.asyncio import AsyncSession

from etp_inventory.location.models import Location
from etp_inventory.movement.models import Movement
from etp_inventory.pack.models import Pack, PackStatus
from vru_shared.pagination import PageParams, keyset


def _deltas() -> Subquery:
    """Every ledger entry as (+1 into its destination) and (−1 out of its origin)."""
    into = select(Movement.to_location_id.label("location_id"), literal(1).label("delta")).where(
        Movement.to_location_id.is_not(None)
    )
    out = select(Movement.from_location_id.label("location_id"), literal(-1).label("delta")).where(
        Movement.from_location_id.is_not(None)
    )
    return union_all(into, out).subquery("deltas")


class MovementRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # --- stock, derived from the ledger ---------------------------------------------------------------

    async def on_hand(self, location_ids: Collection[UUID]) -> dict[UUID, int]:
        """Packs at each location: entries in minus entries out."""
        if not location_ids:
            return {}
        d = _deltas()
        stmt = (
            select(d.c.location_id, func.sum(d.c.delta))
            .where(d.c.location_id.in_(list(location_ids)))
            .group_by(d.c.location_id)
        )
        rows: Any = await self.session.execute(stmt)
        found: dict[UUID, int] = {loc: int(n) for loc, n in rows}
        return {loc: found.get(loc, 0) for loc in location_ids}

    async def on_hand_by_district(self, kind: str, districts: Collection[str] | None) -> dict[str, int]:
        """Packs at locations of one kind (CSPs, or all sites), summed per district."""
        d = _deltas()
        stmt = (
            select(Location.district, func.sum(d.c.delta))
            .join(Location, Location.id == d.c.location_id)
            .where(Location.kind == kind)
            .group_by(Location.district)
        )
        if districts is not None:
            stmt = stmt.where(Location.district.in_(list(districts)))
        return {str(district): int(n) for district, n in (await self.session.execute(stmt))}

    # --- taking packs out of a location, safely under concurrency -------------------------------------

    async def lock_available(
        self,
        location_id: UUID,
        quantity: int,
        *,
        kit_type_id: UUID | None,
        in_date_from: Any,
        pack_ids: Collection[UUID] | None = None,
    ) -> list[tuple[UUID, str]]:
        """Lock up to ``quantity`` packs in stock at the location, earliest expiry first, skipping packs another
        transaction holds: two requests never take the same pack, and a pack is never taken twice."""
        stmt = select(Pack.id, Pack.serial).where(
            Pack.location_id == location_id, Pack.status == PackStatus.IN_STOCK.value
        )
        if kit_type_id is not None:
            stmt = stmt.where(Pack.kit_type_id == kit_type_id)
        if pack_ids is not None:
            stmt = stmt.where(Pack.id.in_(list(pack_ids)))
        if in_date_from is not None:
            stmt = stmt.where(or_(Pack.expires_on.is_(None), Pack.expires_on >= in_date_from))
        stmt = (
            stmt.order_by(Pack.expires_on.asc().nulls_last(), Pack.serial)
            .limit(quantity)
            .with_for_update(of=Pack, skip_locked=True)
        )
        return [(pack_id, serial) for pack_id, serial in (await self.session.execute(stmt))]

    async def count_available(self, location_id: UUID, *, kit_type_id: UUID | None, in_date_from: Any) -> int:
        stmt = select(func.count()).where(Pack.location_id == location_id, Pack.status == PackStatus.IN_STOCK.value)
        if kit_type_id is not None:
            stmt = stmt.where(Pack.kit_type_id == kit_type_id)
        if in_date_from is not None:
            stmt = stmt.where(or_(Pack.expires_on.is_(None), Pack.expires_on >= in_date_from))
        return int((await self.session.execute(stmt)).scalar_one())

    async def move_packs(self, pack_ids: Collection[UUID], *, values: dict[str, Any]) -> None:
        """Keep the packs' current location and status in step with the ledger (same transaction)."""
        await self.session.execute(
            update(Pack)
            .where(Pack.id.in_(list(pack_ids)))
            .values(version=Pack.version + 1, updated_at=func.now(), **values)
            .execution_options(synchronize_session=False)
        )

    async def append(self, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            await self.session.execute(insert(Movement).execution_options(render_nulls=True), rows)

    # --- reading the ledger ---------------------------------------------------------------------------

    async def page(
        self,
        page: PageParams,
        visible: ColumnElement[bool] | None,
        *,
        pack_id: UUID | None,
        location_id: UUID | None,
        kind: str | None,
    ) -> Sequence[tuple[Movement, str]]:
        stmt = select(Movement, Pack.serial).join(Pack, Pack.id == Movement.pack_id)
        if visible is not None:
            seen = select(Location.id).where(visible)
            stmt = stmt.where(or_(Movement.from_location_id.in_(seen), Movement.to_location_id.in_(seen)))
        if pack_id is not None:
            stmt = stmt.where(Movement.pack_id == pack_id)
        if location_id is not None:
            stmt = stmt.where(or_(Movement.from_location_id == location_id, Movement.to_location_id == location_id))
        if kind is not None:
            stmt = stmt.where(Movement.kind == kind)
        rows = await self.session.execute(keyset(stmt, page, Movement.id, descending=True))
        return [(m, serial) for m, serial in rows]

    async def location_names(self, ids: Collection[UUID]) -> dict[UUID, tuple[str, str, str | None]]:
        if not ids:
            return {}
        stmt = select(Location.id, Location.kind, Location.name, Location.district).where(Location.id.in_(list(ids)))
        return {i: (k, n, d) for i, k, n, d in (await self.session.execute(stmt))}
