from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Select, func, insert, or_, select, update
from sqlalchemy.orm import contains_eager, joinedload

from etp_inventory.access import Scope
from etp_inventory.location.models import Location
from etp_inventory.location.repository import visible_location
from etp_inventory.movement.models import Movement, ResupplyStatus, ResupplyTask
from etp_inventory.pack.models import Pack, PackStatus
from vru_shared.pagination import PageParams
from vru_shared.repository import ScopedRepository


class MovementRepository(ScopedRepository[Movement, Scope]):
    """The append-only ledger (entries are only ever inserted), and taking packs out of a location."""

    model = Movement

    def statement(self) -> Select[Movement]:
        return select(Movement).options(joinedload(Movement.pack, innerjoin=True))

    def visible(self, scope: Scope) -> ColumnElement[bool] | None:
        """Entries into or out of a location the caller can see."""
        visible = visible_location(scope)
        if visible is None:
            return None
        seen = select(Location.id).where(visible)
        return or_(Movement.from_location_id.in_(seen), Movement.to_location_id.in_(seen))

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

    async def page_entries(
        self, page: PageParams, scope: Scope, *, pack_id: UUID | None, location_id: UUID | None, kind: str | None
    ) -> Sequence[Movement]:
        filters = [Movement.pack_id == pack_id] if pack_id is not None else []
        if location_id is not None:
            filters.append(or_(Movement.from_location_id == location_id, Movement.to_location_id == location_id))
        if kind is not None:
            filters.append(Movement.kind == kind)
        return await self.page_visible(page, scope, *filters, descending=True)


class ResupplyRepository(ScopedRepository[ResupplyTask, Scope]):
    """Pending deployments: a use report opens one for its site, a deployment there completes it."""

    model = ResupplyTask
    order = ("opened_at", "id")

    def statement(self) -> Select[ResupplyTask]:
        return select(ResupplyTask).join(ResupplyTask.site).options(contains_eager(ResupplyTask.site))

    def visible(self, scope: Scope) -> ColumnElement[bool] | None:
        return visible_location(scope)

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

    async def page_tasks(
        self, page: PageParams, scope: Scope, *, district: str | None, status: ResupplyStatus | None
    ) -> Sequence[ResupplyTask]:
        filters = [Location.district == district] if district is not None else []
        if status is not None:
            filters.append(ResupplyTask.status == status.value)
        return await self.page_visible(page, scope, *filters, descending=True)
