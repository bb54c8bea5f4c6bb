"""The fault harness: a whole platform of one's own (embedded PostgreSQL, the four services, Traefik), started
exactly as ``vru up`` starts it but with short peer timeouts and a quick circuit breaker, and the levers to break
it — stop, pause (SIGSTOP), kill (SIGKILL) or impersonate a service, restart its database."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar

import httpx

from vru_dev.platform import Platform, PlatformConfig, Ports
from vru_dev.supervisor import Backoff

T = TypeVar("T")

#: Peer calls give up after 1 s per attempt with one retry; three failed calls open a breaker for 3 s.
TIMEOUT_SECONDS = 1.0
RETRIES = 1
BREAKER_THRESHOLD = 3
BREAKER_RESET_SECONDS = 3.0
#: The longest a caller may take to answer 503 for a peer that does not answer: every attempt's deadline
#: (1.5 × the timeout) plus the backoff between attempts, plus slack for a loaded machine.
GIVE_UP_SECONDS = (RETRIES + 1) * 1.5 * TIMEOUT_SECONDS + 1.0 + 2.0
SERVICES = ("identity", "referrals", "funding", "etp_inventory")
REVOCATION_POLL_SECONDS = 0.5

FAST_PEERS = {
    f"{service.upper()}_{name}": value
    for service in ("referrals", "funding", "etp_inventory")
    for name, value in (
        ("HTTP_TIMEOUT_SECONDS", str(TIMEOUT_SECONDS)),
        ("HTTP_RETRIES", str(RETRIES)),
        ("BREAKER_FAILURE_THRESHOLD", str(BREAKER_THRESHOLD)),
        ("BREAKER_RESET_SECONDS", str(BREAKER_RESET_SECONDS)),
    )
} | {
    # The token revocation list: every service fetches it from identity (identity reads its table) this often.
    **{f"{service.upper()}_REVOCATION_POLL_SECONDS": str(REVOCATION_POLL_SECONDS) for service in SERVICES},
    "REFERRALS_FUNDING_COUNT_INTERVAL_SECONDS": "0.5",
    "REFERRALS_FUNDING_COUNT_MAX_BACKOFF_SECONDS": "1",
    "ETP_INVENTORY_CRIME_REFERENCE_RECHECK_SECONDS": "1",
    # Traefik takes a restarted service back into its pool at the next health check.
    "VRU_HEALTHCHECK_INTERVAL": "1s",
}

PROBLEM = "application/problem+json"
DEV_PASSWORD = "vru-dev-password"
POLICE_FEED = ("police-crime-feed", "dev-only-police-feed-secret")
KNIFE_LINE_2020 = "8cc3a269-e9dd-5f2f-86e5-a4d11f13974d"  # seeded: £150,000.00, nothing spent
BOX_IT_OUT = "30ef20cc-301d-578e-b731-92f71ec7cd3a"  # seeded: Medway, an active grant
BOX_IT_OUT_GRANT = "366617f3-b790-5e55-ab7f-f8e89c49d99d"  # its 2026/27 grant: the one an acceptance today counts into


def wait_for(probe: Callable[[], T], done: Callable[[T], bool], *, timeout: float, what: str, every: float = 0.2) -> T:
    """Call ``probe`` until ``done`` says its result is what we wait for; returns that result."""
    deadline = time.monotonic() + timeout
    while True:
        result = probe()
        if done(result):
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout:.0f}s: {what} (last: {result!r})")
        time.sleep(every)


@dataclass
class Faults:
    platform: Platform
    gateway: httpx.Client
    paused: set[str] = field(default_factory=set)

    # --- levers ---------------------------------------------------------------------------------------
    def url(self, service: str) -> str:
        return self.platform.config.service_url(service)

    def port(self, service: str) -> int:
        return self.platform.config.ports.services[service]

    def stop(self, service: str) -> None:
        self.platform.stop_process(service)

    def start(self, service: str) -> None:
        """Start the service again on its port, as ``vru up`` does, and wait until it is ready."""
        self.platform.start_service(service)
        self.wait_ready(service)

    def pause(self, service: str) -> None:
        """SIGSTOP: the port still accepts connections (the kernel's backlog) but nothing answers."""
        os.killpg(self.platform.processes[service].pid, signal.SIGSTOP)
        self.paused.add(service)

    def resume(self, service: str) -> None:
        os.killpg(self.platform.processes[service].pid, signal.SIGCONT)
        self.paused.discard(service)

    def kill(self, service: str) -> None:
        """SIGKILL: no shutdown, no rollback by the process itself (PostgreSQL rolls back its transactions)."""
        process = self.platform.processes[service]
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)
        self.platform.stop_process(service)  # forget it, close its log

    def ready(self, service: str) -> int:
        try:
            return httpx.get(self.url(service) + "/readyz", timeout=5).status_code
        except httpx.HTTPError:
            return 0

    def wait_ready(self, service: str, timeout: float = 30) -> None:
        """Ready itself, and routed to again by the gateway (which health-checks it every second)."""
        wait_for(lambda: self.ready(service), lambda status: status == 200, timeout=timeout, what=f"{service} ready")
        self.wait_routed(service, timeout)

    def wait_routed(self, service: str, timeout: float = 30) -> None:
        """Traefik leaves a backend out of its pool from a failed health check until the next good one."""
        wait_for(
            lambda: self.gateway.get(f"/openapi/{service}.json").status_code,
            lambda status: status == 200,
            timeout=timeout,
            what=f"the gateway routes to {service} again",
        )

    def breaker(self, service: str, peer: str) -> float:
        """``vru_circuit_breaker_state{peer=…}`` in the service's ``/metrics``: 0 closed, 1 half-open, 2 open."""
        text = httpx.get(self.url(service) + "/metrics", timeout=5).text
        match = re.search(rf'^vru_circuit_breaker_state\{{peer="{peer}"\}} (\S+)$', text, re.MULTILINE)
        assert match is not None, f"{service} exports no breaker for {peer}"
        return float(match.group(1))

    def log(self, service: str) -> str:
        path = self.platform.config.data_dir / "logs" / f"{service}.log"
        return path.read_text(errors="replace")

    # --- people -----------------------------------------------------------------------------------------
    def person(self, email: str) -> dict[str, str]:
        """A development person's bearer header (identity's password grant, through the gateway)."""
        data = {"grant_type": "password", "username": email, "password": DEV_PASSWORD}
        return self._token(self.gateway.post("/oauth/token", data=data))

    def feed(self) -> dict[str, str]:
        """The police crime feed's bearer header (client credentials)."""
        return self._token(
            self.gateway.post("/oauth/token", data={"grant_type": "client_credentials"}, auth=POLICE_FEED)
        )

    @staticmethod
    def _token(response: httpx.Response) -> dict[str, str]:
        assert response.status_code == 200, response.text
        return {"Authorization": f"Bearer {response.json()['access_token']}"}


@contextlib.contextmanager
def own_platform(*, supervise: bool = False, **extra_env: str) -> Iterator[Faults]:
    """A platform of one's own on embedded PostgreSQL in a fresh folder, stopped and removed afterwards; with
    ``supervise`` its processes are restarted when they exit, as under ``vru up`` (quickly: from 0.2 s, at most 5 s
    apart)."""
    data_dir = Path(tempfile.mkdtemp(prefix="vru-faults-"))
    config = PlatformConfig(
        data_dir=data_dir,
        ports=Ports.free(),
        rate_average=1000,
        rate_burst=1000,
        source_rate_average=1000,
        source_rate_burst=1000,
        token_rate_per_minute=60_000,
        token_rate_burst=1000,
        extra_env={**FAST_PEERS, **extra_env},
        supervise=supervise,
        backoff=Backoff(first=0.2, cap=5.0),
    )
    platform = Platform(config)
    faults: Faults | None = None
    try:
        platform.start()
        with httpx.Client(base_url=config.gateway_url, timeout=30) as gateway:
            faults = Faults(platform, gateway)
            # ``Platform.wait_ready`` waits for the gateway to route to identity only; a service still starting
            # when Traefik first health-checked it is out of the pool until the next check.
            for service in ("referrals", "funding", "etp_inventory"):
                faults.wait_routed(service)
            yield faults
    finally:
        if faults is not None:
            for service in list(faults.paused):
                with contextlib.suppress(ProcessLookupError, KeyError):
                    faults.resume(service)
        platform.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


# --- a provider that answers garbage ---------------------------------------------------------------------


class Impostor:
    """A tiny HTTP server on a service's port, answering every request with ``answer`` (status, content type,
    body); it records what it was asked."""

    def __init__(self, port: int, answer: tuple[int, str, bytes]) -> None:
        self.answer = answer
        self.requests: list[tuple[str, str]] = []
        impostor = self

        class Handler(BaseHTTPRequestHandler):
            def _reply(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                if length:
                    self.rfile.read(length)
                impostor.requests.append((self.command, self.path))
                status, content_type, body = impostor.answer
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _reply  # noqa: N815 - http.server's names

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Impostor:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


def json_garbage(body: object, status: int = 200) -> tuple[int, str, bytes]:
    return status, "application/json", json.dumps(body).encode()


# --- domain steps through the gateway ----------------------------------------------------------------------


def purchase_body(run: str, quantity: int = 5) -> dict[str, Any]:
    far = (date.today() + timedelta(days=3 * 365)).isoformat()
    return {
        "supplier": "Example Medical Supplies Ltd",
        "lot_number": f"FAULT-{run}",
        "kit_type": "standard-etp",
        "quantity": quantity,
        "unit_cost_pence": 1,
        "currency": "GBP",
        "budget_line_id": KNIFE_LINE_2020,
        "received_on": date.today().isoformat(),
        "component_expiries": [
            {"component": c, "expires_on": far}
            for c in ("tourniquet", "haemostatic-dressing", "trauma-bandage", "nitrile-gloves")
        ],
    }


def store_on_hand(f: Faults, officer: dict[str, str]) -> int:
    response = f.gateway.get("/v1/locations", params={"kind": "central_store"}, headers=officer)
    assert response.status_code == 200, response.text
    (store,) = response.json()["items"]
    return int(store["on_hand"])


def spend_with_reference(f: Faults, officer: dict[str, str], source_reference: str) -> list[dict[str, Any]]:
    """Funding's spend records against the line for one purchase."""
    response = f.gateway.get(f"/v1/budget-lines/{KNIFE_LINE_2020}/spend", params={"limit": 200}, headers=officer)
    assert response.status_code == 200, response.text
    return [s for s in response.json()["items"] if s["source_reference"] == source_reference]


def young_person(f: Faults, district: str = "medway", reference: str | None = None) -> dict[str, str]:
    """A knife incident with a 16-year-old from the police feed; its crime reference, review and subject ids."""
    unique = uuid.uuid4().hex[:10]
    reference = reference or f"46/F-{unique}/26"
    report = {
        "crime_reference": reference,
        "occurred_at": f"{date.today() - timedelta(days=1)}T21:00:00Z",
        "district": district,
        "category": "knife-sharp-instrument",
        "weapon_knife": True,
        "people": [
            {
                "role": "victim",
                "given_name": "Sam",
                "family_name": f"Example{unique}",
                "date_of_birth": f"{date.today().year - 16}-02-01",
            }
        ],
    }
    imported = f.gateway.post("/v1/imports/incidents", json={"reports": [report]}, headers=f.feed())
    assert imported.status_code == 200, imported.text
    analyst = f.person("analyst@example.org")
    (incident,) = f.gateway.get("/v1/incidents", params={"crime_reference": reference}, headers=analyst).json()["items"]
    detail = f.gateway.get(f"/v1/incidents/{incident['id']}", headers=analyst).json()
    return {"reference": reference, "review": incident["review_id"], "subject": detail["people"][0]["subject_id"]}


def sent_project_referral(f: Faults, coordinator: dict[str, str]) -> str:
    """A referral of a Medway young person to Box It Out, sent (funding must be up to check the project)."""
    ids = young_person(f)
    body = {
        "subject_id": ids["subject"],
        "review_id": ids["review"],
        "project": BOX_IT_OUT,
        "reason": "Wants to train; boxing and mentoring twice a week.",
        "lawful_basis": "public_task",
        "consent": "given",
    }
    created = f.gateway.post("/v1/referrals", json=body, headers=coordinator)
    assert created.status_code == 201, created.text
    referral_id = str(created.json()["id"])
    sent = f.gateway.post(f"/v1/referrals/{referral_id}/transitions", json={"to": "sent"}, headers=coordinator)
    assert sent.status_code == 200, sent.text
    return referral_id


def funding_count(f: Faults, coordinator: dict[str, str], referral_id: str) -> dict[str, Any]:
    response = f.gateway.get(f"/v1/referrals/{referral_id}", headers=coordinator)
    assert response.status_code == 200, response.text
    count: dict[str, Any] = response.json()["funding_count"]
    return count


def counted_by_funding(f: Faults, officer: dict[str, str], referral_id: str) -> int:
    """How many times funding counted the referral for Box It Out (0 or 1)."""
    response = f.gateway.get(f"/v1/projects/{BOX_IT_OUT}/referrals", params={"limit": 200}, headers=officer)
    assert response.status_code == 200, response.text
    return [r["referral_id"] for r in response.json()["items"]].count(referral_id)


def people_referred(f: Faults, officer: dict[str, str]) -> int:
    response = f.gateway.get(f"/v1/grants/{BOX_IT_OUT_GRANT}", headers=officer)
    assert response.status_code == 200, response.text
    return int(response.json()["people_referred"])


def assert_unavailable(response: httpx.Response, elapsed: float, peer: str) -> None:
    """503 problem+json with Retry-After, naming the peer, within the caller's give-up time (not a hang)."""
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == PROBLEM
    assert int(response.headers["retry-after"]) >= 1
    assert response.json().get("peer") == peer, response.text
    assert elapsed < GIVE_UP_SECONDS, f"took {elapsed:.1f}s"


def timed(call: Callable[[], httpx.Response]) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


def allocation_preview(day: str) -> dict[str, Any]:
    return {
        "title": "Knife Awareness Campaign (fault test)",
        "budget_line_id": KNIFE_LINE_2020,
        "pot_pence": 1_000_000,
        "currency": "GBP",
        "basis": "knife_incidents",
        "period_from": day,
        "period_to": day,
    }


def pack_at_site(f: Faults, officer: dict[str, str], csp: dict[str, str]) -> tuple[str, str]:
    """A pack deployed at a new public site in Medway: (site id, pack id)."""
    run = uuid.uuid4().hex[:8]
    received = f.gateway.post(
        "/v1/purchases", json=purchase_body(run, 1), headers={**officer, "Idempotency-Key": f"site-{run}"}
    )
    assert received.status_code == 201, received.text
    allocated = f.gateway.post("/v1/movements/allocations", json={"csp": "medway", "quantity": 1}, headers=officer)
    assert allocated.status_code == 201, allocated.text
    site = {
        "district": "medway",
        "name": f"Fault test site {run}",
        "address": "High Street, Chatham",
        "postcode": "ME4 4AA",
        "latitude": 51.38,
        "longitude": 0.52,
        "cabinet_type": "locked_cabinet",
        "lock_code": "0000",
        "is_public": True,
    }
    created = f.gateway.post("/v1/sites", json=site, headers=csp)
    assert created.status_code == 201, created.text
    deployed = f.gateway.post(
        "/v1/movements/deployments", json={"site_id": created.json()["id"], "quantity": 1}, headers=csp
    )
    assert deployed.status_code == 201, deployed.text
    return str(created.json()["id"]), str(deployed.json()["packs"][0]["id"])


# --- the database ------------------------------------------------------------------------------------------


def stop_database(f: Faults) -> None:
    """Stop the platform's embedded PostgreSQL (``pg_ctl stop -m fast``: sessions are cut, nothing is lost)."""
    from pgserver._commands import pg_ctl

    pg = f.platform.pg
    assert pg is not None, "the fault tests need the embedded PostgreSQL"
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pg.pgdata, user=pg.system_user, timeout=30)


def start_database(f: Faults) -> None:
    """Start it again the way pgserver first did (same data, same socket), and let pgserver track the new
    postmaster so the platform's ``stop`` still stops it."""
    pg = f.platform.pg
    with pg._lock:
        pg.ensure_postgres_running()
