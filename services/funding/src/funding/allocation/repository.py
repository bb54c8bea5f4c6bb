from collections.abc import Collection, Sequence
from uuid import UUID

from sqlalchemy import ColumnElement, exists, select

from funding.allocation.models import Allocation, AllocationLine, AllocationStatus
from funding.db import Repository
from vru_shared.pagination import PageParams, keyset


class AllocationRepository(Repository):
    def _visible(self, scope: frozenset[str] | None) -> ColumnElement[bool] | None:
        if scope is None:
            return None
        return exists(
            select(AllocationLine.id).where(
                AllocationLine.allocation_id == Allocation.id, AllocationLine.district.in_(sorted(scope))
            )
        )

    async def add(self, allocation: Allocation, lines: Sequence[AllocationLine]) -> None:
        self.session.add(allocation)
        await self.session.flush()
        for line in lines:
            line.allocation_id = allocation.id
        self.session.add_all(lines)
        await self.session.flush()

    async def page(
        self, page: PageParams, scope: frozenset[str] | None, *, status: AllocationStatus | None
    ) -> Sequence[Allocation]:
        stmt = select(Allocation)
        visible = self._visible(scope)
        if visible is not None:
            stmt = stmt.where(visible)
        if status is not None:
            stmt = stmt.where(Allocation.status == status.value)
        return (await self.session.scalars(keyset(stmt, page, Allocation.created_at, Allocation.id))).all()

    async def get(
        self, allocation_id: UUID, scope: frozenset[str] | None, *, for_update: bool = False
    ) -> Allocation | None:
        stmt = select(Allocation).where(Allocation.id == allocation_id)
        visible = self._visible(scope)
        if visible is not None:
            stmt = stmt.where(visible)
        if for_update:
            stmt = stmt.with_for_update()
        return (await self.session.scalars(stmt)).one_or_none()

    async def lines(
        self, allocation_ids: Collection[UUID], scope: frozenset[str] | None
    ) -> dict[UUID, list[AllocationLine]]:
        out: dict[UUID, list[AllocationLine]] = {a: [] for a in allocation_ids}
        if not allocation_ids:
            return out
        stmt = select(AllocationLine).where(AllocationLine.allocation_id.in_(list(allocation_ids)))
        if scope is not None:
            stmt = stmt.where(AllocationLine.district.in_(sorted(scope)))
        for line in await self.session.scalars(stmt.order_by(AllocationLine.district)):
            out[line.allocation_id].append(line)
        return out
