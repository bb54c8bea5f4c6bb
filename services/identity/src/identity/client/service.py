from collections.abc import Sequence
from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from identity.agency.repository import AgencyRepository
from identity.client.exceptions import ApiClientNotFound, ClientIdTaken
from identity.client.models import ApiClient
from identity.client.repository import ApiClientRepository
from identity.client.schemas import (
    ApiClientCreate,
    ApiClientCreated,
    ApiClientRead,
    ApiClientUpdate,
    ClientSecretIssued,
)
from identity.hashing import SecretHasher, new_client_secret
from identity.problems import InvalidReference
from vru_shared.etag import check_if_match
from vru_shared.pagination import PageParams


async def _check_agency(session: AsyncSession, agency_id: UUID) -> None:
    if not await AgencyRepository(session).exists(agency_id):
        raise InvalidReference("agency_id", f"There is no agency {agency_id}.")


async def create(session: AsyncSession, *, data: ApiClientCreate, hasher: SecretHasher) -> ApiClientCreated:
    repo = ApiClientRepository(session)
    taken = ClientIdTaken(f"A client with client_id '{data.client_id}' already exists.")
    if await repo.by_client_id(data.client_id) is not None:
        raise taken
    await _check_agency(session, data.agency_id)
    secret = new_client_secret()
    client = ApiClient(
        client_id=data.client_id,
        name=data.name,
        agency_id=data.agency_id,
        roles=[r.value for r in data.roles],
        districts=list(dict.fromkeys(data.districts)),
        scopes=data.scopes,
        secret_hash=await hasher.hash(secret),
        secret_rotated_at=datetime.now(UTC),
        active=data.active,
    )
    if not await repo.add(client):
        raise taken
    return ApiClientCreated(**ApiClientRead.model_validate(client).model_dump(), client_secret=secret)


async def get(session: AsyncSession, *, client_uuid: UUID) -> ApiClient:
    client = await ApiClientRepository(session).get(client_uuid)
    if client is None:
        raise ApiClientNotFound(f"There is no API client {client_uuid}.")
    return client


async def list_clients(
    session: AsyncSession, *, page: PageParams, agency_id: UUID | None, active: bool | None
) -> Sequence[ApiClientRead]:
    rows = await ApiClientRepository(session).list(page, agency_id=agency_id, active=active)
    return [ApiClientRead.model_validate(c) for c in rows]


async def _locked(session: AsyncSession, client_uuid: UUID) -> ApiClient:
    client = await ApiClientRepository(session).get(client_uuid, for_update=True)
    if client is None:
        raise ApiClientNotFound(f"There is no API client {client_uuid}.")
    return client


async def update(session: AsyncSession, *, client_uuid: UUID, data: ApiClientUpdate, if_match: str | None) -> ApiClient:
    client = await _locked(session, client_uuid)
    check_if_match(if_match, client.version)
    changed = False
    if data.name is not None and data.name != client.name:
        client.name, changed = data.name, True
    if data.agency_id is not None and data.agency_id != client.agency_id:
        await _check_agency(session, data.agency_id)
        client.agency_id, changed = data.agency_id, True
    if data.roles is not None and [r.value for r in data.roles] != client.roles:
        client.roles, changed = [r.value for r in data.roles], True
    if data.districts is not None and list(dict.fromkeys(data.districts)) != client.districts:
        client.districts, changed = list(dict.fromkeys(data.districts)), True
    if data.scopes is not None and data.scopes != client.scopes:
        client.scopes, changed = data.scopes, True
    if data.active is not None and data.active != client.active:
        client.active, changed = data.active, True
    if changed:
        client.version += 1
        await session.flush()
    return client


async def rotate_secret(session: AsyncSession, *, client_uuid: UUID, hasher: SecretHasher) -> ClientSecretIssued:
    """A new secret replaces the old one at once (tokens already issued stay valid until they expire)."""
    client = await _locked(session, client_uuid)
    secret = new_client_secret()
    client.secret_hash = await hasher.hash(secret)
    client.secret_rotated_at = datetime.now(UTC)
    client.version += 1
    await session.flush()
    return ClientSecretIssued(
        id=client.id, client_id=client.client_id, client_secret=secret, secret_rotated_at=client.secret_rotated_at
    )
