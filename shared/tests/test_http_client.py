"""The service-to-service client: retries, breaker, timeouts, shapes, propagation."""

import asyncio

import httpx
import pytest
from pydantic import BaseModel

from vru_shared.auth import Principal, PrincipalKind
from vru_shared.http_client import (
    BreakerState,
    CircuitBreaker,
    ClientCredentials,
    DownstreamError,
    DownstreamUnavailable,
    RetryPolicy,
    ServiceClient,
)
from vru_shared.logging import bind_request_id


class Count(BaseModel):
    district: str
    count: int


def make_client(handler: object, *, retries: int = 2, threshold: int = 3, timeout: float = 0.5) -> ServiceClient:
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))  # type: ignore[arg-type]
    creds = ClientCredentials(http, "http://identity/oauth/token", "svc", "secret")
    return ServiceClient(
        "referrals",
        "http://referrals",
        http,
        credentials=creds,
        policy=RetryPolicy(timeout_seconds=timeout, retries=retries, backoff_max_seconds=0.01),
        breaker=CircuitBreaker("referrals-test", threshold, reset_seconds=0.2),
    )


def token_or(response: httpx.Response):  # type: ignore[no-untyped-def]
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/token":
            return httpx.Response(200, json={"access_token": "svc-token", "expires_in": 900})
        return response

    return handler


async def test_get_retries_then_succeeds() -> None:
    answers = [httpx.Response(503), httpx.Response(502), httpx.Response(200, json={"district": "swale", "count": 4})]
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/token":
            return httpx.Response(200, json={"access_token": "svc-token", "expires_in": 900})
        seen.append(request)
        return answers.pop(0)

    bind_request_id("req-42")
    result: Count = await make_client(handler).call("GET", "/v1/statistics", Count)
    assert result == Count(district="swale", count=4)
    assert len(seen) == 3
    assert seen[-1].headers["x-request-id"] == "req-42"
    assert seen[-1].headers["authorization"] == "Bearer svc-token"


async def test_post_without_key_is_not_retried() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        if request.url.path == "/oauth/token":
            return httpx.Response(200, json={"access_token": "t", "expires_in": 900})
        calls += 1
        return httpx.Response(503)

    client = make_client(handler)
    with pytest.raises(DownstreamUnavailable) as raised:
        await client.request("POST", "/v1/spend", json={})
    assert calls == 1
    assert raised.value.status == 503
    assert "Retry-After" in raised.value.headers
    calls = 0
    with pytest.raises(DownstreamUnavailable):
        await client.request("POST", "/v1/spend", json={}, idempotency_key="k-1")
    assert calls == 3


async def test_acting_for_a_person_forwards_their_token() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"district": "medway", "count": 1})

    person = Principal("p", PrincipalKind.PERSON, "iss", None, frozenset(), frozenset(), frozenset(), token="their")
    await make_client(handler).call("GET", "/x", Count, principal=person)
    assert seen[0].headers["authorization"] == "Bearer their"


async def test_timeout_becomes_503_not_a_hang() -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/token":
            return httpx.Response(200, json={"access_token": "t", "expires_in": 900})
        await asyncio.sleep(5)
        return httpx.Response(200)

    loop = asyncio.get_running_loop()
    started = loop.time()
    with pytest.raises(DownstreamUnavailable):
        await make_client(handler, retries=1, timeout=0.1).request("GET", "/slow")
    assert loop.time() - started < 2


async def test_wrong_shape_is_a_failure() -> None:
    client = make_client(token_or(httpx.Response(200, json={"unexpected": True})))
    with pytest.raises(DownstreamUnavailable, match="unexpected body"):
        await client.call("GET", "/v1/statistics", Count)
    client = make_client(token_or(httpx.Response(200, content=b"<html>oops</html>")))
    with pytest.raises(DownstreamUnavailable):
        await client.call("GET", "/v1/statistics", Count)


async def test_4xx_is_returned_not_retried() -> None:
    client = make_client(token_or(httpx.Response(404, json={"status": 404})))
    response = await client.request("GET", "/v1/missing")
    assert response.status_code == 404
    with pytest.raises(DownstreamError):
        await client.call("GET", "/v1/missing", Count)
    assert client.breaker.state is BreakerState.CLOSED


async def test_breaker_opens_then_half_opens_and_closes() -> None:
    up = False

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/token":
            return httpx.Response(200, json={"access_token": "t", "expires_in": 900})
        if up:
            return httpx.Response(200, json={"district": "dover", "count": 2})
        raise httpx.ConnectError("refused")

    client = make_client(handler, retries=0, threshold=2)
    for _ in range(2):
        with pytest.raises(DownstreamUnavailable):
            await client.request("GET", "/x")
    assert client.breaker.state is BreakerState.OPEN
    with pytest.raises(DownstreamUnavailable, match="circuit open"):
        await client.request("GET", "/x")
    up = True
    await asyncio.sleep(0.25)
    recovered: Count = await client.call("GET", "/x", Count)
    assert recovered.count == 2
    state: BreakerState = client.breaker.state
    assert state is BreakerState.CLOSED


async def test_token_failure_is_503() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, json={"error": "invalid_client"})

    with pytest.raises(DownstreamUnavailable, match="access token"):
        await make_client(handler).request("GET", "/x")


async def test_a_refused_own_token_is_replaced_once() -> None:
    """An administrator changed this service's API client: its cached token is revoked (401 token-revoked). The
    call is sent again with a new token, instead of failing until the old one expires."""
    issued = iter(["old-token", "new-token"])
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/token":
            return httpx.Response(200, json={"access_token": next(issued), "expires_in": 900})
        seen.append(request.headers["authorization"])
        if request.headers["authorization"] == "Bearer old-token":
            return httpx.Response(401, json={"type": "https://vru.example.org/problems/token-revoked"})
        return httpx.Response(200, json={"district": "swale", "count": 1})

    client = make_client(handler)
    result: Count = await client.call("GET", "/v1/statistics", Count)
    assert result.count == 1
    assert seen == ["Bearer old-token", "Bearer new-token"]
    await client.call("GET", "/v1/statistics", Count)
    assert seen[-1] == "Bearer new-token"  # kept from then on


async def test_a_persons_refused_token_is_not_replaced() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("authorization", ""))
        return httpx.Response(401, json={})

    person = Principal("p", PrincipalKind.PERSON, "iss", None, frozenset(), frozenset(), frozenset(), token="theirs")
    response = await make_client(handler).request("GET", "/v1/statistics", principal=person)
    assert response.status_code == 401
    assert seen == ["Bearer theirs"]
