from collections.abc import Sequence
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from identity.agency.exceptions import AgencyCodeTaken, AgencyNotFound
from identity.agency.models import Agency, AgencyKind
from identity.agency.repository import AgencyRepository
from identity.agency.schemas import AgencyCreate, AgencyRead, AgencyUpdate
from vru_shared.etag import check_if_match
from vru_shared.pagination import PageParams


async def create(session: AsyncSession, *, data: AgencyCreate) -> Agency:
    repo = AgencyRepository(session)
    taken = AgencyCodeTaken(f"An agency with code '{data.code}' already exists.")
    if await repo.by_code(data.code) is not None:
        raise taken
    agency = Agency(code=data.code, name=data.name, kind=data.kind.value)
    if not await repo.add(agency):
        raise taken
    return agency


async def get(session: AsyncSession, *, agency_id: UUID) -> Agency:
    agency = await AgencyRepository(session).get(agency_id)
    if agency is None:
        raise AgencyNotFound(f"There is no agency {agency_id}.")
    return agency


async def list_agencies(session: AsyncSession, *, page: PageParams, kind: AgencyKind | None) -> Sequence[AgencyRead]:
    return [AgencyRead.model_validate(a) for a in await AgencyRepository(session).list(page, kind=kind)]


async def update(session: AsyncSession, *, agency_id: UUID, data: AgencyUpdate, if_match: str | None) -> Agency:
    agency = await AgencyRepository(session).get(agency_id, for_update=True)
    if agency is None:
        raise AgencyNotFound(f"There is no agency {agency_id}.")
    check_if_match(if_match, agency.version)
    changed = False
    if data.name is not None and data.name != agency.name:
        agency.name, changed = data.name, True
    if data.kind is not None and data.kind.value != agency.kind:
        agency.kind, changed = data.kind.value, True
    if changed:
        agency.version += 1
        await session.flush()
    return agency
