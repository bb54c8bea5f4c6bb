from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from identity.client.models import ApiClient
from vru_shared.db import add_unless_duplicate
from vru_shared.pagination import PageParams, keyset


class ApiClientRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, client_uuid: UUID, *, for_update: bool = False) -> ApiClient | None:
        stmt = select(ApiClient).where(ApiClient.id == client_uuid)
        if for_update:
            stmt = stmt.with_for_update()
        return (await self.session.scalars(stmt)).one_or_none()

    async def by_client_id(self, client_id: str) -> ApiClient | None:
        return (await self.session.scalars(select(ApiClient).where(ApiClient.client_id == client_id))).one_or_none()

    async def list(self, page: PageParams, *, agency_id: UUID | None, active: bool | None) -> Sequence[ApiClient]:
        stmt = select(ApiClient)
        if agency_id is not None:
            stmt = stmt.where(ApiClient.agency_id == agency_id)
        if active is not None:
            stmt = stmt.where(ApiClient.active.is_(active))
        return (await self.session.scalars(keyset(stmt, page, ApiClient.client_id))).all()

    async def add(self, client: ApiClient) -> bool:
        """Insert; False when the client_id is already taken (also by a concurrent request)."""
        return await add_unless_duplicate(self.session, client)
