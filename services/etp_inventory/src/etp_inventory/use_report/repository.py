from collections.abc import Sequence
from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from etp_inventory.access import Scope
from etp_inventory.location.models import Location
from etp_inventory.location.repository import visible_location
from etp_inventory.pack.models import Pack
from etp_inventory.use_report.models import CrimeReferenceStatus, ResupplyStatus, ResupplyTask, UseReport
from vru_shared.pagination import PageParams, keyset

UseReportRow = tuple[UseReport, str, Location, UUID | None]


class UseReportRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def _base(self, scope: Scope) -> Select[UseReport, str, Location, UUID]:
        stmt = (
            select(UseReport, Pack.serial, Location, ResupplyTask.id)
            .join(Pack, Pack.id == UseReport.pack_id)
            .join(Location, Location.id == UseReport.site_id)
            .outerjoin(ResupplyTask, ResupplyTask.use_report_id == UseReport.id)
        )
        visible = visible_location(scope)
        return stmt if visible is None else stmt.where(visible)

    async def add(self, report: UseReport) -> None:
        self.session.add(report)
        await self.session.flush()

    async def get(self, report_id: UUID, scope: Scope) -> UseReportRow | None:
        row = (await self.session.execute(self._base(scope).where(UseReport.id == report_id))).one_or_none()
        return (row[0], row[1], row[2], row[3]) if row else None

    async def page(
        self, page: PageParams, scope: Scope, *, district: str | None, status: CrimeReferenceStatus | None
    ) -> Sequence[UseReportRow]:
        stmt = self._base(scope)
        if district is not None:
            stmt = stmt.where(Location.district == district)
        if status is not None:
            stmt = stmt.where(UseReport.crime_reference_status == status.value)
        rows = await self.session.execute(keyset(stmt, page, UseReport.created_at, UseReport.id, descending=True))
        return [(r, s, loc, t) for r, s, loc, t in rows]

    async def unverified(self, limit: int) -> Sequence[UseReport]:
        """Reports waiting for their crime reference to be checked, oldest first, locked for this worker."""
        stmt = (
            select(UseReport)
            .where(UseReport.crime_reference_status == CrimeReferenceStatus.UNVERIFIED.value)
            .order_by(UseReport.created_at, UseReport.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return (await self.session.scalars(stmt)).all()


class ResupplyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, task: ResupplyTask) -> None:
        self.session.add(task)
        await self.session.flush()

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
        visible = visible_location(scope)
        if visible is not None:
            stmt = stmt.where(visible)
        if district is not None:
            stmt = stmt.where(Location.district == district)
        if status is not None:
            stmt = stmt.where(ResupplyTask.status == status.value)
        rows = await self.session.execute(keyset(stmt, page, ResupplyTask.opened_at, ResupplyTask.id, descending=True))
        return [(t, loc) for t, loc in rows]
