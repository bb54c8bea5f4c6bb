"""Recording, sealing, verifying and reading the audit log."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from referrals.audit.anchor import AnchorFile, Checkpoint
from referrals.audit.models import AuditEntry, AuditSeal
from referrals.audit.repository import AuditRepository
from referrals.audit.schemas import AuditAction, ChainBreak, ChainVerification
from referrals.settings import ReferralsSettings
from vru_shared.auth import Principal
from vru_shared.logging import current_client_request_id, current_request_id
from vru_shared.pagination import PageParams

GENESIS = "0" * 64
#: The audit log's purpose column holds this many characters; a longer purpose (an export's filters, which the
#: caller chooses) is cut with "…" rather than failing the action it records.
PURPOSE_CHARS = 200
SEAL_BATCH = 5000
MAX_BREAKS = 20


@dataclass(frozen=True)
class Sealing:
    """The keys of the chain (never in the database) and its anchor outside it."""

    key_id: str
    keys: dict[str, bytes]
    anchor: AnchorFile | None

    @classmethod
    def from_settings(cls, settings: ReferralsSettings) -> Sealing:
        anchor = AnchorFile(settings.audit_anchor_path) if settings.audit_anchor_path else None
        return cls(settings.audit_seal_key_id, settings.audit_seal_keys, anchor)

    @property
    def key(self) -> bytes:
        return self.keys[self.key_id]


async def record(
    session: AsyncSession,
    *,
    principal: Principal,
    action: AuditAction,
    record_type: str,
    record_ids: Sequence[UUID | str],
    purpose: str,
) -> None:
    """Append one entry in the request's own transaction: it lands exactly when the action does. A read of
    records attaches its entry to its own SELECT instead (:func:`entry`, one statement)."""
    values = entry(principal, action=action, record_type=record_type, purpose=purpose)
    await AuditRepository(session).append(values | {"record_ids": [str(i) for i in record_ids]})


def entry(principal: Principal, *, action: AuditAction, record_type: str, purpose: str) -> dict[str, object]:
    """The fields of an audit entry but its ``record_ids``: for a repository to attach the entry to the read
    that selects those records (:func:`referrals.audit.repository.with_audit_row`), so the read and its audit
    row are one statement."""
    return {
        "actor_subject": principal.subject,
        "actor_name": principal.name[:200] if principal.name else None,
        "actor_kind": principal.kind.value,
        "actor_client_id": principal.client_id,
        "agency_id": principal.agency_id,
        "roles": sorted(principal.roles),
        "action": action.value,
        "record_type": record_type,
        "purpose": purpose if len(purpose) <= PURPOSE_CHARS else purpose[: PURPOSE_CHARS - 1] + "…",
        "request_id": current_request_id(),
        "client_request_id": current_client_request_id(),
    }


def canonical(entry: AuditEntry) -> str:
    """What a seal covers: every field of the entry. A field added later (``actor_name``) is covered when it has
    a value, so the seals of entries written before it existed stay valid."""
    occurred = entry.occurred_at.astimezone(UTC).isoformat(timespec="microseconds")
    added_later = {"actor_name": entry.actor_name} if entry.actor_name is not None else {}
    return json.dumps(
        added_later
        | {
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
            "client_request_id": entry.client_request_id,
        },
        sort_keys=True,
        separators=(",", ":"),
    )


def link(key: bytes, prev_hash: str, entry: AuditEntry) -> str:
    """The seal of ``entry`` after ``prev_hash``: an HMAC, so only the key's holder can make one."""
    return hmac.new(key, (prev_hash + canonical(entry)).encode(), hashlib.sha256).hexdigest()


async def seal(session: AsyncSession, sealing: Sealing) -> int:
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
        current = link(sealing.key, prev, entry)
        seals.append({"entry_id": entry.id, "prev_hash": prev, "hash": current, "key_id": sealing.key_id})
        prev = current
    await repo.add_seals(seals)
    return len(seals)


async def checkpoint(session: AsyncSession, sealing: Sealing) -> Checkpoint | None:
    """Append a signed checkpoint of the chain's head to the anchor (after the seals are committed)."""
    if sealing.anchor is None:
        return None
    head = await AuditRepository(session).last_seal()
    if head is None:
        return None
    mark = Checkpoint(
        position=head.position,
        entry_id=head.entry_id,
        hash=head.hash,
        key_id=sealing.key_id,
        at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    await sealing.anchor.append(mark, sealing.key)
    return mark


async def verify(session: AsyncSession, sealing: Sealing) -> ChainVerification:
    """Recompute every seal with its key, and hold the chain to the newest genuine checkpoint of the anchor."""
    repo = AuditRepository(session)
    reading = await sealing.anchor.read(sealing.keys) if sealing.anchor else None
    anchored = reading.newest if reading else None
    breaks: list[ChainBreak] = []
    if reading and reading.forged_lines:
        lines = ", ".join(str(n) for n in reading.forged_lines[:5])
        breaks.append(
            ChainBreak(
                position=None, entry_id=None, reason=f"the anchor has lines that are not genuine checkpoints: {lines}"
            )
        )
    checked = 0
    expected_prev = GENESIS
    position = 0
    reached_anchor = False
    while len(breaks) < MAX_BREAKS:
        rows = await repo.seals_with_entries(position, 5000)
        if not rows:
            break
        for sealed, entry in rows:
            position = sealed.position
            checked += 1
            key = sealing.keys.get(sealed.key_id)
            if sealed.prev_hash != expected_prev:
                breaks.append(_break(sealed, "the chain is broken before this entry (a seal was removed)"))
            if entry is None:
                breaks.append(_break(sealed, "the sealed entry is missing (deleted)"))
            elif key is None:
                breaks.append(_break(sealed, "the seal names a key this service does not have"))
            elif not hmac.compare_digest(link(key, sealed.prev_hash, entry), sealed.hash):
                breaks.append(_break(sealed, "the entry or its seal changed after it was sealed"))
            if anchored and sealed.position == anchored.position:
                reached_anchor = True
                if sealed.hash != anchored.hash or sealed.entry_id != anchored.entry_id:
                    breaks.append(_break(sealed, "the chain differs from the anchored checkpoint here (rewritten)"))
            expected_prev = sealed.hash
    if anchored and not reached_anchor and len(breaks) < MAX_BREAKS:
        breaks.append(
            ChainBreak(
                position=anchored.position,
                entry_id=anchored.entry_id,
                reason=f"the chain ends at position {position} but was anchored at {anchored.position} "
                "(entries were removed from its end)",
            )
        )
    unsealed = await repo.count_unsealed_older_than(timedelta(minutes=1))
    return ChainVerification(
        intact=not breaks and unsealed == 0,
        checked=checked,
        unsealed=unsealed,
        anchored_position=anchored.position if anchored else None,
        anchored_at=datetime.fromisoformat(anchored.at) if anchored else None,
        breaks=breaks[:MAX_BREAKS],
    )


def _break(sealed: AuditSeal, reason: str) -> ChainBreak:
    return ChainBreak(position=sealed.position, entry_id=sealed.entry_id, reason=reason)


async def list_entries(
    session: AsyncSession,
    *,
    page: PageParams,
    actor: str | None,
    record_id: str | None,
    action: str | None,
    record_type: str | None,
    since: datetime | None,
    until: datetime | None,
    agency: UUID | None = None,
    purpose: str | None = None,
) -> Sequence[AuditEntry]:
    return await AuditRepository(session).search(
        page,
        actor=actor,
        record_id=record_id,
        action=action,
        record_type=record_type,
        since=since,
        until=until,
        agency=agency,
        purpose=purpose,
    )


async def export_rows(session: AsyncSession, **filters: Any) -> AsyncIterator[AuditEntry]:
    """Every entry the filters match (those of :func:`list_entries`), oldest first."""
    repo = AuditRepository(session)
    last_id = 0
    while True:
        batch = await repo.after(last_id, 1000, **filters)
        if not batch:
            return
        for entry in batch:
            yield entry
        last_id = batch[-1].id
