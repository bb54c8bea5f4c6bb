"""A database that cannot serve now — pool exhausted, statement timeout, connections refused or over the limit,
"the database system is starting up" — is answered 503 ``service-unavailable`` with ``Retry-After``, never 500,
and a keyed POST answered so has stored no response and written nothing: its retry with the same key runs."""

import uuid
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack

import asyncpg
import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from vru_dev.testing import TestIssuer, database_url, live_app
from vru_shared.problems import database_unavailable

from .support import build_app

PROBLEM = "application/problem+json"
UNAVAILABLE = "https://vru.example.org/problems/service-unavailable"


def assert_unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["type"] == UNAVAILABLE
    assert int(response.headers["retry-after"]) >= 1
    assert response.json()["request_id"]


@pytest.fixture
def analyst(issuer: TestIssuer) -> dict[str, str]:
    return issuer.headers(roles=["analyst"], sub=f"analyst-{uuid.uuid4().hex[:8]}")


@pytest.fixture
async def kept_notes(db_urls: dict[str, str]) -> AsyncIterator[AsyncConnection]:
    """A real table ``kept_notes`` in the referrals schema (the sample app's), dropped afterwards; yields an
    autocommit connection to look into it and into ``idempotency_keys``."""
    engine = create_async_engine(db_urls["referrals"], isolation_level="AUTOCOMMIT")
    async with engine.connect() as connection:
        await connection.execute(text("CREATE TABLE kept_notes (id serial PRIMARY KEY, text text NOT NULL)"))
        try:
            yield connection
        finally:
            await connection.execute(text("DROP TABLE kept_notes"))
            await connection.execute(text("DELETE FROM idempotency_keys WHERE owner LIKE 'analyst-%'"))
    await engine.dispose()


async def test_pool_exhausted_is_503(db_urls: dict[str, str], issuer: TestIssuer, analyst: dict[str, str]) -> None:
    """Every pooled connection held (a stall): a request waits ``db_pool_timeout_seconds``, then 503 (it was 500)."""
    app = build_app(db_urls["referrals"], db_pool_size=1, db_pool_timeout_seconds=0.3)
    async with live_app(app, issuer) as client, AsyncExitStack() as held:
        engine = app.state.engine
        for _ in range(2):  # pool_size + max_overflow
            await held.enter_async_context(engine.connect())
        assert_unavailable(await client.get("/v1/ping-db"))
        assert_unavailable(await client.get("/v1/notes/count", headers=analyst))
        keyed = {**analyst, "Idempotency-Key": uuid.uuid4().hex}
        assert_unavailable(await client.post("/v1/notes", json={"text": "held", "count": 1}, headers=keyed))
        await held.aclose()
        assert (await client.get("/v1/ping-db")).status_code == 200  # and it recovers by itself


async def test_statement_timeout_is_503_and_a_keyed_post_left_nothing(
    db_urls: dict[str, str], issuer: TestIssuer, analyst: dict[str, str], kept_notes: AsyncConnection
) -> None:
    app = build_app(db_urls["referrals"], db_statement_timeout_ms=200)
    async with live_app(app, issuer) as client:
        assert_unavailable(await client.get("/v1/sleep", params={"ms": 2000}))
        key = uuid.uuid4().hex
        keyed = {**analyst, "Idempotency-Key": key}
        slow = await client.post("/v1/kept-notes", json={"text": "too slow", "count": 2000}, headers=keyed)
        assert_unavailable(slow)
        assert (await kept_notes.execute(text("SELECT count(*) FROM kept_notes"))).scalar_one() == 0
        stored = await kept_notes.execute(text("SELECT count(*) FROM idempotency_keys WHERE key = :k"), {"k": key})
        assert stored.scalar_one() == 0
        # The same key with a quick request runs (nothing was recorded for it), once.
        body = {"text": "in time", "count": 0}
        done = await client.post("/v1/kept-notes", json=body, headers=keyed)
        assert done.status_code == 201, done.text
        assert "idempotent-replayed" not in done.headers
        replay = await client.post("/v1/kept-notes", json=body, headers=keyed)
        assert replay.headers["idempotent-replayed"] == "true"
        assert (await kept_notes.execute(text("SELECT text FROM kept_notes"))).scalars().all() == ["in time"]


async def test_connection_refused_is_503(issuer: TestIssuer, analyst: dict[str, str]) -> None:
    """A stopped database: nothing listens on its port (TCP), or its socket is gone (Unix)."""
    for url in (
        "postgresql+asyncpg://nobody:nothing@127.0.0.1:1/none",
        "postgresql+asyncpg://nobody:nothing@/none?host=/nonexistent-socket-dir",
    ):
        async with live_app(build_app(url), issuer) as client:
            assert_unavailable(await client.get("/v1/ping-db"))
            keyed = {**analyst, "Idempotency-Key": uuid.uuid4().hex}
            assert_unavailable(await client.post("/v1/notes", json={"text": "x", "count": 1}, headers=keyed))


async def test_too_many_connections_is_503(pg_admin_url: str, db_urls: dict[str, str], issuer: TestIssuer) -> None:
    """PostgreSQL refuses the connection (SQLSTATE 53300: the role's connection limit, as ``max_connections``)."""
    role = f"vru_full_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(pg_admin_url.replace("postgresql+asyncpg://", "postgresql://", 1))
    try:
        await admin.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'full' CONNECTION LIMIT 0")
        url = database_url(pg_admin_url, user=role, password="full")
        async with live_app(build_app(url), issuer) as client:
            assert_unavailable(await client.get("/v1/ping-db"))
    finally:
        await admin.execute(f"DROP ROLE IF EXISTS {role}")
        await admin.close()


@pytest.mark.parametrize(
    "driver_error",
    [
        asyncpg.exceptions.CannotConnectNowError("the database system is starting up"),
        asyncpg.exceptions.TooManyConnectionsError("sorry, too many clients already"),
        asyncpg.exceptions.QueryCanceledError("canceling statement due to statement timeout"),
        asyncpg.exceptions.AdminShutdownError("terminating connection due to administrator command"),
        asyncpg.exceptions.DiskFullError("could not extend file: No space left on device"),
        asyncpg.exceptions.ConnectionDoesNotExistError("connection was closed in the middle of operation"),
        ConnectionRefusedError(111, "Connect call failed"),
        ConnectionResetError(104, "Connection reset by peer"),
        TimeoutError(),
    ],
    ids=lambda e: type(e).__name__,
)
def test_driver_errors_that_mean_unavailable(driver_error: BaseException) -> None:
    """As SQLAlchemy's asyncpg dialect hands them on: a ``DBAPIError`` whose ``orig`` was raised from the driver's."""
    assert database_unavailable(driver_error)
    wrapped = DBAPIError("SELECT 1", {}, Exception(str(driver_error)))
    wrapped.orig.__cause__ = driver_error  # type: ignore[union-attr]
    assert database_unavailable(wrapped)


def test_pool_timeout_means_unavailable() -> None:
    assert database_unavailable(PoolTimeout("QueuePool limit of size 1 overflow 1 reached"))


@pytest.mark.parametrize(
    "driver_error",
    [
        asyncpg.exceptions.UndefinedTableError('relation "x" does not exist'),
        asyncpg.exceptions.UniqueViolationError("duplicate key value"),
        asyncpg.exceptions.DataError("invalid input"),
        ValueError("a bug"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_other_errors_are_not_unavailability(driver_error: BaseException) -> None:
    wrapped = DBAPIError("SELECT 1", {}, Exception(str(driver_error)))
    wrapped.orig.__cause__ = driver_error  # type: ignore[union-attr]
    assert not database_unavailable(wrapped)
    assert not database_unavailable(driver_error)
