"""Bulk writes for intake, on the request's own connection and inside its transaction.

Thousands of rows go in one ``COPY`` or one statement over arrays (``unnest``), not one ORM insert per
row: the repositories use these for the rows an import writes. They run on the asyncpg connection under
the session, so they commit or roll back with everything else the request does.
"""

import os
from collections.abc import Sequence
from typing import Any

import asyncpg
from asyncpg.pgproto import pgproto
from sqlalchemy import Table, text
from sqlalchemy.ext.asyncio import AsyncSession

_RANDOM_BITS = bytes.fromhex("ffffffffffff0fff3fffffffffffffff")  # all but the version and variant bits
_VERSION_4 = bytes.fromhex("00000000000040008000000000000000")  # version 4, RFC 4122 variant


def new_ids(count: int) -> list[str]:
    """``count`` random (version 4) UUIDs, as ``uuid4()`` makes them but from one read of the system's
    random source, in their text form: the driver writes text to a ``uuid`` column as it writes a ``UUID``,
    and text, unlike ``UUID`` objects, is no work for the garbage collector while thousands of rows wait."""
    random = int.from_bytes(os.urandom(16 * count))
    ids = (random & int.from_bytes(_RANDOM_BITS * count) | int.from_bytes(_VERSION_4 * count)).to_bytes(16 * count)
    return [str(pgproto.UUID(ids[i : i + 16])) for i in range(0, 16 * count, 16)]


class Ids:
    """New ids for rows about to be written, taken from :func:`new_ids` 1,024 at a time."""

    def __init__(self) -> None:
        self._pool: list[str] = []

    def take(self, count: int) -> list[str]:
        if len(self._pool) < count:
            self._pool += new_ids(max(count, 1024))
        return [self._pool.pop() for _ in range(count)]


async def driver(session: AsyncSession) -> "asyncpg.Connection[Any]":
    """The asyncpg connection under ``session``, inside the session's transaction."""
    connection = await session.connection()
    raw = (await connection.get_raw_connection()).driver_connection
    assert isinstance(raw, asyncpg.Connection)
    if not raw.is_in_transaction():
        # SQLAlchemy opens its transaction at the first statement: never write outside it.
        await session.execute(text("SELECT 1"))
    return raw


async def copy(session: AsyncSession, table: Table, columns: Sequence[str], records: Sequence[Sequence[Any]]) -> None:
    """``COPY`` ``records`` (tuples in ``columns`` order) into ``table``; columns left out take their defaults."""
    if records:
        connection = await driver(session)
        await connection.copy_records_to_table(
            table.name, schema_name=table.schema, columns=list(columns), records=records
        )


async def execute(session: AsyncSession, sql: str, *args: Any) -> None:
    """One statement whose parameters are mostly whole columns (``unnest($1::uuid[], …)``)."""
    connection = await driver(session)
    await connection.execute(sql, *args)
