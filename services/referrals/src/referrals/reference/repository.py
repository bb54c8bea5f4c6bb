from collections.abc import Collection, Iterable, Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Select, String, any_, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased, selectinload
from sqlalchemy.types import TypeEngine

from referrals.reference.models import CoordinatorArea, District, Forum, OffenceCategory, PartnerAgency
from vru_shared.pagination import PageParams, keyset


def any_of(column: Any, values: Iterable[Any], item_type: TypeEngine[Any]) -> ColumnElement[bool]:
    """``column = ANY(:array)``: one bound parameter however many values (no 32k-parameter limit)."""
    return column == any_(bindparam(None, list(values), type_=ARRAY(item_type)))  # type: ignore[no-any-return]


def district_ids(codes: Collection[str]) -> Any:
    return select(District.id).where(any_of(District.code, codes, String()))


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

    async def list_categories(self, page: PageParams) -> Sequence[OffenceCategory]:
        return (await self.session.scalars(keyset(select(OffenceCategory), page, OffenceCategory.code))).all()

    async def get_category(self, code: str) -> OffenceCategory | None:
        stmt = select(OffenceCategory).where(OffenceCategory.code == code)
        return (await self.session.scalars(stmt)).one_or_none()

    def _forums(self) -> Select[Forum, str | None, str | None]:
        area = aliased(CoordinatorArea)
        district_area = aliased(CoordinatorArea)
        return (
            select(Forum, District.code, func.coalesce(area.code, district_area.code))
            .outerjoin(District, District.id == Forum.district_id)
            .outerjoin(area, area.id == Forum.area_id)
            .outerjoin(district_area, district_area.id == District.area_id)
        )

    async def list_forums(
        self, page: PageParams, *, kind: str | None, district: str | None
    ) -> Sequence[tuple[Forum, str | None, str | None]]:
        stmt = self._forums()
        if kind:
            stmt = stmt.where(Forum.kind == kind)
        if district:
            stmt = stmt.where(District.code == district)
        return [(r[0], r[1], r[2]) for r in (await self.session.execute(keyset(stmt, page, Forum.code))).all()]

    async def get_forum(self, code: str) -> tuple[Forum, str | None, str | None] | None:
        row = (await self.session.execute(self._forums().where(Forum.code == code))).one_or_none()
        return (row[0], row[1], row[2]) if row else None

    async def list_partners(self, page: PageParams) -> Sequence[PartnerAgency]:
        return (await self.session.scalars(keyset(select(PartnerAgency), page, PartnerAgency.code))).all()

    async def get_partner(self, code: str) -> PartnerAgency | None:
        stmt = select(PartnerAgency).where(PartnerAgency.code == code)
        return (await self.session.scalars(stmt)).one_or_none()

    async def partner_for_identity_agency(self, identity_agency_id: UUID | None) -> PartnerAgency | None:
        """The partner agency whose people and systems carry this identity agency id (the token's ``agency``)."""
        if identity_agency_id is None:
            return None
        stmt = select(PartnerAgency).where(PartnerAgency.identity_agency_id == identity_agency_id)
        return (await self.session.scalars(stmt)).one_or_none()

    async def identity_agency_taken(self, identity_agency_id: UUID, *, other_than: UUID) -> PartnerAgency | None:
        stmt = select(PartnerAgency).where(
            PartnerAgency.identity_agency_id == identity_agency_id, PartnerAgency.id != other_than
        )
        return (await self.session.scalars(stmt)).one_or_none()
