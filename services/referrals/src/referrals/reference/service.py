from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from referrals.reference.exceptions import (
    CoordinatorAreaNotFound,
    DistrictNotFound,
    ForumNotFound,
    IdentityAgencyAlreadyLinked,
    OffenceCategoryNotFound,
    PartnerAgencyNotFound,
)
from referrals.reference.models import CoordinatorArea, District, Forum, OffenceCategory, PartnerAgency
from referrals.reference.repository import (
    CoordinatorAreaRepository,
    DistrictRepository,
    ForumRepository,
    OffenceCategoryRepository,
    PartnerAgencyRepository,
)
from referrals.reference.schemas import ForumKind, PartnerAgencyLink
from vru_shared.etag import check_if_match
from vru_shared.pagination import PageParams


async def list_districts(session: AsyncSession, *, page: PageParams) -> Sequence[District]:
    return await DistrictRepository(session).page(page)


async def get_district(session: AsyncSession, *, code: str) -> District:
    district = await DistrictRepository(session).get_by(code=code)
    if district is None:
        raise DistrictNotFound(f"There is no district '{code}'.")
    return district


async def list_areas(session: AsyncSession, *, page: PageParams) -> Sequence[CoordinatorArea]:
    return await CoordinatorAreaRepository(session).page(page)


async def get_area(session: AsyncSession, *, code: str) -> CoordinatorArea:
    area = await CoordinatorAreaRepository(session).get_by(code=code)
    if area is None:
        raise CoordinatorAreaNotFound(f"There is no coordinator area '{code}'.")
    return area


async def list_categories(session: AsyncSession, *, page: PageParams) -> Sequence[OffenceCategory]:
    return await OffenceCategoryRepository(session).page(page)


async def get_category(session: AsyncSession, *, code: str) -> OffenceCategory:
    category = await OffenceCategoryRepository(session).get_by(code=code)
    if category is None:
        raise OffenceCategoryNotFound(f"There is no offence category '{code}'.")
    return category


async def list_forums(
    session: AsyncSession, *, page: PageParams, kind: ForumKind | None, district: str | None
) -> Sequence[Forum]:
    return await ForumRepository(session).find(page, kind=kind.value if kind else None, district=district)


async def get_forum(session: AsyncSession, *, code: str) -> Forum:
    forum = await ForumRepository(session).get_by(code=code)
    if forum is None:
        raise ForumNotFound(f"There is no forum '{code}'.")
    return forum


async def list_partners(session: AsyncSession, *, page: PageParams) -> Sequence[PartnerAgency]:
    return await PartnerAgencyRepository(session).page(page)


async def get_partner(session: AsyncSession, *, code: str) -> PartnerAgency:
    partner = await PartnerAgencyRepository(session).get_by(code=code)
    if partner is None:
        raise PartnerAgencyNotFound(f"There is no partner agency '{code}'.")
    return partner


async def link_partner(
    session: AsyncSession, *, code: str, data: PartnerAgencyLink, if_match: str | None
) -> PartnerAgency:
    """Point a partner agency at the identity service's agency whose tokens act for it."""
    repo = PartnerAgencyRepository(session)
    partner = await get_partner(session, code=code)
    check_if_match(if_match, partner.version)
    if data.identity_agency_id is not None:
        other = await repo.for_identity_agency(data.identity_agency_id)
        if other is not None and other.id != partner.id:
            raise IdentityAgencyAlreadyLinked(f"That identity agency is already linked to '{other.code}'.")
    return await repo.update(partner, {"identity_agency_id": data.identity_agency_id, "updated_at": datetime.now(UTC)})
