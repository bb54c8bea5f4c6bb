"""One transaction per request, committed or rolled back before the response is sent.

Pure ASGI, installed by :func:`vru_shared.app.create_service_app` between the body guard and the
``Idempotency-Key`` middleware. The session is created lazily (no connection is taken until a route
uses it) and reached by routes through the ``Session`` dependency. Routes and services never commit:
a success (or an error that keeps its changes) is committed when its ``http.response.start`` passes
through here, and a commit that fails replaces the response with a 503 — never a lost 2xx.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vru_shared.problems import send_problem

logger = logging.getLogger("vru.transaction")

NOT_SAVED = "The change could not be saved. Retry the request."
CHANGED_MEANWHILE = "The record was changed by someone else meanwhile; read it again and reapply your change."


class TransactionMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        maker: async_sessionmaker[AsyncSession] = scope["app"].state.sessionmaker
        state: dict[str, Any] = scope.setdefault("state", {})
        session = maker()
        state["db_session"] = session
        started = False
        replaced = False

        async def send_after_commit(message: Message) -> None:
            nonlocal started, replaced
            if message["type"] == "http.response.start" and not started:
                started = True
                failure = await finish(session, int(message["status"]), state)
                if failure is not None:
                    replaced = True
                    status, detail, headers = failure
                    await send_problem(scope, send, status, detail, headers=headers)
                    return
            if not replaced:
                await send(message)

        try:
            await self.app(scope, receive, send_after_commit)
        except BaseException:
            await rollback(session)
            raise
        finally:
            await session.close()


async def finish(session: AsyncSession, status: int, state: dict[str, Any]) -> tuple[int, str, dict[str, str]] | None:
    """Commit a success (or an error that keeps its changes), otherwise roll back.

    Returns the problem to answer instead when the commit failed: 412 when a versioned record was changed
    by a concurrent request (its ``UPDATE … WHERE version = :read`` found no row), else 503."""
    if status >= 400 and not state.get("keep_changes"):
        await rollback(session)
        return None
    try:
        await session.commit()
    except StaleDataError:
        await rollback(session)
        return 412, CHANGED_MEANWHILE, {}
    except (SQLAlchemyError, OSError):
        logger.warning("commit failed", exc_info=True)
        await rollback(session)
        return 503, NOT_SAVED, {"Retry-After": "1"}
    return None


async def rollback(session: AsyncSession) -> None:
    try:
        await session.rollback()
    except (SQLAlchemyError, OSError):  # pragma: no cover - connection already gone
        logger.warning("rollback failed", exc_info=True)
