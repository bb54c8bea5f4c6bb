from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from referrals.reference.models import CoordinatorArea, District
from vru_shared.pagination import PageParams, keyset


class ReferenceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def list_districts(self, page: PageParams) -> Sequence[tuple[District, str]]:
        stmt = select(District, CoordinatorArea.code).join(District.area)
        result = await self.session.execute(keyset(stmt, page, District.code))
        return [(row[0], row[1]) for row in result.all()]

    async def get_district(self, code: str) -> tuple[District, str] | None:
        stmt = select(District, CoordinatorArea.code).join(District.area).where(District.code == code)
        row = (await self.session.execute(stmt)).one_or_none()
        return (row[0], row[1]) if row else None

    async def list_areas(self, page: PageParams) -> Sequence[CoordinatorArea]:
        stmt = select(CoordinatorArea).options(selectinload(CoordinatorArea.districts))
        return (await self.session.scalars(keyset(stmt, page, CoordinatorArea.code))).all()

    async def get_area(self, code: str) -> CoordinatorArea | None:
        stmt = (
            select(CoordinatorArea).options(selectinload(CoordinatorArea.districts)).where(CoordinatorArea.code == code)
        )
        return (await self.session.scalars(stmt)).one_or_none()
