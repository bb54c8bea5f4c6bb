"""Fixtures for the ETP inventory service's tests: the app on the real test database (each test in a
rolled-back transaction), with in-process fakes of the funding and referrals services at the httpx transport."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from etp_inventory.main import create_app
from etp_inventory.settings import EtpInventorySettings
from vru_dev.kits.etp_inventory import FakeFunding, FakeIdentity, FakeReferrals
from vru_dev.testing import TEST_ISSUER, TestIssuer, running_app


@pytest.fixture
def funding() -> FakeFunding:
    return FakeFunding()


@pytest.fixture
def referrals() -> FakeReferrals:
    return FakeReferrals()


@pytest.fixture
def identity() -> FakeIdentity:
    return FakeIdentity()


@pytest.fixture
def app(db_urls: dict[str, str]) -> FastAPI:
    settings = EtpInventorySettings(
        database_url=db_urls["etp_inventory"],
        token_issuer=TEST_ISSUER,
        crime_reference_recheck_seconds=3600,
        events_relay_interval_seconds=3600,
        alerts_announce_interval_seconds=3600,
        check_interval_days=30,
        csp_minimum_stock=5,
    )
    return create_app(settings)


@pytest.fixture
async def client(
    app: FastAPI,
    db_urls: dict[str, str],
    issuer: TestIssuer,
    funding: FakeFunding,
    referrals: FakeReferrals,
    identity: FakeIdentity,
) -> AsyncIterator[httpx.AsyncClient]:
    async with running_app(app, issuer, db_urls["etp_inventory"]) as client:
        app.state.peers = {"funding": funding.client(), "referrals": referrals.client(), "identity": identity.client()}
        yield client
