"""The session store on the real database: what the browser holds, what is kept, and when a session ends."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import asyncpg
import pytest
from cryptography.exceptions import InvalidTag
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from web.pages.sign_in import safe_next
from web.session.service import Sessions

from vru_shared.auth import Principal, PrincipalKind

TOKEN = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJwZXJzb24tMSJ9.c2lnbmF0dXJl"


def person() -> Principal:
    return Principal(
        f"person-{uuid.uuid4()}",
        PrincipalKind.PERSON,
        "http://issuer",
        uuid.uuid4(),
        frozenset({"coordinator"}),
        frozenset({"medway"}),
        frozenset(),
        name="Test coordinator",
    )


def plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


async def test_a_session_keeps_the_token_encrypted_and_the_cookie_only_as_a_hash(db_urls: dict[str, str]) -> None:
    engine = create_async_engine(db_urls["web"])
    sessions = Sessions("a-test-session-key", timedelta(minutes=30))
    try:
        async with async_sessionmaker(engine)() as db, db.begin():
            cookie, signed_in = await sessions.start(db, person(), TOKEN, 900)
        assert signed_in.token == TOKEN
        connection = await asyncpg.connect(plain(db_urls["web"]))
        try:
            row = await connection.fetchrow("SELECT * FROM web.sessions WHERE subject = $1", signed_in.subject)
        finally:
            await connection.close()
        assert row is not None
        assert TOKEN.encode() not in row["token"]
        assert row["id_hash"] != cookie
        assert cookie not in str(dict(row))
        async with async_sessionmaker(engine)() as db, db.begin():
            found = await sessions.find(db, cookie)
        assert found is not None
        assert found.token == TOKEN
        # Another key cannot read it: a copy of the database alone gives no usable token.
        with pytest.raises(InvalidTag):
            async with async_sessionmaker(engine)() as db, db.begin():
                await Sessions("another-key", timedelta(minutes=30)).find(db, cookie)
    finally:
        await engine.dispose()


async def test_a_session_ends_when_idle_when_the_token_expires_and_on_sign_out(db_urls: dict[str, str]) -> None:
    engine = create_async_engine(db_urls["web"])
    sessions = Sessions("a-test-session-key", timedelta(minutes=30))
    maker = async_sessionmaker(engine)
    try:
        async with maker() as db, db.begin():
            idle_cookie, idle = await sessions.start(db, person(), TOKEN, 900)
            expired_cookie, _ = await sessions.start(db, person(), TOKEN, 0)
            out_cookie, _ = await sessions.start(db, person(), TOKEN, 900)
        connection = await asyncpg.connect(plain(db_urls["web"]))
        try:
            await connection.execute(
                "UPDATE web.sessions SET last_seen_at = $1 WHERE subject = $2",
                datetime.now(UTC) - timedelta(minutes=31),
                idle.subject,
            )
        finally:
            await connection.close()
        async with maker() as db, db.begin():
            assert await sessions.find(db, idle_cookie) is None
            assert await sessions.find(db, expired_cookie) is None
            assert await sessions.find(db, out_cookie) is not None
            await sessions.end(db, out_cookie)
        async with maker() as db, db.begin():
            assert await sessions.find(db, out_cookie) is None
            assert await sessions.find(db, "not-a-session") is None
            assert await sessions.find(db, "x" * 500) is None
            assert await sessions.purge(db) >= 2
    finally:
        await engine.dispose()


def test_after_signing_in_only_a_path_of_this_site() -> None:
    assert safe_next("/reviews?district=medway") == "/reviews?district=medway"
    for target in (None, "", "//evil.example", "https://evil.example", "/\\evil.example", "reviews"):
        assert safe_next(target) == "/"
