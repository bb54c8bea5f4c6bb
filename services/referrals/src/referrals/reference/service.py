from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from referrals.reference.exceptions import (
    CoordinatorAreaNotFound,
    DistrictNotFound,
    ForumNotFound,
    IdentityAgencyAlreadyLinked,
    OffenceCategoryNotFound,
    PartnerAgencyNotFound,
)
from referrals.reference.models import CoordinatorArea, District, Forum, PartnerAgency
from referrals.reference.repository import ReferenceRepository
from referrals.reference.schemas import (
    CoordinatorAreaRead,
    DistrictRead,
    ForumKind,
    ForumRead,
    OffenceCategoryRead,
    PartnerAgencyLink,
    PartnerAgencyRead,
)
from referrals.versioning import expected_version, update_versioned
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


def _forum(forum: Forum, district_code: str | None, area_code: str | None) -> ForumRead:
    return ForumRead(
        id=forum.id,
        code=forum.code,
        name=forum.name,
        kind=ForumKind(forum.kind),
        district_code=district_code,
        area_code=area_code,
    )


async def list_categories(session: AsyncSession, *, page: PageParams) -> Sequence[OffenceCategoryRead]:
    return [OffenceCategoryRead.model_validate(c) for c in await ReferenceRepository(session).list_categories(page)]


async def get_category(session: AsyncSession, *, code: str) -> OffenceCategoryRead:
    category = await ReferenceRepository(session).get_category(code)
    if category is None:
        raise OffenceCategoryNotFound(f"There is no offence category '{code}'.")
    return OffenceCategoryRead.model_validate(category)


async def list_forums(
    session: AsyncSession, *, page: PageParams, kind: ForumKind | None, district: str | None
) -> Sequence[ForumRead]:
    rows = await ReferenceRepository(session).list_forums(page, kind=kind.value if kind else None, district=district)
    return [_forum(*row) for row in rows]


async def get_forum(session: AsyncSession, *, code: str) -> ForumRead:
    found = await ReferenceRepository(session).get_forum(code)
    if found is None:
        raise ForumNotFound(f"There is no forum '{code}'.")
    return _forum(*found)


async def list_partners(session: AsyncSession, *, page: PageParams) -> Sequence[PartnerAgencyRead]:
    return [PartnerAgencyRead.model_validate(p) for p in await ReferenceRepository(session).list_partners(page)]


async def get_partner(session: AsyncSession, *, code: str) -> PartnerAgencyRead:
    partner = await ReferenceRepository(session).get_partner(code)
    if partner is None:
        raise PartnerAgencyNotFound(f"There is no partner agency '{code}'.")
    return PartnerAgencyRead.model_validate(partner)


async def link_partner(
    session: AsyncSession, *, code: str, data: PartnerAgencyLink, if_match: str | None
) -> PartnerAgencyRead:
    """Point a partner agency at the identity service's agency whose tokens act for it."""
    repo = ReferenceRepository(session)
    partner = await repo.get_partner(code)
    if partner is None:
        raise PartnerAgencyNotFound(f"There is no partner agency '{code}'.")
    version = expected_version(if_match, partner.version)
    if data.identity_agency_id is not None:
        other = await repo.identity_agency_taken(data.identity_agency_id, other_than=partner.id)
        if other is not None:
            raise IdentityAgencyAlreadyLinked(f"That identity agency is already linked to '{other.code}'.")
    changed = await update_versioned(
        session, PartnerAgency, partner.id, version, {"identity_agency_id": data.identity_agency_id}
    )
    return PartnerAgencyRead.model_validate(changed)
