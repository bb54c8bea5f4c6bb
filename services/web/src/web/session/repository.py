from datetime import datetime

from sqlalchemy import delete, select, update

from vru_shared.repository import Repository
from web.session.models import WebSession


class SessionRepository(Repository[WebSession]):
    model = WebSession

    async def live(self, id_hash: str, *, now: datetime, idle_since: datetime) -> WebSession | None:
        stmt = select(WebSession).where(
            WebSession.id_hash == id_hash, WebSession.expires_at > now, WebSession.last_seen_at > idle_since
        )
        return (await self.session.scalars(stmt)).one_or_none()

    async def touch(self, id_hash: str, now: datetime) -> None:
        await self.session.execute(update(WebSession).where(WebSession.id_hash == id_hash).values(last_seen_at=now))

    async def remove(self, id_hash: str) -> None:
        await self.session.execute(delete(WebSession).where(WebSession.id_hash == id_hash))

    async def purge(self, *, now: datetime, idle_since: datetime) -> int:
        stmt = delete(WebSession).where((WebSession.expires_at <= now) | (WebSession.last_seen_at <= idle_since))
        result = await self.session.execute(stmt)
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
