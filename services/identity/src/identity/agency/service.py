from collections.abc import Sequence
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from identity.agency.exceptions import AgencyCodeTaken, AgencyNotFound
from identity.agency.models import Agency, AgencyKind
from identity.agency.repository import AgencyRepository
from identity.agency.schemas import AgencyCreate, AgencyRead, AgencyUpdate
from identity.problems import InvalidReference
from vru_shared.etag import check_if_match
from vru_shared.pagination import PageParams


async def create(session: AsyncSession, *, data: AgencyCreate) -> Agency:
    repo = AgencyRepository(session)
    taken = AgencyCodeTaken(f"An agency with code '{data.code}' already exists.")
    if await repo.get_by(code=data.code) is not None:
        raise taken
    agency = Agency(**data.model_dump())
    if not await repo.add(agency):
        raise taken
    return agency


async def get(session: AsyncSession, *, agency_id: UUID) -> Agency:
    agency = await AgencyRepository(session).get(agency_id)
    if agency is None:
        raise AgencyNotFound(f"There is no agency {agency_id}.")
    return agency


async def check_exists(session: AsyncSession, agency_id: UUID) -> None:
    """For a body field naming an agency (a person's or client's): 422 when there is none."""
    if await AgencyRepository(session).get(agency_id) is None:
        raise InvalidReference("agency_id", f"There is no agency {agency_id}.")


async def list_agencies(session: AsyncSession, *, page: PageParams, kind: AgencyKind | None) -> Sequence[AgencyRead]:
    return [AgencyRead.model_validate(a) for a in await AgencyRepository(session).list(page, kind=kind)]


async def update(session: AsyncSession, *, agency_id: UUID, data: AgencyUpdate, if_match: str | None) -> Agency:
    agency = await get(session, agency_id=agency_id)
    check_if_match(if_match, agency.version)
    return await AgencyRepository(session).update(agency, data.model_dump(exclude_none=True))
