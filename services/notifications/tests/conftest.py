"""Fixtures for the notifications service's tests: the app on the real test database (each test in a rolled-back
transaction); the delivery and notice workers are left idle (the worker's own tests drive it)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from notifications.main import create_app
from notifications.settings import NotificationsSettings
from vru_dev.testing import TEST_ISSUER, TestIssuer, running_app


@pytest.fixture
def settings(db_urls: dict[str, str]) -> NotificationsSettings:
    return NotificationsSettings(
        database_url=db_urls["notifications"],
        token_issuer=TEST_ISSUER,
        delivery_poll_seconds=60,
        notice_poll_seconds=60,
        webhook_allowed_hosts=["127.0.0.1"],
    )


@pytest.fixture
def app(settings: NotificationsSettings) -> FastAPI:
    return create_app(settings)


@pytest.fixture
async def client(app: FastAPI, db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[httpx.AsyncClient]:
    async with running_app(app, issuer, db_urls["notifications"]) as client:
        yield client
