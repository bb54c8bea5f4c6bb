from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, func, insert, or_, select, update

from etp_inventory.access import Scope
from etp_inventory.db import Repository, where_visible
from etp_inventory.location.models import Location
from etp_inventory.location.repository import visible_location
from etp_inventory.movement.models import Movement, ResupplyStatus, ResupplyTask
from etp_inventory.pack.models import Pack, PackStatus
from vru_shared.pagination import PageParams, keyset


class MovementRepository(Repository):
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


class ResupplyRepository(Repository):
    """Pending deployments: a use report opens one for its site, a deployment there completes it."""

    async def complete_for_site(self, site_id: UUID, pack_ids: Sequence[UUID], *, by: str) -> int:
        """Packs deployed to a site complete its open tasks, oldest first, one pack each."""
        if not pack_ids:
            return 0
        stmt = (
            select(ResupplyTask)
            .where(ResupplyTask.site_id == site_id, ResupplyTask.status == ResupplyStatus.OPEN.value)
            .order_by(ResupplyTask.opened_at, ResupplyTask.id)
            .limit(len(pack_ids))
            .with_for_update()
        )
        tasks = (await self.session.scalars(stmt)).all()
        now = datetime.now(UTC)
        for task, pack_id in zip(tasks, pack_ids, strict=False):
            task.status = ResupplyStatus.DONE.value
            task.completed_at = now
            task.completed_by = by
            task.replacement_pack_id = pack_id
        await self.session.flush()
        return len(tasks)

    async def page(
        self, page: PageParams, scope: Scope, *, district: str | None, status: ResupplyStatus | None
    ) -> Sequence[tuple[ResupplyTask, Location]]:
        stmt = select(ResupplyTask, Location).join(Location, Location.id == ResupplyTask.site_id)
        stmt = where_visible(stmt, visible_location(scope))
        if district is not None:
            stmt = stmt.where(Location.district == district)
        if status is not None:
            stmt = stmt.where(ResupplyTask.status == status.value)
        rows = await self.session.execute(keyset(stmt, page, ResupplyTask.opened_at, ResupplyTask.id, descending=True))
        return [(t, loc) for t, loc in rows]
