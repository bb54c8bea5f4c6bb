from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from identity.signing_key.models import SigningKey
from vru_shared.pagination import PageParams, keyset

#: Serialises key creation and rotation across processes (transaction-scoped advisory lock).
LOCK_NAME = "identity.signing_keys"


class SigningKeyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def lock(self) -> None:
        await self.session.execute(select(func.pg_advisory_xact_lock(func.hashtextextended(LOCK_NAME, 0))))

    async def active(self) -> SigningKey | None:
        stmt = (
            select(SigningKey)
            .where(SigningKey.retired_at.is_(None))
            .order_by(SigningKey.created_at.desc(), SigningKey.kid)
            .limit(1)
        )
        return (await self.session.scalars(stmt)).one_or_none()

    async def all_active(self) -> Sequence[SigningKey]:
        return (await self.session.scalars(select(SigningKey).where(SigningKey.retired_at.is_(None)))).all()

    async def active_kid(self) -> str | None:
        stmt = (
            select(SigningKey.kid)
            .where(SigningKey.retired_at.is_(None))
            .order_by(SigningKey.created_at.desc(), SigningKey.kid)
            .limit(1)
        )
        return (await self.session.scalars(stmt)).one_or_none()

    async def get(self, kid: str) -> SigningKey | None:
        return await self.session.get(SigningKey, kid)

    async def published(self, now: datetime) -> Sequence[SigningKey]:
        stmt = (
            select(SigningKey)
            .where(or_(SigningKey.retired_at.is_(None), SigningKey.publish_until > now))
            .order_by(SigningKey.created_at.desc(), SigningKey.kid)
        )
        return (await self.session.scalars(stmt)).all()

    async def list(self, page: PageParams) -> Sequence[SigningKey]:
        stmt = select(SigningKey)
        ordered = keyset(stmt, page, SigningKey.created_at, SigningKey.kid, descending=True)
        return (await self.session.scalars(ordered)).all()

    async def add(self, key: SigningKey) -> None:
        self.session.add(key)
        await self.session.flush()
