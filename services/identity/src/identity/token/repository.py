from datetime import timedelta

from sqlalchemy import case, delete, func
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from identity.token.models import LoginFailures


class LoginFailureRepository:
    """The failed-login counts every replica shares (one short statement each)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def count_failure(self, key_hash: str, window: timedelta) -> int:
        """Add a failure to the key (starting again after ``window`` without one); the key's count now."""
        insert = pg_insert(LoginFailures).values(key_hash=key_hash, failures=1, last_failure=func.now())
        stale = LoginFailures.last_failure < func.now() - window
        stmt = insert.on_conflict_do_update(
            index_elements=[LoginFailures.key_hash],
            set_={"failures": case((stale, 1), else_=LoginFailures.failures + 1), "last_failure": func.now()},
        ).returning(LoginFailures.failures)
        return int((await self.session.execute(stmt)).scalar_one())

    async def clear(self, key_hash: str) -> None:
        await self.session.execute(delete(LoginFailures).where(LoginFailures.key_hash == key_hash))

    async def forget_older_than(self, window: timedelta) -> None:
        await self.session.execute(delete(LoginFailures).where(LoginFailures.last_failure < func.now() - window))
