"""One transaction per request, committed or rolled back before the response is sent; and
``Idempotency-Key`` handling for POST inside that same transaction (so a stored response and the
effect it describes are written together or not at all).

Pure ASGI, installed by :func:`vru_shared.app.create_service_app` between the request-context
middleware and FastAPI's exception handling. The session is created lazily (no connection is taken
until a route uses it) and reached by routes through the ``Session`` dependency.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import Table
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vru_shared.idempotency import (
    HEADER,
    KEY_PATTERN,
    REPLAYED_HEADERS,
    IdempotencyRepository,
    StoredResponse,
    fingerprint,
    token_subject,
)
from vru_shared.problems import PROBLEM_MEDIA_TYPE, problem_type

logger = logging.getLogger("vru.unit_of_work")

SessionmakerGetter = Callable[[Scope], async_sessionmaker[AsyncSession]]


def _problem(status: int, detail: str, request_id: str | None, headers: dict[str, str] | None = None) -> list[Message]:
    body: dict[str, Any] = {
        "type": problem_type(status),
        "title": {409: "Conflict", 422: "Unprocessable Content", 400: "Bad Request"}.get(
            status, "Service Unavailable" if status == 503 else "Internal Server Error"
        ),
        "status": status,
        "detail": detail,
    }
    if request_id:
        body["request_id"] = request_id
    payload = json.dumps(body).encode()
    raw_headers = [
        (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
        (b"content-length", str(len(payload)).encode()),
    ] + [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    return [
        {"type": "http.response.start", "status": status, "headers": raw_headers},
        {"type": "http.response.body", "body": payload, "more_body": False},
    ]


class UnitOfWorkMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        idempotency_table: Table | None,
        idempotency_ttl: timedelta,
        streamed_prefixes: tuple[str, ...] = (),
    ) -> None:
        self.app = app
        self.table = idempotency_table
        self.ttl = idempotency_ttl
        #: Bulk routes whose bodies are streamed, never held whole: ``Idempotency-Key`` is not applied there
        #: (they must be idempotent by their own keys, e.g. the crime reference of each report).
        self.streamed_prefixes = streamed_prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        maker: async_sessionmaker[AsyncSession] = scope["app"].state.sessionmaker
        state: dict[str, Any] = scope.setdefault("state", {})
        session = maker()
        state["db_session"] = session
        try:
            key = _header(scope, HEADER)
            if (
                key is not None
                and scope["method"] == "POST"
                and self.table is not None
                and not scope["path"].startswith(self.streamed_prefixes)
            ):
                await self._keyed(scope, receive, send, session, key, state)
            else:
                await self._plain(scope, receive, send, session, state)
        finally:
            await session.close()

    async def _plain(
        self, scope: Scope, receive: Receive, send: Send, session: AsyncSession, state: dict[str, Any]
    ) -> None:
        finished = False
        replaced = False

        async def send_after_commit(message: Message) -> None:
            nonlocal finished, replaced
            if message["type"] == "http.response.start" and not finished:
                finished = True
                ok = await _finish(session, message["status"], state)
                if not ok:
                    replaced = True
                    for m in _problem(
                        503,
                        "The change could not be saved. Retry the request.",
                        state.get("request_id"),
                        {"Retry-After": "1"},
                    ):
                        await send(m)
                    return
            if replaced:
                return
            await send(message)

        try:
            await self.app(scope, receive, send_after_commit)
        except BaseException:
            await _rollback(session)
            raise

    async def _keyed(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        session: AsyncSession,
        key: str,
        state: dict[str, Any],
    ) -> None:
        request_id = state.get("request_id")
        assert self.table is not None
        if not KEY_PATTERN.match(key):
            for m in _problem(400, "Idempotency-Key must be 1 to 255 visible ASCII characters.", request_id):
                await send(m)
            return
        body, more = await _read_body(receive)
        if more is not None:  # the client disconnected mid-body
            return
        owner = token_subject(_header(scope, "authorization"))
        path = scope["path"]
        fp = fingerprint(
            scope["method"], path, scope.get("query_string", b""), _header(scope, "content-type") or "", body
        )
        repo = IdempotencyRepository(session, self.table)
        try:
            if not await repo.try_lock(owner, key):
                await _rollback(session)
                for m in _problem(
                    409,
                    "A request with this Idempotency-Key is still being processed; retry shortly.",
                    request_id,
                    {"Retry-After": "1"},
                ):
                    await send(m)
                return
            stored = await repo.get(owner, key)
        except (SQLAlchemyError, OSError):
            await _rollback(session)
            logger.warning("idempotency lookup failed", exc_info=True)
            for m in _problem(503, "The database is unavailable; retry shortly.", request_id, {"Retry-After": "2"}):
                await send(m)
            return
        if stored is not None:
            await _rollback(session)
            if stored.fingerprint != fp:
                for m in _problem(
                    422,
                    "This Idempotency-Key was already used with a different request.",
                    request_id,
                ):
                    await send(m)
                return
            replay = [(k.encode(), v.encode()) for k, v in stored.headers.items()]
            replay += [(b"content-length", str(len(stored.body)).encode()), (b"idempotent-replayed", b"true")]
            await send({"type": "http.response.start", "status": stored.status_code, "headers": replay})
            await send({"type": "http.response.body", "body": stored.body, "more_body": False})
            return

        replayed = False

        async def replay_receive() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        captured: list[Message] = []

        async def capture(message: Message) -> None:
            captured.append(message)

        try:
            await self.app(scope, replay_receive, capture)
        except BaseException:
            await _rollback(session)
            raise
        start = next((m for m in captured if m["type"] == "http.response.start"), None)
        if start is None:  # pragma: no cover - the app always answers
            await _rollback(session)
            return
        status = int(start["status"])
        principal = state.get("principal")
        verified_owner = getattr(principal, "subject", None) if principal is not None else None
        # A response marked ``no-store`` carries a secret (a new client secret, a token): never keep it.
        storable = not any(
            k.lower() == b"cache-control" and b"no-store" in v.lower() for k, v in start.get("headers", [])
        )
        same_caller = verified_owner == owner or (principal is None and owner == "anonymous")
        if 200 <= status < 300 and storable and same_caller:
            response_body = b"".join(m.get("body", b"") for m in captured if m["type"] == "http.response.body")
            headers = {
                k.decode().lower(): v.decode()
                for k, v in start.get("headers", [])
                if k.decode().lower() in REPLAYED_HEADERS
            }
            try:
                await repo.save(
                    owner=owner,
                    key=key,
                    method=scope["method"],
                    path=path,
                    response=StoredResponse(fp, status, headers, response_body),
                    ttl=self.ttl,
                )
            except SQLAlchemyError:
                logger.warning("idempotency save failed", exc_info=True)
                await _rollback(session)
                for m in _problem(
                    503, "The change could not be saved. Retry the request.", request_id, {"Retry-After": "1"}
                ):
                    await send(m)
                return
        if not await _finish(session, status, state):
            for m in _problem(
                503, "The change could not be saved. Retry the request.", request_id, {"Retry-After": "1"}
            ):
                await send(m)
            return
        for m in captured:
            await send(m)


async def _finish(session: AsyncSession, status: int, state: dict[str, Any]) -> bool:
    """Commit for a success (or an error that keeps its changes), otherwise roll back. False if commit failed."""
    if status < 400 or state.get("keep_changes"):
        try:
            await session.commit()
        except (SQLAlchemyError, OSError):
            logger.warning("commit failed", exc_info=True)
            await _rollback(session)
            return False
        return True
    await _rollback(session)
    return True


async def _rollback(session: AsyncSession) -> None:
    try:
        await session.rollback()
    except (SQLAlchemyError, OSError):  # pragma: no cover - connection already gone
        logger.warning("rollback failed", exc_info=True)


async def _read_body(receive: Receive) -> tuple[bytes, Message | None]:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"", message
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks), None


def _header(scope: Scope, name: str) -> str | None:
    raw = name.encode()
    for key, value in scope.get("headers", []):
        if key.lower() == raw:
            return str(value.decode("latin-1"))
    return None
