from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, or_, select

from identity.signing_key.models import SigningKey
from vru_shared.repository import Repository

#: Serialises key creation and rotation across processes (transaction-scoped advisory lock).
LOCK_NAME = "identity.signing_keys"


class SigningKeyRepository(Repository[SigningKey]):
    model = SigningKey
    #: Newest first (``page(..., descending=True)``).
    order = ("created_at", "kid")

    async def lock(self) -> None:
        await self.session.execute(select(func.pg_advisory_xact_lock(func.hashtextextended(LOCK_NAME, 0))))

    async def all_active(self) -> Sequence[SigningKey]:
        return (await self.session.scalars(self.statement().where(SigningKey.retired_at.is_(None)))).all()

    async def active_kid(self) -> str | None:
        stmt = (
            select(SigningKey.kid)
            .where(SigningKey.retired_at.is_(None))
            .order_by(SigningKey.created_at.desc(), SigningKey.kid)
            .limit(1)
        )
        return (await self.session.scalars(stmt)).one_or_none()

    async def published(self, now: datetime) -> Sequence[SigningKey]:
        stmt = (
            self.statement()
            .where(or_(SigningKey.retired_at.is_(None), SigningKey.publish_until > now))
            .order_by(SigningKey.created_at.desc(), SigningKey.kid)
        )
        return (await self.session.scalars(stmt)).all()
