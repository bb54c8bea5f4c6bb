"""``Idempotency-Key`` for POST: the table each service keeps in its own schema, and its repository.

Semantics (draft-ietf-httpapi-idempotency-key-header): the same key and the same request → the stored
response, replayed; the same key with a different request → 422; the same key while the first request
is still running → 409. Keys are scoped to the caller (token subject) and kept ``idempotency_ttl_hours``
(at least 24 h). Only successful (2xx) responses are stored, and never one marked
``Cache-Control: no-store`` (it holds a secret: a new client secret, an access token). A failed request
can be retried with the same key and runs again, because its transaction was rolled back.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import (
    Column,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    delete,
    func,
    insert,
    select,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession

HEADER = "idempotency-key"
KEY_PATTERN = re.compile(r"^[\x21-\x7e]{1,255}$")
#: Headers worth replaying; hop-by-hop and per-response ones are not stored.
REPLAYED_HEADERS = frozenset({"content-type", "location", "etag", "link"})


def idempotency_table(metadata: MetaData) -> Table:
    """Declare ``idempotency_keys`` in a service's metadata (so its migrations create it)."""
    return Table(
        "idempotency_keys",
        metadata,
        Column("owner", String(255), primary_key=True),
        Column("key", String(255), primary_key=True),
        Column("fingerprint", String(64), nullable=False),
        Column("method", String(10), nullable=False),
        Column("path", String(2048), nullable=False),
        Column("status_code", Integer, nullable=False),
        Column("headers", JSONB, nullable=False),
        Column("body", LargeBinary, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("expires_at", DateTime(timezone=True), nullable=False),
        Index(None, "expires_at"),
    )


def fingerprint(method: str, path: str, query: bytes, content_type: str, body: bytes) -> str:
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), query, content_type.encode(), body):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def token_subject(authorization: str | None) -> str:
    """The unverified ``sub`` of a bearer token, used only to scope keys.

    The stored response is kept only when the route's verified principal has the same subject, so a forged
    token can never plant or read another caller's entry.
    """
    if not authorization or not authorization.lower().startswith("bearer "):
        return "anonymous"
    parts = authorization[7:].strip().split(".")
    if len(parts) != 3:
        return "anonymous"
    try:
        padded = parts[1] + "=" * (-len(parts[1]) % 4)
        claims = json.loads(base64.urlsafe_b64decode(padded))
    except (ValueError, json.JSONDecodeError):
        return "anonymous"
    sub = claims.get("sub") if isinstance(claims, dict) else None
    return sub[:255] if isinstance(sub, str) and sub else "anonymous"


@dataclass(frozen=True, slots=True)
class StoredResponse:
    fingerprint: str
    status_code: int
    headers: dict[str, str]
    body: bytes


class IdempotencyRepository:
    def __init__(self, session: AsyncSession, table: Table) -> None:
        self.session = session
        self.table = table

    async def try_lock(self, owner: str, key: str) -> bool:
        """Hold a transaction-scoped advisory lock on (owner, key); False when another request has it."""
        digest = hashlib.sha256(f"{self.table.fullname}\n{owner}\n{key}".encode()).digest()
        lock_id = int.from_bytes(digest[:8], "big", signed=True)
        stmt = select(func.pg_try_advisory_xact_lock(lock_id))
        return bool((await self.session.execute(stmt)).scalar_one())

    async def get(self, owner: str, key: str) -> StoredResponse | None:
        t = self.table
        row = (
            await self.session.execute(
                select(t.c.fingerprint, t.c.status_code, t.c.headers, t.c.body).where(
                    t.c.owner == owner, t.c.key == key, t.c.expires_at > func.now()
                )
            )
        ).one_or_none()
        if row is None:
            return None
        return StoredResponse(row.fingerprint, row.status_code, dict(row.headers), bytes(row.body))

    async def save(
        self,
        *,
        owner: str,
        key: str,
        method: str,
        path: str,
        response: StoredResponse,
        ttl: timedelta,
    ) -> None:
        t = self.table
        # An expired entry for the same key may still be there: replace it.
        await self.session.execute(delete(t).where(t.c.owner == owner, t.c.key == key))
        await self.session.execute(
            insert(t).values(
                owner=owner,
                key=key,
                fingerprint=response.fingerprint,
                method=method,
                path=path,
                status_code=response.status_code,
                headers=response.headers,
                body=response.body,
                expires_at=datetime.now(UTC) + ttl,
            )
        )

    async def purge_expired(self) -> int:
        t = self.table
        result = await self.session.execute(delete(t).where(t.c.expires_at <= func.now()))
        return int(getattr(result, "rowcount", 0) or 0)
