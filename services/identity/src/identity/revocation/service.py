"""Recording token revocations and publishing the list (``vru_shared.revocation`` explains the mechanism)."""

import hashlib
import json
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from identity.revocation.repository import RevocationRepository
from vru_shared.auth import PrincipalKind
from vru_shared.revocation import RETENTION_SECONDS, Revocation, RevocationList, Snapshot, Source, snapshot_of

#: ``not_before`` is set this far after the change: a token issued while the change was being committed (with
#: the old roles) is refused too, and so is one from an identity replica whose clock is slightly behind.
MARGIN = timedelta(seconds=1)


class Reason(StrEnum):
    DEACTIVATED = "deactivated"
    ACCESS_CHANGED = "access-changed"
    PASSWORD_CHANGED = "password-changed"
    SECRET_ROTATED = "secret-rotated"


async def revoke(session: AsyncSession, *, subject: UUID, kind: PrincipalKind, reason: Reason) -> None:
    """End every token of ``subject`` issued until now (in the caller's transaction), and forget revocations
    that can no longer refuse anything."""
    now = datetime.now(UTC)
    repo = RevocationRepository(session)
    await repo.record(subject=subject, kind=kind.value, reason=reason.value, not_before=now + MARGIN)
    await repo.purge_before(now - timedelta(seconds=RETENTION_SECONDS))


async def issue_not_before(session: AsyncSession, *, subject: UUID) -> int | None:
    """The subject's ``not_before`` in seconds since the epoch, if it has a revocation: a new token's ``iat``
    must come after it."""
    moment = await RevocationRepository(session).not_before(subject)
    return None if moment is None else int(moment.timestamp())


async def current(session: AsyncSession) -> RevocationList:
    since = datetime.now(UTC) - timedelta(seconds=RETENTION_SECONDS)
    rows = await RevocationRepository(session).since(since)
    return RevocationList(
        revocations=[Revocation(subject=str(r.subject), not_before=int(r.not_before.timestamp())) for r in rows]
    )


def etag(document: RevocationList) -> str:
    """A strong validator of the list's content (the same on every replica)."""
    canonical = json.dumps(document.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return '"' + hashlib.sha256(canonical.encode()).hexdigest()[:32] + '"'


def database_source(sessionmaker: async_sessionmaker[AsyncSession]) -> Source:
    """Identity's own revocation list, read from its table (no HTTP to itself)."""

    async def fetch(last_etag: str | None) -> Snapshot | None:
        async with sessionmaker() as session, session.begin():
            document = await current(session)
        tag = etag(document)
        return None if tag == last_etag else snapshot_of(document, tag)

    return fetch
