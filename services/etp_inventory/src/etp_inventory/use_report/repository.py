from collections.abc import Sequence

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import contains_eager, joinedload

from etp_inventory.access import Scope
from etp_inventory.location.models import Location
from etp_inventory.location.repository import visible_location
from etp_inventory.use_report.models import CrimeReferenceStatus, UseReport
from vru_shared.pagination import PageParams
from vru_shared.repository import ScopedRepository


class UseReportRepository(ScopedRepository[UseReport, Scope]):
    """Use reports at the sites the caller can see, each with its pack, site and resupply task."""

    model = UseReport
    order = ("created_at", "id")

    def statement(self) -> Select[UseReport]:
        return (
            select(UseReport)
            .join(UseReport.site)
            .options(
                contains_eager(UseReport.site),
                joinedload(UseReport.pack, innerjoin=True),
                joinedload(UseReport.resupply_task),
            )
            .execution_options(populate_existing=True)
        )

    def visible(self, scope: Scope) -> ColumnElement[bool] | None:
        return visible_location(scope)

    async def page_reports(
        self, page: PageParams, scope: Scope, *, district: str | None, status: CrimeReferenceStatus | None
    ) -> Sequence[UseReport]:
        filters = [Location.district == district] if district is not None else []
        if status is not None:
            filters.append(UseReport.crime_reference_status == status.value)
        return await self.page_visible(page, scope, *filters, descending=True)

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
