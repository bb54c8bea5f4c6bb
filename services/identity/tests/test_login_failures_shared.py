"""Failed logins counted once for every identity replica: two apps on one database share the count of a
(name, source), so a guesser who spreads attempts over replicas gets no fresh count on each (issue 18)."""

from __future__ import annotations

import uuid

import asyncpg
import pytest
from fastapi import FastAPI

from identity.main import create_app
from identity.settings import IdentitySettings
from identity.token.throttle import FailureStore, LoginThrottle
from vru_dev.testing import TestIssuer, live_app


def plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


async def stored_failures(db_url: str, name: str, source: str) -> int | None:
    connection = await asyncpg.connect(plain(db_url))
    try:
        value = await connection.fetchval(
            "SELECT failures FROM identity.login_failures WHERE key_hash = $1",
            FailureStore.key_hash((name.strip().lower(), source)),
        )
    finally:
        await connection.close()
    return None if value is None else int(value)


@pytest.fixture
def replica_settings(settings: IdentitySettings) -> IdentitySettings:
    # No delay: the count is what is asserted, not the time.
    return settings.model_copy(update={"failed_login_delay_seconds": 0.0})


async def test_two_replicas_share_the_failed_login_count(
    replica_settings: IdentitySettings, issuer: TestIssuer, db_urls: dict[str, str]
) -> None:
    name = f"nobody-{uuid.uuid4().hex[:8]}@example.org"
    first: FastAPI = create_app(replica_settings)
    second: FastAPI = create_app(replica_settings)
    form = {"grant_type": "password", "username": name, "password": "guess"}
    async with live_app(first, issuer) as one, live_app(second, issuer) as two:
        for client in (one, two, one, two, two):
            refused = await client.post("/oauth/token", data=form)
            assert refused.status_code == 400, refused.text
            assert refused.json()["error"] == "invalid_grant"
        source = "127.0.0.1"
        assert await stored_failures(db_urls["identity"], name, source) == 5
        # Each replica's own view of the key is the shared count, not the requests it served itself (2 and 3).
        throttle: LoginThrottle = second.state.login_throttle
        assert throttle._keys[(name, source)].failures == 5


async def test_a_success_clears_the_shared_count(
    replica_settings: IdentitySettings, issuer: TestIssuer, db_urls: dict[str, str]
) -> None:
    app: FastAPI = create_app(replica_settings)
    store = FailureStore(lambda: app.state.sessionmaker, replica_settings.login_failure_window_seconds)
    key = (f"someone-{uuid.uuid4().hex[:8]}@example.org", "192.0.2.7")
    async with live_app(app, issuer):
        assert await store.failed(key) == 1
        assert await store.failed(key) == 2
        assert await stored_failures(db_urls["identity"], *key) == 2
        await store.succeeded(key)
        assert await stored_failures(db_urls["identity"], *key) is None
        assert await store.failed(key) == 1  # counting starts again
        await store.succeeded(key)
