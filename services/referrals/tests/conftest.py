"""Fixtures for the casework tests (referrals, meetings, support plans, data protection): the app on the
session's PostgreSQL, each test in a rolled-back transaction, and the ``casework`` helper."""

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from referrals.main import create_app
from referrals.settings import ReferralsSettings
from vru_dev.kits.referrals import Casework
from vru_dev.testing import TEST_ISSUER, TestIssuer, running_app


@pytest.fixture
def app(db_urls: dict[str, str]) -> FastAPI:
    settings = ReferralsSettings(
        database_url=db_urls["referrals"],
        token_issuer=TEST_ISSUER,
        audit_seal_interval_seconds=3600,
        funding_count_interval_seconds=3600,  # tests run the outbox by hand
        events_relay_interval_seconds=3600,  # and the event relay
        overdue_announce_interval_seconds=3600,  # and the overdue announcer
    )
    return create_app(settings)


@pytest.fixture
async def client(app: FastAPI, db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[httpx.AsyncClient]:
    async with running_app(app, issuer, db_urls["referrals"]) as client:
        yield client


@pytest.fixture
def casework(client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI) -> Casework:
    return Casework(client, issuer, app)
