"""Recording, sealing, verifying and reading the audit log."""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime, timedelta
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from referrals.audit.models import AuditEntry, AuditSeal
from referrals.audit.repository import AuditRepository
from referrals.audit.schemas import AuditAction, ChainBreak, ChainVerification
from vru_shared.auth import Principal
from vru_shared.logging import current_request_id
from vru_shared.pagination import PageParams

GENESIS = "0" * 64
SEAL_BATCH = 5000
MAX_BREAKS = 20


async def record(
    session: AsyncSession,
    *,
    principal: Principal,
    action: AuditAction,
    record_type: str,
    record_ids: Sequence[UUID | str],
    purpose: str,
) -> None:
    """Append one entry in the request's own transaction: it lands exactly when the action does."""
    await AuditRepository(session).append(
        {
            "actor_subject": principal.subject,
            "actor_kind": principal.kind.value,
            "actor_client_id": principal.client_id,
            "agency_id": principal.agency_id,
            "roles": sorted(principal.roles),
            "action": action.value,
            "record_type": record_type,
            "record_ids": [str(i) for i in record_ids],
            "purpose": purpose,
            "request_id": current_request_id(),
        }
    )


def canonical(entry: AuditEntry) -> str:
    occurred = entry.occurred_at.astimezone(UTC).isoformat(timespec="microseconds")
    return json.dumps(
        {
            "id": entry.id,
            "occurred_at": occurred,
            "actor_subject": entry.actor_subject,
            "actor_kind": entry.actor_kind,
            "actor_client_id": entry.actor_client_id,
            "agency_id": str(entry.agency_id) if entry.agency_id else None,
            "roles": list(entry.roles),
            "action": entry.action,
            "record_type": entry.record_type,
            "record_ids": list(entry.record_ids),
            "purpose": entry.purpose,
            "request_id": entry.request_id,
        },
        sort_keys=True,
        separators=(",", ":"),
    )


def link(prev_hash: str, entry: AuditEntry) -> str:
    return hashlib.sha256((prev_hash + canonical(entry)).encode()).hexdigest()


async def seal(session: AsyncSession) -> int:
    """Extend the chain over committed entries not yet sealed, in id order. Returns how many were sealed.

    Sealing runs in the background (and never in a reader's request), so recording stays one INSERT.
    An entry committed late (lower id than some already sealed) is simply sealed at a later position.
    """
    repo = AuditRepository(session)
    if not await repo.lock_chain():
        return 0
    last = await repo.last_seal()
    prev = last.hash if last else GENESIS
    entries = await repo.unsealed(SEAL_BATCH)
    seals = []
    for entry in entries:
        current = link(prev, entry)
        seals.append({"entry_id": entry.id, "prev_hash": prev, "hash": current})
        prev = current
    await repo.add_seals(seals)
    return len(seals)


async def verify(session: AsyncSession) -> ChainVerification:
    repo = AuditRepository(session)
    breaks: list[ChainBreak] = []
    checked = 0
    expected_prev = GENESIS
    position = 0
    while len(breaks) < MAX_BREAKS:
        rows = await repo.seals_with_entries(position, 5000)
        if not rows:
            break
        for sealed, entry in rows:
            position = sealed.position
            checked += 1
            if sealed.prev_hash != expected_prev:
                breaks.append(_break(sealed, "the chain is broken before this entry (a seal was removed)"))
            if entry is None:
                breaks.append(_break(sealed, "the sealed entry is missing (deleted)"))
            elif link(sealed.prev_hash, entry) != sealed.hash:
                breaks.append(_break(sealed, "the entry changed after it was sealed"))
            expected_prev = sealed.hash
    unsealed = await repo.count_unsealed_older_than(timedelta(minutes=1))
    return ChainVerification(
        intact=not breaks and unsealed == 0, checked=checked, unsealed=unsealed, breaks=breaks[:MAX_BREAKS]
    )


def _break(sealed: AuditSeal, reason: str) -> ChainBreak:
    return ChainBreak(position=sealed.position, entry_id=sealed.entry_id, reason=reason)


async def list_entries(
    session: AsyncSession,
    *,
    page: PageParams,
    actor: str | None,
    record_id: str | None,
    action: AuditAction | None,
    record_type: str | None,
    since: datetime | None,
    until: datetime | None,
) -> Sequence[AuditEntry]:
    return await AuditRepository(session).search(
        page,
        actor=actor,
        record_id=record_id,
        action=action.value if action else None,
        record_type=record_type,
        since=since,
        until=until,
    )


async def export_rows(
    session: AsyncSession, *, since: datetime | None, until: datetime | None
) -> AsyncIterator[AuditEntry]:
    repo = AuditRepository(session)
    last_id = 0
    while True:
        batch = await repo.after(last_id, 1000, since=since, until=until)
        if not batch:
            return
        for entry in batch:
            yield entry
        last_id = batch[-1].id
