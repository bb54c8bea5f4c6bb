from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import Select, select

from etp_inventory.access import Scope
from etp_inventory.db import Repository, where_visible
from etp_inventory.location.models import Location
from etp_inventory.location.repository import visible_location
from etp_inventory.movement.models import ResupplyTask
from etp_inventory.pack.models import Pack
from etp_inventory.use_report.models import CrimeReferenceStatus, UseReport
from vru_shared.pagination import PageParams, keyset

UseReportRow = tuple[UseReport, str, Location, UUID | None]


class UseReportRepository(Repository):
    def _base(self, scope: Scope) -> Select[UseReport, str, Location, UUID]:
        stmt = (
            select(UseReport, Pack.serial, Location, ResupplyTask.id)
            .join(Pack, Pack.id == UseReport.pack_id)
            .join(Location, Location.id == UseReport.site_id)
            .outerjoin(ResupplyTask, ResupplyTask.use_report_id == UseReport.id)
        )
        return where_visible(stmt, visible_location(scope))

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
