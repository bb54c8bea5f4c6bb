from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert

from identity.revocation.models import Revocation
from vru_shared.repository import Repository


class RevocationRepository(Repository[Revocation]):
    model = Revocation
    order = ("subject",)

    async def record(self, *, subject: UUID, kind: str, reason: str, not_before: datetime) -> None:
        """Insert or move the subject's ``not_before`` forward (never back: a later change wins)."""
        stmt = insert(Revocation).values(subject=subject, kind=kind, reason=reason, not_before=not_before)
        stmt = stmt.on_conflict_do_update(
            index_elements=[Revocation.subject],
            set_={
                "reason": stmt.excluded.reason,
                "not_before": func.greatest(Revocation.not_before, stmt.excluded.not_before),
            },
        )
        await self.session.execute(stmt)

    async def purge_before(self, moment: datetime) -> None:
        """Delete the revocations that no longer refuse any token that could still be accepted."""
        await self.session.execute(delete(Revocation).where(Revocation.not_before < moment))

    async def since(self, moment: datetime) -> Sequence[Revocation]:
        stmt = self.statement().where(Revocation.not_before >= moment).order_by(Revocation.subject)
        return (await self.session.scalars(stmt)).all()

    async def not_before(self, subject: UUID) -> datetime | None:
        stmt = select(Revocation.not_before).where(Revocation.subject == subject)
        return (await self.session.scalars(stmt)).one_or_none()
