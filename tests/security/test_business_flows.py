"""Business-flow abuse (OWASP API6): drafting referrals and allocating packs have a per-client quota at the
gateway (``services/gateway/dynamic``: ``referral-quota``, ``allocation-quota``), on top of the general rate
limit — tested on the running platform with the shipped defaults (60 a minute, burst 20; 30 a minute, burst
10). Bodies here are empty, so nothing is created: the service answers 422 until the quota answers 429."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import auth, password_token
from tests.security.oas import PROBLEM_JSON

pytestmark = pytest.mark.e2e


def burst(gateway: httpx.Client, path: str, token: str, count: int) -> list[httpx.Response]:
    return [gateway.post(path, json={}, headers=auth(token)) for _ in range(count)]


@pytest.mark.parametrize(
    ("path", "login", "allowed_burst"),
    [
        ("/v1/referrals", "coordinator.medway-swale@example.org", 20),
        ("/v1/movements/allocations", "programme.officer@example.org", 10),
    ],
)
def test_a_client_over_its_quota_gets_429_with_retry_after(
    gateway: httpx.Client, path: str, login: str, allowed_burst: int
) -> None:
    token = password_token(gateway, login)
    responses = burst(gateway, path, token, allowed_burst + 5)
    statuses = [r.status_code for r in responses]
    assert statuses[: allowed_burst - 2] == [422] * (allowed_burst - 2), statuses
    refused = [r for r in responses if r.status_code == 429]
    assert len(refused) >= 4, statuses
    first = refused[0]
    assert first.headers["content-type"].startswith(PROBLEM_JSON)
    assert first.json()["status"] == 429
    assert int(first.headers["retry-after"]) >= 1
    # the quota is the client's: another client is unaffected, and so are the client's other calls
    other = password_token(gateway, login)
    assert gateway.post(path, json={}, headers=auth(other)).status_code == 422
    assert gateway.get(path.replace("/allocations", ""), headers=auth(token)).status_code == 200


def test_reads_and_other_writes_have_no_such_quota(gateway: httpx.Client) -> None:
    token = password_token(gateway, "coordinator.medway-swale@example.org")
    statuses = {gateway.get("/v1/referrals", headers=auth(token)).status_code for _ in range(40)}
    assert statuses == {200}
    moved = {
        gateway.post(
            "/v1/referrals/3f6c1c2e-0000-4000-8000-000000000000/transitions", json={}, headers=auth(token)
        ).status_code
        for _ in range(30)
    }
    assert 429 not in moved
