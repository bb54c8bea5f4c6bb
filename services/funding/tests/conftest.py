"""Fixtures for the funding service's tests: the app on the session's PostgreSQL (each test rolled back),
tokens for each audience, and an in-process fake of the referrals service at the httpx transport."""

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from funding.main import create_app
from funding.settings import FundingSettings
from vru_dev.testing import TEST_ISSUER, TestIssuer, running_app
from vru_shared.http_client import CircuitBreaker, RetryPolicy, ServiceClient


@pytest.fixture
def settings(db_urls: dict[str, str]) -> FundingSettings:
    return FundingSettings(
        database_url=db_urls["funding"], token_issuer=TEST_ISSUER, events_relay_interval_seconds=3600
    )


@pytest.fixture
def app(settings: FundingSettings) -> FastAPI:
    return create_app(settings)


@pytest.fixture
async def client(app: FastAPI, db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[httpx.AsyncClient]:
    async with running_app(app, issuer, db_urls["funding"]) as client:
        yield client


Headers = Callable[..., dict[str, str]]


@pytest.fixture
def officer(issuer: TestIssuer) -> dict[str, str]:
    """The programme officer."""
    return issuer.headers(roles=["programme_officer"], sub="officer-1", name="Programme officer (example.org)")


@pytest.fixture
def director(issuer: TestIssuer) -> dict[str, str]:
    return issuer.headers(roles=["director"], sub="director-1", name="Director (example.org)")


@pytest.fixture
def as_role(issuer: TestIssuer) -> Headers:
    def headers(*roles: str, **claims: Any) -> dict[str, str]:
        return issuer.headers(roles=list(roles), **claims)

    return headers


FakePeer = Callable[..., list[httpx.Request]]


@pytest.fixture
def fake_referrals(app: FastAPI) -> FakePeer:
    """``fake_referrals(handler)`` inside the ``client`` block: the app's referrals peer becomes ``handler``
    behind httpx's MockTransport; returns the list of requests it receives."""

    def install(
        handler: Callable[[httpx.Request], Any], *, timeout: float = 0.5, retries: int = 0
    ) -> list[httpx.Request]:
        return _fake_peer(app, handler, timeout=timeout, retries=retries)

    return install


def _fake_peer(
    app: FastAPI, handler: Callable[[httpx.Request], Any], *, timeout: float, retries: int
) -> list[httpx.Request]:
    """Replace the app's referrals peer with ``handler`` behind httpx's MockTransport; returns the requests seen."""
    seen: list[httpx.Request] = []

    async def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        result = handler(request)
        if hasattr(result, "__await__"):
            result = await result
        assert isinstance(result, httpx.Response)
        return result

    http = httpx.AsyncClient(transport=httpx.MockTransport(record))
    app.state.peers["referrals"] = ServiceClient(
        "referrals",
        "http://referrals.test",
        http,
        credentials=None,
        policy=RetryPolicy(timeout_seconds=timeout, retries=retries, backoff_max_seconds=0.05),
        breaker=CircuitBreaker("referrals", threshold=50, reset_seconds=30),
    )
    return seen


Statistics = Callable[[str, str, dict[str, int]], dict[str, Any]]


@pytest.fixture
def knife_statistics() -> Statistics:
    """``knife_statistics(from, to, counts)``: the referrals answer for knife incidents by district."""
    return _statistics


def _statistics(first: str, last: str, counts: dict[str, int]) -> dict[str, Any]:
    groups = [{"district": d, "month": None, "category": None, "count": n} for d, n in sorted(counts.items()) if n]
    return {
        "from": first,
        "to": last,
        "group_by": ["district"],
        "knife": True,
        "total": sum(counts.values()),
        "groups": groups,
    }
