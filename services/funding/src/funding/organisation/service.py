from collections.abc import Sequence
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from funding.organisation.exceptions import OrganisationNotFound, OrgIdTaken
from funding.organisation.models import Organisation, OrganisationKind
from funding.organisation.repository import OrganisationRepository
from funding.organisation.schemas import OrganisationCreate
from vru_shared.pagination import PageParams


async def list_organisations(
    session: AsyncSession, *, page: PageParams, kind: OrganisationKind | None, district: str | None, csu: bool | None
) -> Sequence[Organisation]:
    return await OrganisationRepository(session).filtered(page, kind=kind, district=district, csu=csu)


async def get_organisation(session: AsyncSession, *, organisation_id: UUID) -> Organisation:
    organisation = await OrganisationRepository(session).get(organisation_id)
    if organisation is None:
        raise OrganisationNotFound(f"There is no organisation {organisation_id}.")
    return organisation


async def create_organisation(session: AsyncSession, *, data: OrganisationCreate) -> Organisation:
    organisation = Organisation(org_id=data.org_id, name=data.name, kind=data.kind.value, district=data.district)
    if not await OrganisationRepository(session).add(organisation):
        raise OrgIdTaken(f"An organisation with identifier '{data.org_id}' already exists.")
    return organisation
