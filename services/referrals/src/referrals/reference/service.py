from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from referrals.reference.exceptions import CoordinatorAreaNotFound, DistrictNotFound
from referrals.reference.models import CoordinatorArea, District
from referrals.reference.repository import ReferenceRepository
from referrals.reference.schemas import CoordinatorAreaRead, DistrictRead
from vru_shared.pagination import PageParams


def _district(district: District, area_code: str) -> DistrictRead:
    return DistrictRead(id=district.id, code=district.code, name=district.name, area_code=area_code)


def _area(area: CoordinatorArea) -> CoordinatorAreaRead:
    return CoordinatorAreaRead(
        id=area.id, code=area.code, name=area.name, district_codes=[d.code for d in area.districts]
    )


async def list_districts(session: AsyncSession, *, page: PageParams) -> Sequence[DistrictRead]:
    return [_district(d, a) for d, a in await ReferenceRepository(session).list_districts(page)]


async def get_district(session: AsyncSession, *, code: str) -> DistrictRead:
    found = await ReferenceRepository(session).get_district(code)
    if found is None:
        raise DistrictNotFound(f"There is no district '{code}'.")
    return _district(*found)


async def list_areas(session: AsyncSession, *, page: PageParams) -> Sequence[CoordinatorAreaRead]:
    return [_area(a) for a in await ReferenceRepository(session).list_areas(page)]


async def get_area(session: AsyncSession, *, code: str) -> CoordinatorAreaRead:
    area = await ReferenceRepository(session).get_area(code)
    if area is None:
        raise CoordinatorAreaNotFound(f"There is no coordinator area '{code}'.")
    return _area(area)
