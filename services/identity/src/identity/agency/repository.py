from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from identity.agency.models import Agency, AgencyKind
from vru_shared.db import add_unless_duplicate
from vru_shared.pagination import PageParams, keyset


class AgencyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, agency_id: UUID, *, for_update: bool = False) -> Agency | None:
        stmt = select(Agency).where(Agency.id == agency_id)
        if for_update:
            stmt = stmt.with_for_update()
        return (await self.session.scalars(stmt)).one_or_none()

    async def exists(self, agency_id: UUID) -> bool:
        return (await self.session.scalar(select(Agency.id).where(Agency.id == agency_id))) is not None

    async def by_code(self, code: str) -> Agency | None:
        return (await self.session.scalars(select(Agency).where(Agency.code == code))).one_or_none()

    async def list(self, page: PageParams, *, kind: AgencyKind | None) -> Sequence[Agency]:
        stmt = select(Agency)
        if kind is not None:
            stmt = stmt.where(Agency.kind == kind.value)
        return (await self.session.scalars(keyset(stmt, page, Agency.code))).all()

    async def add(self, agency: Agency) -> bool:
        """Insert; False when the code is already taken (also by a concurrent request)."""
        return await add_unless_duplicate(self.session, agency)
