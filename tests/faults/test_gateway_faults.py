"""What a client gets from the gateway (Traefik, services/gateway) while a service is down or the gateway itself
restarts (issue 16 item 4): every answer the gateway makes is an RFC 9457 problem with an honest status, made in
the gateway whatever service is down — 503 ``service-unavailable`` with ``Retry-After`` for a service that is not
running, never Traefik's text/plain ``no available server`` or ``404 page not found``."""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections import Counter
from functools import partial

import asyncpg
import httpx
import pytest

from .harness import PROBLEM, Faults, wait_for

pytestmark = pytest.mark.e2e

SERVICE_UNAVAILABLE = "https://vru.example.org/problems/service-unavailable"


def _kind(response: httpx.Response) -> str:
    """ "503 problem", "201 application/json", "404 text/plain", …"""
    media = response.headers.get("content-type", "").split(";")[0]
    return f"{response.status_code} {'problem' if media == PROBLEM else media or 'no content type'}"


def _until_unavailable(client: httpx.Client, method: str, path: str, headers: dict[str, str]) -> httpx.Response:
    """Until Traefik's health check has taken the stopped service out (1 s here) a request finds its port closed: a
    502 problem. Then 503. Every answer on the way is a problem."""
    seen: list[str] = []

    def probe() -> httpx.Response:
        response = client.request(method, path, headers=headers, json={} if method == "POST" else None)
        seen.append(_kind(response))
        return response

    response = wait_for(probe, lambda r: r.status_code == 503, timeout=15, what=f"{method} {path} 503", every=0.1)
    assert set(seen) <= {"502 problem", "503 problem"}, seen
    return response


def _assert_service_unavailable(response: httpx.Response, path: str) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert body["type"] == SERVICE_UNAVAILABLE
    assert body["status"] == 503
    assert body["instance"] == path
    assert body["request_id"] == response.headers["x-request-id"]
    assert int(response.headers["retry-after"]) >= 1


def test_a_stopped_service_is_a_503_problem_on_its_routes(faults: Faults) -> None:
    f = faults
    officer = f.person("programme.officer@example.org")
    f.stop("funding")
    try:
        for method, path in (("GET", "/v1/funds"), ("POST", "/v1/grants"), ("GET", "/openapi/funding.json")):
            response = _until_unavailable(f.gateway, method, path, officer)
            _assert_service_unavailable(response, path)
        # the other services are served meanwhile
        assert f.gateway.get("/v1/sites", params={"limit": 1}, headers=officer).status_code == 200
    finally:
        f.start("funding")
    assert f.gateway.get("/v1/funds", headers=officer).status_code == 200


def test_identity_down_the_token_endpoint_is_a_503_problem(faults: Faults) -> None:
    """Identity stopped: what a client gets on the token endpoint is the gateway's 503 problem, and on a rate-limited
    route over its quota the gateway's 429 problem (the error bodies used to be fetched from identity: a 429 came
    with the body "Bad Gateway"); unknown paths still get the 404 problem."""
    f = faults
    coordinator = f.person("coordinator.medway-swale@example.org")  # before identity stops: tokens stay valid
    f.stop("identity")
    try:
        # POST /v1/referrals has its own quota per token (20 at once, then 60 a minute): an empty draft is referrals'
        # own answer (a 422, or its 503 while it cannot check the token with identity) until the quota is spent,
        # then the gateway's 429.
        drafts = [f.gateway.post("/v1/referrals", json={}, headers=coordinator) for _ in range(25)]
        kinds = [_kind(r) for r in drafts]
        assert set(kinds) <= {"422 problem", "503 problem", "429 problem"}, kinds
        limited = [r for r in drafts if r.status_code == 429]
        assert limited, [r.status_code for r in drafts]
        body = limited[0].json()
        assert body["type"] == "https://vru.example.org/problems/too-many-requests"
        assert body["title"] == "Too Many Requests"
        assert body["instance"] == "/v1/referrals"
        assert "Bad Gateway" not in limited[0].text
        assert int(limited[0].headers["retry-after"]) >= 1

        form = {"grant_type": "password", "username": "admin@example.org", "password": "vru-dev-password"}
        seen: list[str] = []

        def token() -> httpx.Response:
            response = f.gateway.post("/oauth/token", data=form)
            seen.append(_kind(response))
            return response

        response = wait_for(token, lambda r: r.status_code == 503, timeout=15, what="token endpoint 503", every=0.1)
        assert set(seen) <= {"502 problem", "503 problem"}, seen
        _assert_service_unavailable(response, "/oauth/token")
        unknown = f.gateway.get("/v1/no-such-thing")
        assert unknown.status_code == 404
        assert unknown.headers["content-type"] == PROBLEM
        assert unknown.json()["type"] == "https://vru.example.org/problems/not-found"
        assert unknown.json()["instance"] == "/v1/no-such-thing"
    finally:
        f.start("identity")


class KeyedWriters:
    """Threads creating sites through the gateway, each with its own Idempotency-Key, sent again on a 502/503/504,
    a 409 with Retry-After or a connection error until answered 201 — and counting every answer by kind."""

    def __init__(self, gateway_url: str, headers: dict[str, str], run: str, writers: int = 3) -> None:
        self.gateway_url = gateway_url
        self.headers = headers
        self.run = run
        self.answers: Counter[str] = Counter()
        self.acknowledged: dict[str, str] = {}
        self.unfinished: list[str] = []
        self.unexpected: list[str] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self._write, args=(n,), daemon=True) for n in range(writers)]

    def __enter__(self) -> KeyedWriters:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join(120)

    @property
    def count(self) -> int:
        with self.lock:
            return len(self.acknowledged)

    def _write(self, writer: int) -> None:
        with httpx.Client(base_url=self.gateway_url, timeout=30) as client:
            n = 0
            while not self.stopping.is_set():
                n += 1
                self._create(client, f"gw-{self.run}-{writer}-{n}")
                time.sleep(0.02)

    def _create(self, client: httpx.Client, name: str) -> None:
        body = {
            "district": "medway",
            "name": name,
            "address": "Railway Street, Chatham",
            "postcode": "ME4 4RR",
            "latitude": 51.38,
            "longitude": 0.52,
            "cabinet_type": "indoors",
            "is_public": False,
        }
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                response = client.post("/v1/sites", json=body, headers={**self.headers, "Idempotency-Key": name})
            except httpx.TransportError as exc:  # the gateway's port closed or a connection cut: send it again
                self._count(type(exc).__name__)
                time.sleep(0.05)
                continue
            kind = _kind(response)
            self._count(kind)
            if response.status_code == 201:
                with self.lock:
                    self.acknowledged[name] = str(response.json()["id"])
                return
            if kind in ("502 problem", "503 problem", "504 problem") or (
                response.status_code == 409 and "retry-after" in response.headers
            ):
                time.sleep(0.05)
                continue
            with self.lock:
                self.unexpected.append(f"{name}: {kind} {response.text[:300]}")
            return
        with self.lock:
            self.unfinished.append(name)

    def _count(self, answer: str) -> None:
        with self.lock:
            self.answers[answer] += 1


def _stored_sites(admin_url: str, run: str) -> dict[str, list[str]]:
    async def read() -> dict[str, list[str]]:
        connection = await asyncpg.connect(admin_url.replace("postgresql+asyncpg://", "postgresql://", 1))
        try:
            rows = await connection.fetch(
                "SELECT name, id::text AS id FROM etp_inventory.locations WHERE name LIKE $1", f"gw-{run}-%"
            )
        finally:
            await connection.close()
        found: dict[str, list[str]] = {}
        for row in rows:
            found.setdefault(row["name"], []).append(row["id"])
        return found

    return asyncio.run(read())


def test_a_gateway_restart_under_keyed_writes_answers_only_problems_or_successes(faults: Faults) -> None:
    """Issue 16: while Traefik started, before its routes loaded, it answered every path with Go's text/plain
    ``404 page not found`` — final for a correct client, so writes were abandoned. Now the platform's front door holds
    the public port until Traefik's routes are in (vru_dev.frontdoor): every answer is a success or a problem."""
    f = faults
    platform = f.platform
    run = uuid.uuid4().hex[:8]
    with KeyedWriters(platform.config.gateway_url, f.person("csp.medway@example.org"), run) as writers:
        wait_for(lambda: writers.count, lambda n: n >= 3, timeout=30, what="writes acknowledged")
        for _ in range(2):
            before = writers.count
            platform.stop_process("gateway")
            time.sleep(0.5)  # the port is the front door's alone
            platform.start_gateway()
            wait_for(
                lambda: writers.count,
                partial(int.__le__, before + 3),
                timeout=60,
                what=f"writes acknowledged after the restart ({dict(writers.answers)})",
            )
    answers = dict(writers.answers)
    print(f"\n{len(writers.acknowledged)} writes acknowledged; answers: {answers}")
    assert not writers.unexpected, (writers.unexpected, answers)
    assert answers.get("503 problem", 0) > 0, answers  # the restarts were seen…
    # A connection the stopping gateway closed (an httpx error's name: no status, no body) is retried with the same
    # key, as a client does; only answers with a status can be plain text.
    answered = {kind: n for kind, n in answers.items() if not kind.endswith("Error")}
    plain = {kind: n for kind, n in answered.items() if kind.split(" ", 1)[1] not in ("problem", "application/json")}
    assert plain == {}, answers  # …and answered with problems only, never text
    assert not any(kind.startswith("500") for kind in answers), answers
    assert set(answers) <= {"201 application/json", "502 problem", "503 problem", "504 problem", "409 problem"} | {
        kind for kind in answers if kind.endswith("Error")
    }, answers
    stored = _stored_sites(platform.admin_url, run)
    lost = {name for name in writers.acknowledged if name not in stored}
    assert not lost, f"acknowledged writes missing: {sorted(lost)}"
    assert all(stored[name] == [id_] for name, id_ in writers.acknowledged.items()), stored
    assert set(stored) <= set(writers.acknowledged) | set(writers.unfinished)
