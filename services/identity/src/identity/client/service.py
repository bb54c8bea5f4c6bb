from collections.abc import Sequence
from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from identity.agency.service import check_exists as check_agency
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
from identity.revocation import service as revocations
from identity.revocation.service import Reason
from vru_shared.auth import PrincipalKind
from vru_shared.etag import check_if_match
from vru_shared.pagination import PageParams


async def create(session: AsyncSession, *, data: ApiClientCreate, hasher: SecretHasher) -> ApiClientCreated:
    repo = ApiClientRepository(session)
    taken = ClientIdTaken(f"A client with client_id '{data.client_id}' already exists.")
    if await repo.get_by(client_id=data.client_id) is not None:
        raise taken
    await check_agency(session, data.agency_id)
    secret = new_client_secret()
    client = ApiClient(**data.model_dump(), secret_hash=await hasher.hash(secret), secret_rotated_at=datetime.now(UTC))
    if not await repo.add(client):
        raise taken
    return ApiClientCreated(**ApiClientRead.model_validate(client).model_dump(), client_secret=secret)


async def get(session: AsyncSession, *, client_uuid: UUID, for_update: bool = False) -> ApiClient:
    client = await ApiClientRepository(session).get(client_uuid, for_update=for_update)
    if client is None:
        raise ApiClientNotFound(f"There is no API client {client_uuid}.")
    return client


async def list_clients(
    session: AsyncSession, *, page: PageParams, agency_id: UUID | None, active: bool | None
) -> Sequence[ApiClientRead]:
    rows = await ApiClientRepository(session).list(page, agency_id=agency_id, active=active)
    return [ApiClientRead.model_validate(c) for c in rows]


async def update(session: AsyncSession, *, client_uuid: UUID, data: ApiClientUpdate, if_match: str | None) -> ApiClient:
    client = await get(session, client_uuid=client_uuid)
    check_if_match(if_match, client.version)
    values = data.model_dump(exclude_none=True)
    if data.agency_id is not None and data.agency_id != client.agency_id:
        await check_agency(session, data.agency_id)
    reason = _revocation_reason(client, data)
    client = await ApiClientRepository(session).update(client, values)
    if reason is not None:  # the tokens issued so far carry what changed, or belong to a client now closed
        await revocations.revoke(session, subject=client.id, kind=PrincipalKind.CLIENT, reason=reason)
    return client


def _revocation_reason(client: ApiClient, data: ApiClientUpdate) -> Reason | None:
    if data.active is False and client.active:
        return Reason.DEACTIVATED
    if (
        (data.roles is not None and set(data.roles) != set(client.roles))
        or (data.districts is not None and set(data.districts) != set(client.districts))
        or (data.scopes is not None and set(data.scopes) != set(client.scopes))
        or (data.agency_id is not None and data.agency_id != client.agency_id)
    ):
        return Reason.ACCESS_CHANGED
    return None


async def rotate_secret(session: AsyncSession, *, client_uuid: UUID, hasher: SecretHasher) -> ClientSecretIssued:
    """A new secret replaces the old one at once, and the tokens issued with the old one are revoked."""
    client = await get(session, client_uuid=client_uuid, for_update=True)  # no If-Match: one after another
    secret = new_client_secret()
    values = {"secret_hash": await hasher.hash(secret), "secret_rotated_at": datetime.now(UTC)}
    await ApiClientRepository(session).update(client, values)
    await revocations.revoke(session, subject=client.id, kind=PrincipalKind.CLIENT, reason=Reason.SECRET_ROTATED)
    return ClientSecretIssued(
        id=client.id, client_id=client.client_id, client_secret=secret, secret_rotated_at=client.secret_rotated_at
    )
