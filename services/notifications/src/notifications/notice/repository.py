from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from notifications.leasing import lease_due
from notifications.notice.models import Notice, NoticeFanout, NoticePreference
from vru_shared.repository import Repository


class PreferenceRepository(Repository[NoticePreference]):
    model = NoticePreference
    order = ("person_id",)

    async def of_people(self, people: Sequence[UUID]) -> dict[UUID, NoticePreference]:
        if not people:
            return {}
        stmt = select(NoticePreference).where(NoticePreference.person_id.in_(list(people)))
        return {p.person_id: p for p in (await self.session.scalars(stmt)).all()}

    async def save(self, person_id: UUID, values: dict[str, Any]) -> NoticePreference:
        """Insert or replace a person's choices (one statement: two requests at once cannot both insert)."""
        stmt = (
            insert(NoticePreference)
            .values(person_id=person_id, **values)
            .on_conflict_do_update(index_elements=["person_id"], set_=values)
            .returning(NoticePreference)
        )
        saved = (await self.session.scalars(stmt, execution_options={"populate_existing": True})).one()
        return saved


class NoticeRepository(Repository[Notice]):
    model = Notice
    order = ("created_at", "id")

    async def queue(self, rows: Sequence[dict[str, Any]]) -> int:
        """Insert notices not queued yet (by event, person and channel); returns how many are new."""
        if not rows:
            return 0
        stmt = insert(Notice).values(list(rows)).on_conflict_do_nothing().returning(Notice.id)
        return len((await self.session.scalars(stmt)).all())

    async def claim_due(self, now: datetime, lease_until: datetime, limit: int) -> list[UUID]:
        return await lease_due(self.session, Notice, Notice.id, now=now, lease_until=lease_until, limit=limit)

    async def leased(self, ids: Sequence[UUID], lease_until: datetime) -> Sequence[Notice]:
        """Those of ``ids`` whose lease (this worker's) still holds."""
        stmt = select(Notice).where(Notice.id.in_(list(ids)), Notice.lease_until == lease_until)
        return (await self.session.scalars(stmt)).all()


class FanoutRepository(Repository[NoticeFanout]):
    model = NoticeFanout
    order = ("created_at", "event_id")

    async def queue(self, rows: Sequence[dict[str, Any]]) -> int:
        if not rows:
            return 0
        stmt = insert(NoticeFanout).values(list(rows)).on_conflict_do_nothing().returning(NoticeFanout.event_id)
        return len((await self.session.scalars(stmt)).all())

    async def claim_due(self, now: datetime, lease_until: datetime, limit: int) -> list[UUID]:
        return await lease_due(
            self.session, NoticeFanout, NoticeFanout.event_id, now=now, lease_until=lease_until, limit=limit
        )

    async def leased(self, event_id: UUID, lease_until: datetime) -> NoticeFanout | None:
        stmt = select(NoticeFanout).where(NoticeFanout.event_id == event_id, NoticeFanout.lease_until == lease_until)
        return (await self.session.scalars(stmt)).one_or_none()
