"""Token revocation in every service: a token issued before its subject's revocation is 401 ``token-revoked`` on
every route that takes a token (the Idempotency-Key path included); a later token of the same subject, and other
subjects' tokens, still work; the list is kept when the identity service cannot be reached. The whole flow with the
real identity service and the real services behind the gateway is in ``tests/test_revocation.py``."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from vru_dev.testing import TestIssuer, running_app
from vru_shared.revocation import Revocations, Snapshot, http_source

from .support import build_app

LIST_URL = "http://identity.test/v1/revocations"


@pytest.fixture
def app(db_urls: dict[str, str]) -> FastAPI:
    return build_app(db_urls["referrals"])


@pytest.fixture
async def client(app: FastAPI, db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[httpx.AsyncClient]:
    async with running_app(app, issuer, db_urls["referrals"]) as client:
        yield client


async def revoke(app: FastAPI, entries: dict[str, int]) -> None:
    async def source(etag: str | None) -> Snapshot:
        return Snapshot(entries)

    app.state.revocations = Revocations(source)
    await app.state.revocations.refresh()


def assert_revoked(response: httpx.Response) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"].endswith("/token-revoked")
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert 'error="invalid_token"' in response.headers["www-authenticate"]


async def test_a_token_issued_before_its_subjects_revocation_is_401_token_revoked(
    app: FastAPI, client: httpx.AsyncClient, issuer: TestIssuer
) -> None:
    now = int(time.time())
    before = issuer.headers(roles=["analyst"], sub="person-1", iat=now - 10)
    at = issuer.headers(roles=["analyst"], sub="person-1", iat=now)
    after = issuer.headers(roles=["analyst"], sub="person-1", iat=now + 1)
    someone_else = issuer.headers(roles=["analyst"], sub="person-2", iat=now - 10)
    assert (await client.get("/v1/whoami", headers=before)).status_code == 200

    await revoke(app, {"person-1": now})

    assert_revoked(await client.get("/v1/whoami", headers=before))
    assert_revoked(await client.get("/v1/whoami", headers=at))  # "at or before"
    assert (await client.get("/v1/whoami", headers=after)).status_code == 200
    assert (await client.get("/v1/whoami", headers=someone_else)).status_code == 200
    # Through the Idempotency-Key middleware (which verifies the token before the route) too: no effect, no replay.
    keyed = before | {"Idempotency-Key": "revoked-1"}
    assert_revoked(await client.post("/v1/notes", json={"text": "x", "count": 1}, headers=keyed))
    assert (await client.get("/v1/notes/count", headers=after)).json() == {"count": 0}


async def test_the_list_is_kept_while_identity_cannot_be_reached() -> None:
    """A failed fetch (connection refused, 5xx, garbage) keeps the last list in force; a 304 keeps it too."""
    answers: list[httpx.Response | Exception] = [
        httpx.Response(200, json={"revocations": [{"subject": "p-1", "not_before": 100}]}, headers={"ETag": '"a"'}),
        httpx.ConnectError("identity is down"),
        httpx.Response(503, json={}),
        httpx.Response(200, content=b"not json"),
        httpx.Response(304),
        httpx.Response(200, json={"revocations": []}, headers={"ETag": '"b"'}),
    ]
    seen: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("If-None-Match"))
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        revocations = Revocations(http_source(http, LIST_URL, None, timeout_seconds=1))
        await revocations.refresh()
        assert revocations.revoked("p-1", 100)
        for _ in range(3):
            with pytest.raises(Exception):  # noqa: B017, PT011 - whatever the failure, the poller logs it
                await revocations.refresh()
            assert revocations.revoked("p-1", 100)
        await revocations.refresh()  # 304
        assert revocations.revoked("p-1", 100)
        await revocations.refresh()
        assert not revocations.revoked("p-1", 100)
    assert seen == [None, '"a"', '"a"', '"a"', '"a"', '"a"']  # conditional requests with the list it holds


async def test_the_poller_outlives_failed_rounds() -> None:
    """Identity down at start-up and for a while: the poller keeps trying, and takes the list when it answers."""
    calls = {"n": 0}

    async def source(etag: str | None) -> Snapshot | None:
        calls["n"] += 1
        if calls["n"] <= 3:
            raise httpx.ConnectError("identity is down")
        return Snapshot({"p-1": 100}, '"a"')

    revocations = Revocations(source)
    task = asyncio.create_task(revocations.poll_forever(0.01))
    try:
        for _ in range(500):
            if revocations.revoked("p-1", 100):
                break
            await asyncio.sleep(0.01)
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    assert revocations.revoked("p-1", 100)
    assert calls["n"] >= 4
