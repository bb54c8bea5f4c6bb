from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import Select, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from referrals.audit.models import AuditEntry, AuditSeal
from vru_shared.pagination import PageParams, keyset

#: Serialises sealing: one sealer at a time extends the chain.
SEAL_LOCK = 0x5EA1_A0D1


class AuditRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def append(self, values: dict[str, object]) -> None:
        await self.session.execute(insert(AuditEntry).values(**values))

    def _filtered(
        self,
        *,
        actor: str | None,
        record_id: str | None,
        action: str | None,
        record_type: str | None,
        since: datetime | None,
        until: datetime | None,
    ) -> Select[AuditEntry]:
        stmt = select(AuditEntry)
        if actor:
            stmt = stmt.where(AuditEntry.actor_subject == actor)
        if record_id:
            stmt = stmt.where(AuditEntry.record_ids.contains([record_id]))
        if action:
            stmt = stmt.where(AuditEntry.action == action)
        if record_type:
            stmt = stmt.where(AuditEntry.record_type == record_type)
        if since:
            stmt = stmt.where(AuditEntry.occurred_at >= since)
        if until:
            stmt = stmt.where(AuditEntry.occurred_at < until)
        return stmt

    async def page(self, page: PageParams, **filters: object) -> Sequence[AuditEntry]:
        stmt = self._filtered(**filters)  # type: ignore[arg-type]
        return (await self.session.scalars(keyset(stmt, page, AuditEntry.id, descending=True))).all()

    async def after(self, last_id: int, batch: int, **filters: object) -> list[AuditEntry]:
        stmt = self._filtered(**filters).where(AuditEntry.id > last_id).order_by(AuditEntry.id).limit(batch)  # type: ignore[arg-type]
        return list((await self.session.scalars(stmt)).all())

    # --- the chain -----------------------------------------------------------------------------------
    async def lock_chain(self) -> bool:
        return bool((await self.session.execute(select(func.pg_try_advisory_xact_lock(SEAL_LOCK)))).scalar_one())

    async def last_seal(self) -> AuditSeal | None:
        stmt = select(AuditSeal).order_by(AuditSeal.position.desc()).limit(1)
        return (await self.session.scalars(stmt)).one_or_none()

    async def unsealed(self, limit: int) -> list[AuditEntry]:
        sealed = select(AuditSeal.entry_id).where(AuditSeal.entry_id == AuditEntry.id)
        stmt = select(AuditEntry).where(~sealed.exists()).order_by(AuditEntry.id).limit(limit)
        return list((await self.session.scalars(stmt)).all())

    async def add_seals(self, seals: list[dict[str, object]]) -> None:
        if seals:
            await self.session.execute(insert(AuditSeal), seals)

    async def seals_with_entries(self, after_position: int, limit: int) -> list[tuple[AuditSeal, AuditEntry | None]]:
        stmt = (
            select(AuditSeal, AuditEntry)
            .outerjoin(AuditEntry, AuditEntry.id == AuditSeal.entry_id)
            .where(AuditSeal.position > after_position)
            .order_by(AuditSeal.position)
            .limit(limit)
        )
        return [(row[0], row[1]) for row in (await self.session.execute(stmt)).all()]

    async def count_unsealed_older_than(self, age: timedelta) -> int:
        sealed = select(AuditSeal.entry_id).where(AuditSeal.entry_id == AuditEntry.id)
        stmt = (
            select(func.count())
            .select_from(AuditEntry)
            .where(~sealed.exists(), AuditEntry.occurred_at < func.now() - age)
        )
        return int((await self.session.execute(stmt)).scalar_one())
