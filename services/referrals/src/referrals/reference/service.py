from collections.abc import Sequence
from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from referrals.reference.exceptions import (
    CoordinatorAreaNotFound,
    DistrictNotFound,
    ForumNotFound,
    IdentityAgencyAlreadyLinked,
    OffenceCategoryNotFound,
    PartnerAgencyNotFound,
    ProjectProvidedByAnother,
    ProjectProviderNotFound,
)
from referrals.reference.models import CoordinatorArea, District, Forum, OffenceCategory, PartnerAgency, ProjectProvider
from referrals.reference.repository import (
    CoordinatorAreaRepository,
    DistrictRepository,
    ForumRepository,
    OffenceCategoryRepository,
    PartnerAgencyRepository,
    ProjectProviderRepository,
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


async def provide_project(
    session: AsyncSession, *, code: str, project_id: UUID, linked_by: str
) -> tuple[ProjectProvider, bool]:
    """Record that the partner agency delivers the funded project; (link, created). The same again is a no-op;
    a project another partner agency delivers is 409 ``project-provider-taken``."""
    partner = await get_partner(session, code=code)
    repo = ProjectProviderRepository(session)
    link = ProjectProvider(project_id=project_id, partner_agency_id=partner.id, linked_by=linked_by)
    if await repo.add(link):
        return link, True
    existing = await repo.get(project_id)
    assert existing is not None
    if existing.partner_agency_id != partner.id:
        raise ProjectProvidedByAnother(
            f"Project {project_id} is delivered by another partner agency; remove that link first.",
            extra={"partner_agency_id": str(existing.partner_agency_id)},
        )
    return existing, False


async def list_provided_projects(session: AsyncSession, *, code: str, page: PageParams) -> Sequence[ProjectProvider]:
    partner = await get_partner(session, code=code)
    return await ProjectProviderRepository(session).of_partner(page, partner.id)


async def stop_providing(session: AsyncSession, *, code: str, project_id: UUID) -> None:
    partner = await get_partner(session, code=code)
    repo = ProjectProviderRepository(session)
    link = await repo.get(project_id)
    if link is None or link.partner_agency_id != partner.id:
        raise ProjectProviderNotFound(f"Partner agency '{code}' does not deliver project {project_id}.")
    await repo.delete(link)
