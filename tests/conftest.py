"""Cross-service fixtures: ONE running platform for the whole test session (the real services behind the
real Traefik on the session's PostgreSQL), started exactly as ``vru up`` starts it."""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from vru_cli.deploy import DATABASE_ROLES, SERVICES
from vru_dev.platform import Platform, PlatformConfig, Ports
from vru_dev.provision import create_database
from vru_dev.testing import with_database

DEV_PASSWORD = "vru-dev-password"
#: The session's platform fetches the token revocation list this often (15 s by default), so that the revocation
#: tests (``test_revocation.py``) need not wait long.
REVOCATION_POLL_SECONDS = 1.0


#: Partners' webhooks at test speed (tests/test_webhooks_e2e.py): events relayed and deliveries tried every quarter
#: second; retries after 0.2–0.4 s, 0.4–0.8 s, then at most 1 s; given up after 4 attempts; a circuit that cools
#: down in a second.
WEBHOOK_SPEED = {
    "REFERRALS_EVENTS_RELAY_INTERVAL_SECONDS": "0.25",
    "NOTIFICATIONS_DELIVERY_POLL_SECONDS": "0.25",
    "NOTIFICATIONS_RETRY_BASE_SECONDS": "0.4",
    "NOTIFICATIONS_RETRY_MAX_SECONDS": "1",
    "NOTIFICATIONS_MAX_ATTEMPTS": "4",
    "NOTIFICATIONS_CIRCUIT_COOLDOWN_SECONDS": "1",
    # e-mail and SMS notices (tests/test_notices_e2e.py): the notice worker's rounds
    "NOTIFICATIONS_NOTICE_POLL_SECONDS": "0.25",
}


def password_token(gateway: httpx.Client, email: str) -> str:
    response = gateway.post(
        "/oauth/token", data={"grant_type": "password", "username": email, "password": DEV_PASSWORD}
    )
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


def client_token(gateway: httpx.Client, client_id: str, secret: str) -> str:
    response = gateway.post("/oauth/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret))
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@contextlib.contextmanager
def running_platform(
    pg_admin_url: str,
    data_dir: Path,
    database: str,
    *,
    otlp_endpoint: str | None = None,
    extra_env: dict[str, str] | None = None,
) -> Iterator[Platform]:
    """The real services behind the real Traefik, started as ``vru up`` starts them, on their own database of the
    session's PostgreSQL (exporting spans to ``otlp_endpoint`` when given)."""
    asyncio.run(create_database(with_database(pg_admin_url, "postgres"), database))
    config = PlatformConfig(
        data_dir=data_dir,
        ports=Ports.free(),
        database_url=with_database(pg_admin_url, database),
        # The whole session is one source (127.0.0.1) with many logins: lift the per-source limits.
        rate_average=1000,
        rate_burst=1000,
        source_rate_average=1000,
        source_rate_burst=1000,
        token_rate_per_minute=60_000,
        token_rate_burst=1000,
        extra_env={
            **{f"{s.upper()}_REVOCATION_POLL_SECONDS": str(REVOCATION_POLL_SECONDS) for s in SERVICES},
            **WEBHOOK_SPEED,
            **(extra_env or {}),
        },
        otlp_endpoint=otlp_endpoint,
    )
    saved = {k: os.environ.get(k) for k in (f"VRU_DB_PASSWORD_{s.upper()}" for s in DATABASE_ROLES)}
    for service in DATABASE_ROLES:  # roles are cluster-wide: keep the passwords the unit tests use
        os.environ[f"VRU_DB_PASSWORD_{service.upper()}"] = f"test-{service}-password"
    running = Platform(config)
    try:
        running.start()
        yield running
    finally:
        running.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture(scope="session")
def platform(pg_admin_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    with running_platform(pg_admin_url, Path(tmp_path_factory.mktemp("platform")), "vru_e2e") as running:
        yield running


@pytest.fixture(scope="session")
def gateway(platform: Platform) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=platform.config.gateway_url, timeout=10.0) as client:
        yield client
