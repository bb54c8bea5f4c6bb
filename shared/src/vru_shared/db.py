"""Database: typed declarative metadata per service schema, the async engine, and the request session.

A request's transaction is owned by :class:`vru_shared.transaction.TransactionMiddleware`: routes get the
session through the ``Session`` dependency and never commit; the middleware commits (or rolls back)
before the first byte of the response is sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import DateTime, Executable, MetaData, RowMapping
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from vru_shared.settings import ServiceSettings
from vru_shared.tracing import instrument_engine

NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: For ``type_annotation_map`` on each service's ``Base``: every ``datetime`` column is timezone-aware.
TYPE_ANNOTATION_MAP: dict[Any, Any] = {datetime: DateTime(timezone=True)}


def make_metadata(schema: str) -> MetaData:
    """Metadata bound to one service's schema, with the project's constraint naming convention."""
    return MetaData(schema=schema, naming_convention=NAMING_CONVENTION)


def create_engine(settings: ServiceSettings) -> AsyncEngine:
    """The service's pool; a span per statement when tracing is on (``vru_shared.tracing``)."""
    engine = create_async_engine(
        settings.database_url.get_secret_value(),
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_pool_size,
        # No pre-ping (it cost 3 round trips per request, bench scenario 1): a connection lost to a database
        # restart fails one request with 503 (problems.database_unavailable) and SQLAlchemy then invalidates
        # the pool's older connections, so the service recovers by itself.
        pool_pre_ping=False,
        pool_timeout=settings.db_pool_timeout_seconds,
        # An error's text never carries the statement's parameters (a child's name, a date of birth).
        hide_parameters=True,
        connect_args={
            "timeout": 5,
            "command_timeout": settings.db_statement_timeout_ms / 1000 + 5,
            "server_settings": {
                "search_path": settings.db_schema,
                "application_name": settings.service_name,
                "statement_timeout": str(settings.db_statement_timeout_ms),
                "timezone": "UTC",
            },
        },
    )
    instrument_engine(engine)
    return engine


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=True)


UNIQUE_VIOLATION = "23505"


def is_unique_violation(exc: IntegrityError) -> bool:
    return getattr(exc.orig, "sqlstate", None) == UNIQUE_VIOLATION or "UniqueViolation" in repr(exc.orig)


async def add_unless_duplicate(session: AsyncSession, instance: object) -> bool:
    """Insert ``instance`` in a savepoint; False (and nothing written) when a unique key is already taken,
    also by a concurrent request. For repositories that turn that into a 409."""
    try:
        async with session.begin_nested():
            session.add(instance)
            await session.flush()
    except IntegrityError as exc:
        if is_unique_violation(exc):
            return False
        raise
    return True


async def get_session(request: Request) -> AsyncSession:
    """The request's session, opened by the transaction middleware. ``async``, as every dependency on a hot path:
    FastAPI runs a plain ``def`` dependency in a worker thread (measured: two such hops were ~10 % of a read's
    CPU, ``bench/profile_read.py``)."""
    session = getattr(request.state, "db_session", None)
    if not isinstance(session, AsyncSession):  # pragma: no cover - a wiring error, not a user error
        raise RuntimeError("TransactionMiddleware is not installed on this app")
    return session


Session = Annotated[AsyncSession, Depends(get_session)]


async def one_statement_rows(
    session: AsyncSession, statement: Executable, parameters: Mapping[str, Any]
) -> list[RowMapping]:
    """Run ``statement`` — the request's whole work in the database, e.g. an audited read whose audit row is a CTE
    of the read — in PostgreSQL's own transaction of one statement: one round trip, where the request's
    transaction costs three (BEGIN, the statement, COMMIT; issue 17).

    PostgreSQL commits a statement sent outside a transaction before it answers that it is complete: rows come
    back only from a statement that committed, every part of it (the audit row with the read), and a commit that
    fails is the statement's error — the read is refused, as when the request's commit fails. Used only while the
    request has not begun its transaction (nothing before it; otherwise it joins that transaction) and when the
    session is bound to an engine (the tests that bind every request to one outer transaction run it in that
    transaction). A connection is taken from the pool for the statement alone, so whatever the request might do
    with its session afterwards begins a transaction of its own: nothing else is ever run in autocommit."""
    engine = session.bind
    if session.in_transaction() or not isinstance(engine, AsyncEngine):
        connection = await session.connection()
        return list((await connection.execute(statement, dict(parameters))).mappings())
    async with engine.connect() as connection:
        alone = await connection.execution_options(isolation_level="AUTOCOMMIT")
        return list((await alone.execute(statement, dict(parameters))).mappings())


def changed_now() -> datetime:
    """``updated_at``'s value on every ORM update (``mapped_column(..., onupdate=changed_now)``), so a change a
    service forgot to date still shows in the change feeds (``updated_since``)."""
    return datetime.now(UTC)
