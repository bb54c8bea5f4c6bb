"""``Idempotency-Key`` for POST: the table each service keeps in its own schema, its repository, and the
middleware that applies it inside the request's transaction (so a stored response and the effect it
describes are written together or not at all).

Semantics (draft-ietf-httpapi-idempotency-key-header): the same key and the same request → the stored
response, replayed; the same key with a different request → 422; the same key while the first request
is still running → 409. Keys are scoped to the caller — the subject of a *verified* token: nothing is read
from or written to the store before the token is verified, so a forged token learns nothing (not even
whether a key was used) and replays nothing; a request without a valid token runs unkeyed, and its route
answers 401 as it would anyway. Keys are kept ``idempotency_ttl_hours``
(at least 24 h). Only successful (2xx) responses are stored, and never one marked
``Cache-Control: no-store`` (it holds a secret: a new client secret, an access token). A failed request
can be retried with the same key and runs again, because its transaction was rolled back.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

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
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vru_shared.asgi import header, read_body, replaying
from vru_shared.auth import Principal, verify_bearer
from vru_shared.problems import ProblemError, send_problem

logger = logging.getLogger("vru.idempotency")

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


class IdempotencyMiddleware:
    """Replays, refuses or records keyed POSTs. Installed inside :class:`vru_shared.transaction.TransactionMiddleware`,
    whose session it uses: the stored response is inserted in the request's own transaction and committed with it,
    and every refusal here is an error status, so the transaction rolls back."""

    def __init__(self, app: ASGIApp, *, table: Table, ttl: timedelta, streamed_prefixes: tuple[str, ...] = ()) -> None:
        self.app = app
        self.table = table
        self.ttl = ttl
        #: Bulk routes whose bodies are streamed, never held whole: ``Idempotency-Key`` is not applied there
        #: (they must be idempotent by their own keys, e.g. the crime reference of each report).
        self.streamed_prefixes = streamed_prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = header(scope, HEADER) if scope["type"] == "http" and scope["method"] == "POST" else None
        if key is None or scope["path"].startswith(self.streamed_prefixes):
            await self.app(scope, receive, send)
            return
        if not KEY_PATTERN.match(key):
            await send_problem(scope, send, 400, "Idempotency-Key must be 1 to 255 visible ASCII characters.")
            return
        state: dict[str, Any] = scope["state"]
        principal = await verified_principal(scope, header(scope, "authorization"))
        if principal is None:  # no store access for an unverified caller: its route decides (401)
            await self.app(scope, receive, send)
            return
        state["principal"] = principal  # verified once: ``authenticate`` reuses it
        owner = principal.subject[:255]
        body = await read_body(receive)
        if body is None:
            return
        fp = fingerprint(
            scope["method"], scope["path"], scope.get("query_string", b""), header(scope, "content-type") or "", body
        )
        repo = IdempotencyRepository(state["db_session"], self.table)
        try:
            locked = await repo.try_lock(owner, key)
            stored = await repo.get(owner, key) if locked else None
        except (SQLAlchemyError, OSError):
            logger.warning("idempotency lookup failed", exc_info=True)
            await send_problem(scope, send, 503, "The database is unavailable; retry shortly.", headers=RETRY_SOON)
            return
        if not locked:
            await send_problem(
                scope,
                send,
                409,
                "A request with this Idempotency-Key is still being processed; retry shortly.",
                headers={"Retry-After": "1"},
            )
            return
        if stored is not None:
            await self._replay(scope, send, stored, fp)
            return

        captured: list[Message] = []

        async def capture(message: Message) -> None:
            captured.append(message)

        await self.app(scope, replaying(body, receive), capture)
        start = next(m for m in captured if m["type"] == "http.response.start")
        status = int(start["status"])
        # A response marked ``no-store`` carries a secret (a new client secret, a token): never keep it.
        storable = not any(
            k.lower() == b"cache-control" and b"no-store" in v.lower() for k, v in start.get("headers", [])
        )
        if 200 <= status < 300 and storable:
            headers = {
                k.decode().lower(): v.decode()
                for k, v in start.get("headers", [])
                if k.decode().lower() in REPLAYED_HEADERS
            }
            response_body = b"".join(m.get("body", b"") for m in captured if m["type"] == "http.response.body")
            try:
                await repo.save(
                    owner=owner,
                    key=key,
                    method=scope["method"],
                    path=scope["path"],
                    response=StoredResponse(fp, status, headers, response_body),
                    ttl=self.ttl,
                )
            except SQLAlchemyError:
                logger.warning("idempotency save failed", exc_info=True)
                await send_problem(
                    scope, send, 503, "The change could not be saved. Retry the request.", headers={"Retry-After": "1"}
                )
                return
        for message in captured:
            await send(message)

    @staticmethod
    async def _replay(scope: Scope, send: Send, stored: StoredResponse, fp: str) -> None:
        if stored.fingerprint != fp:
            await send_problem(scope, send, 422, "This Idempotency-Key was already used with a different request.")
            return
        headers = [(k.encode(), v.encode()) for k, v in stored.headers.items()]
        headers += [(b"content-length", str(len(stored.body)).encode()), (b"idempotent-replayed", b"true")]
        await send({"type": "http.response.start", "status": stored.status_code, "headers": headers})
        await send({"type": "http.response.body", "body": stored.body, "more_body": False})


RETRY_SOON = {"Retry-After": "2"}


async def verified_principal(scope: Scope, authorization: str | None) -> Principal | None:
    """The caller of a bearer token the app's verifier accepts, else ``None`` (never an unverified claim)."""
    if not authorization or authorization[:7].lower() != "bearer " or not authorization[7:].strip():
        return None
    try:
        return await verify_bearer(scope["app"].state, authorization[7:].strip())
    except ProblemError:
        return None
