"""Fixtures for the identity service's tests: the app on the real test database (each test in a rolled-back
transaction) with fast argon2 parameters, the development seed data, and a verifier that trusts this app's
own tokens."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from identity.hashing import SecretHasher
from identity.main import create_app
from identity.seed import DevCredential, seed_development
from identity.settings import IdentitySettings
from vru_dev.kits.identity import FAST_HASHING, own_verifier
from vru_dev.testing import TestIssuer, running_app
from vru_shared.auth import TokenVerifier

OWN_ISSUER = "http://vru.test"
SERVICE_SECRETS = {
    "referrals": "test-referrals-client-secret",
    "funding": "test-funding-client-secret",
    "etp_inventory": "test-etp-client-secret",
}


@pytest.fixture
def settings(db_urls: dict[str, str]) -> IdentitySettings:
    return IdentitySettings(
        database_url=db_urls["identity"],
        token_issuer=OWN_ISSUER,
        peer_urls={"referrals": "http://referrals.test", "funding": "http://funding.test"},
        **FAST_HASHING,
    )


@pytest.fixture
def app(settings: IdentitySettings) -> FastAPI:
    return create_app(settings)


@pytest.fixture
async def client(app: FastAPI, issuer: TestIssuer, db_urls: dict[str, str]) -> AsyncIterator[httpx.AsyncClient]:
    async with running_app(app, issuer, db_urls["identity"]) as client:
        yield client


@pytest.fixture
def verifier(app: FastAPI, client: httpx.AsyncClient) -> TokenVerifier:
    return own_verifier(app)


@pytest.fixture
async def seeded(app: FastAPI, client: httpx.AsyncClient) -> list[DevCredential]:
    """The development seed, committed to the test's (rolled-back) transaction."""
    maker: async_sessionmaker[AsyncSession] = app.state.sessionmaker
    hasher: SecretHasher = app.state.hasher
    async with maker() as session:
        credentials = await seed_development(session, service_secrets=SERVICE_SECRETS, hasher=hasher)
        await session.commit()
    return credentials
