from collections.abc import Sequence

from sqlalchemy import ColumnElement, Select, exists, select
from sqlalchemy.orm import selectinload

from funding.access import DistrictScope
from funding.allocation.models import Allocation, AllocationLine, AllocationStatus
from vru_shared.pagination import PageParams
from vru_shared.repository import ScopedRepository


class AllocationRepository(ScopedRepository[Allocation, DistrictScope]):
    """Allocation runs with their recipients' shares; a CSP officer sees the runs that include their districts,
    with only those districts' shares."""

    model = Allocation
    order = ("created_at", "id")

    def visible(self, scope: DistrictScope) -> ColumnElement[bool] | None:
        if scope is None:
            return None
        return exists(
            select(AllocationLine.id).where(
                AllocationLine.allocation_id == Allocation.id, AllocationLine.district.in_(sorted(scope))
            )
        )

    def readable(self, scope: DistrictScope) -> Select[Allocation]:
        lines = Allocation.lines if scope is None else Allocation.lines.and_(AllocationLine.district.in_(sorted(scope)))
        return super().readable(scope).options(selectinload(lines)).execution_options(populate_existing=True)

    async def filtered(
        self, params: PageParams, scope: DistrictScope, *, status: AllocationStatus | None
    ) -> Sequence[Allocation]:
        filters = () if status is None else (Allocation.status == status.value,)
        return await self.page_visible(params, scope, *filters)
