"""The Traefik gateway (services/gateway) in front of stub upstreams: routing, middlewares, observability.

Starts real Traefik processes through ``vru_dev.gateway.traefik_command``; the upstreams are tiny
``http.server`` stubs that echo what they received.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import httpx
import pytest
import yaml
from web.pages.api_docs import DOCS_CONTENT_SECURITY_POLICY

from vru_dev import frontdoor
from vru_dev.gateway import GATEWAY_DIR, GatewayConfig, render_static_config, tracing_config, traefik_command
from vru_shared.problems import problem_type

PROBLEM_JSON = "application/problem+json"
UUID4_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
SECRET_TOKEN = "Bearer s3cr3t-token-never-logged"
#: Error lines Traefik logs for a request the tests provoke on purpose (the 2 MB body).
EXPECTED_REQUEST_ERRORS = ("request body over limit",)

ROUTES: dict[str, tuple[str, ...]] = {
    "identity": (
        "/oauth/",
        "/.well-known/",
        "/v1/agencies",
        "/v1/people",
        "/v1/guardians",
        "/v1/contacts",
        "/v1/clients",
        "/v1/signing-keys",
        "/v1/revocations",
        "/openapi.json",
        "/problems/",
        "/openapi/identity.json",
    ),
    "referrals": (
        "/v1/districts",
        "/v1/coordinator-areas",
        "/v1/offence-categories",
        "/v1/forums",
        "/v1/partner-agencies",
        "/v1/incidents",
        "/v1/imports",
        "/v1/screening",
        "/v1/reviews",
        "/v1/subjects",
        "/v1/referrals",
        "/v1/meetings",
        "/v1/actions",
        "/v1/support-plans",
        "/v1/interventions",
        "/v1/statistics",
        "/v1/audit-log",
        "/v1/subject-access",
        "/v1/retention",
        "/openapi/referrals.json",
    ),
    "funding": (
        "/v1/financial-years",
        "/v1/funds",
        "/v1/budget-lines",
        "/v1/funding-streams",
        "/v1/organisations",
        "/v1/projects",
        "/v1/grants",
        "/v1/disbursements",
        "/v1/spend",
        "/v1/monitoring-returns",
        "/v1/evaluations",
        "/v1/allocations",
        "/v1/reports",
        "/v1/exports",
        "/openapi/funding.json",
    ),
    "etp_inventory": (
        "/v1/kit-types",
        "/v1/component-types",
        "/v1/packs",
        "/v1/purchases",
        "/v1/locations",
        "/v1/csps",
        "/v1/sites",
        "/v1/movements",
        "/v1/checks",
        "/v1/use-reports",
        "/v1/resupply-tasks",
        "/v1/alerts",
        "/v1/public/",
        "/openapi/etp_inventory.json",
    ),
    "notifications": (
        "/v1/webhook-subscriptions",
        "/v1/notification-preferences",
        "/openapi/notifications.json",
    ),
}


def _matches(path: str, prefix: str) -> bool:
    if prefix.endswith("/"):
        return path.startswith(prefix)
    return path == prefix or path.startswith(prefix + "/")


# --------------------------------------------------------------------------------------------------
# Stub upstreams

#: Paths each stub received, by service (the gateway's health checks included).
SEEN: dict[str, list[str]] = {name: [] for name in (*ROUTES, "web")}
#: (path, the gateway's TCP port) of each request a stub received: which connection carried it.
CONNECTIONS: list[tuple[str, int]] = []


class _StubHandler(BaseHTTPRequestHandler):
    service: ClassVar[str] = "stub"
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: avoid 40 ms delayed-ACK stalls

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return

    def _send(
        self,
        status: int,
        body: dict[str, Any],
        content_type: str = "application/json",
        extra_headers: dict[str, str] | None = None,
    ) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in (extra_headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Powered-By", "stub")
        request_id = self.headers.get("X-Request-ID")
        if request_id:  # like the real services: echo the request id
            self.send_header("X-Request-ID", request_id)
        self.end_headers()
        self.wfile.write(data)

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        path = self.path.split("?", 1)[0]
        SEEN[self.service].append(path)
        CONNECTIONS.append((path, int(self.client_address[1])))
        if path == "/healthz":
            self._send(200, {"status": "ok"})
            return
        if path.endswith("/__drop"):  # no response at all: Traefik answers 502
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if self.service == "identity":
            problem = re.fullmatch(r"/problems/(\d{3})", path)
            if problem:
                status = int(problem.group(1))
                self._send(
                    status,
                    # like identity's /problems/{status}: the platform's problem type for the status
                    {"type": problem_type(status), "title": f"status {status}", "status": status, "stub": True},
                    PROBLEM_JSON,
                    # identity sends a generic Retry-After; the gateway must put the rate limiter's own
                    # value in its place (3600 makes a leak visible)
                    {"Retry-After": "3600"} if status == 429 else {},
                )
                return
            if not any(_matches(path, prefix) for prefix in ROUTES["identity"]):
                self._send(404, {"type": "about:blank", "title": "Not Found", "status": 404}, PROBLEM_JSON)
                return
        if self.service == "web" and path not in ("/", "/sign-in", "/docs"):  # like the front end: a page
            data = b"<!DOCTYPE html><title>Page not found</title>"
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        self._send(
            200,
            {
                "service": self.service,
                "method": self.command,
                "path": self.path,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "body_bytes": length,
            },
        )

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = _handle  # noqa: N815


@dataclass
class Stub:
    service: str
    server: ThreadingHTTPServer
    thread: threading.Thread = field(repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"


def _start_stub(service: str) -> Stub:
    handler = type(f"{service}Handler", (_StubHandler,), {"service": service})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name=f"stub-{service}", daemon=True
    )
    thread.start()
    return Stub(service, server, thread)


@pytest.fixture(scope="module")
def stubs() -> Iterator[dict[str, Stub]]:
    started = {name: _start_stub(name) for name in (*ROUTES, "web")}
    try:
        yield started
    finally:
        for stub in started.values():
            stub.server.shutdown()
            stub.server.server_close()


# --------------------------------------------------------------------------------------------------
# Traefik


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Gateway:
    cfg: GatewayConfig
    proc: subprocess.Popen[bytes]
    log_path: Path
    config_file: Path  # the generated static configuration

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.cfg.port}"

    @property
    def internal_url(self) -> str:
        return f"http://127.0.0.1:{self.cfg.internal_port}"

    def log_lines(self) -> list[str]:
        return self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()

    def log_records(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.log_lines() if line.strip()]

    def config_errors(self) -> list[str]:
        """Traefik's own error lines (bad YAML, unknown field, plugin load failure, ...).

        Errors logged for single requests the tests provoke on purpose are not configuration errors.
        """
        bad = []
        for line in self.log_lines():
            try:
                record = json.loads(line)
            except ValueError:
                bad.append(line)  # every line should be JSON
                continue
            if record.get("level") not in ("error", "fatal", "panic"):
                continue
            if any(expected in record.get("message", "") for expected in EXPECTED_REQUEST_ERRORS):
                continue
            bad.append(line)
        return bad


def _start_gateway(cfg: GatewayConfig, log_path: Path) -> Gateway:
    argv, env, cwd = traefik_command(cfg)
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            argv,
            # A short health-check interval so the first check happens while the tests run.
            env={**os.environ, **env, "VRU_HEALTHCHECK_INTERVAL": "1s"},
            cwd=cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    return Gateway(cfg, proc, log_path, Path(argv[1].removeprefix("--configFile=")))


def _wait_ready(gateway: Gateway, timeout: float = 15.0, path: str = "/v1/alerts") -> None:
    """/ping on the internal entry point, then the file provider's routes (they load just after)."""
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=1.0) as client:
        while True:
            if gateway.proc.poll() is not None:
                pytest.fail(f"traefik exited {gateway.proc.returncode}:\n" + "\n".join(gateway.log_lines()))
            try:
                ping = client.get(f"{gateway.internal_url}/ping")
                routed = client.get(f"{gateway.url}{path}")
                if ping.status_code == 200 and routed.status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("traefik did not become ready:\n" + "\n".join(gateway.log_lines()))
            time.sleep(0.05)


def _stop(gateway: Gateway) -> None:
    if gateway.proc.poll() is None:
        gateway.proc.terminate()
        try:
            gateway.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            gateway.proc.kill()
            gateway.proc.wait(timeout=5)
    gateway.config_file.unlink(missing_ok=True)


def _config(stubs: dict[str, Stub], **overrides: Any) -> GatewayConfig:
    urls = {
        "identity_url": stubs["identity"].url,
        "referrals_url": stubs["referrals"].url,
        "funding_url": stubs["funding"].url,
        "etp_inventory_url": stubs["etp_inventory"].url,
        "notifications_url": stubs["notifications"].url,
        "web_url": stubs["web"].url,
    }
    return GatewayConfig(port=_free_port(), internal_port=_free_port(), **{**urls, **overrides})


#: The strict gateway's limits: per client 1/s burst 2, per source 1/s burst 8, POST /oauth/token per source
#: 1 a minute burst 3.
STRICT_SOURCE_BURST = 8
STRICT_TOKEN_BURST = 3
#: The gateway behind a proxy: per source (the last X-Forwarded-For entry) 1/s burst 3.
PROXIED_SOURCE_BURST = 3


@pytest.fixture(scope="module")
def gateways(stubs: dict[str, Stub], tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Gateway, ...]]:
    """Three gateways started side by side: the default one, one with a tiny per-client rate limit, and a strict
    one with tiny per-client, per-source and token-endpoint limits (its tests send from their own loopback
    addresses)."""
    logs = tmp_path_factory.mktemp("gateway")
    started: list[Gateway] = []
    try:
        started.append(_start_gateway(_config(stubs), logs / "traefik.log"))
        started.append(_start_gateway(_config(stubs, rate_average=1, rate_burst=2), logs / "limited.log"))
        strict = _config(
            stubs,
            rate_average=1,
            rate_burst=2,
            source_rate_average=1,
            source_rate_burst=STRICT_SOURCE_BURST,
            token_rate_per_minute=1,
            token_rate_burst=STRICT_TOKEN_BURST,
        )
        started.append(_start_gateway(strict, logs / "strict.log"))
        # Behind one proxy (127.0.0.1, in forwardedHeaders.trustedIPs) that appends the client's address.
        behind_proxy = _config(stubs, source_rate_average=1, source_rate_burst=PROXIED_SOURCE_BURST, source_ip_depth=1)
        started.append(_start_gateway(behind_proxy, logs / "behind-proxy.log"))
        # identity and etp_inventory down (nothing listens on their port), tiny per-client limits.
        dead = f"http://127.0.0.1:{_free_port()}"
        down = _config(stubs, identity_url=dead, etp_inventory_url=dead, rate_average=1, rate_burst=2)
        started.append(_start_gateway(down, logs / "down.log"))
        for gateway in started[:-1]:
            _wait_ready(gateway)
        _wait_ready(started[-1], path="/v1/grants")
        yield tuple(started)
    finally:
        for gateway in started:
            _stop(gateway)


@pytest.fixture(scope="module")
def gateway(gateways: tuple[Gateway, ...]) -> Gateway:
    return gateways[0]


@pytest.fixture(scope="module")
def limited(gateways: tuple[Gateway, ...]) -> Gateway:
    return gateways[1]


@pytest.fixture(scope="module")
def strict(gateways: tuple[Gateway, ...]) -> Gateway:
    return gateways[2]


@pytest.fixture(scope="module")
def behind_proxy(gateways: tuple[Gateway, ...]) -> Gateway:
    return gateways[3]


@pytest.fixture(scope="module")
def services_down(gateways: tuple[Gateway, ...]) -> Gateway:
    """identity and etp_inventory are not running (nothing listens on their ports)."""
    return gateways[4]


def _from_source(gateway: Gateway, address: str) -> httpx.Client:
    """A client whose requests come from another loopback address (all of 127.0.0.0/8 is loopback on Linux), so
    the gateway sees another source. Only loopback addresses are ever used."""
    assert ipaddress.ip_address(address).is_loopback, address
    return httpx.Client(
        base_url=gateway.url, timeout=5.0, transport=httpx.HTTPTransport(local_address=address, retries=0)
    )


def _assert_too_many_requests(response: httpx.Response) -> None:
    """A gateway-made 429: the platform's problem (slug too-many-requests), its headers, a Retry-After."""
    assert response.status_code == 429, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert response.json()["type"] == problem_type(429)
    assert response.json()["type"].endswith("/too-many-requests")
    assert int(response.headers["retry-after"]) >= 0
    assert response.headers["x-content-type-options"] == "nosniff"
    assert UUID4_RE.match(response.headers["x-request-id"])


@pytest.fixture
def client(gateway: Gateway) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=gateway.url, timeout=5.0) as c:
        yield c


# --------------------------------------------------------------------------------------------------
# Tests


def test_configuration_loads_without_errors(gateways: tuple[Gateway, ...]) -> None:
    for gateway in gateways:
        assert gateway.config_errors() == []
        messages = [r.get("message", "") for r in gateway.log_records()]
        assert "Plugins loaded." in messages


@pytest.mark.parametrize("service", sorted(ROUTES))
def test_prefixes_route_to_their_service_with_path_unchanged(client: httpx.Client, service: str) -> None:
    for prefix in ROUTES[service]:
        paths = [prefix + "x/y"] if prefix.endswith("/") else [prefix, prefix + "/123/sub?q=1"]
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, (path, response.text)
            body = response.json()
            assert body["service"] == service, path
            assert body["path"] == path


def test_backends_are_health_checked_on_healthz(gateway: Gateway) -> None:
    deadline = time.monotonic() + 5
    while not all("/healthz" in SEEN[service] for service in ROUTES) and time.monotonic() < deadline:
        time.sleep(0.05)
    for service in ROUTES:
        assert "/healthz" in SEEN[service], service


def test_prefix_match_is_segment_bounded(client: httpx.Client) -> None:
    response = client.get("/v1/grantsX")
    assert response.status_code == 404  # the catch-all's problem, not funding
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert response.json()["status"] == 404
    assert client.get("/v1/grants-archive").status_code == 404


def test_unknown_api_route_is_problem_404(client: httpx.Client) -> None:
    for path in ("/v1/unknown-thing", "/v2/grants", "/metrics"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith(PROBLEM_JSON), path
        assert response.headers["x-request-id"]


def test_an_unknown_path_is_the_gateways_own_404_problem(client: httpx.Client, services_down: Gateway) -> None:
    """Issue 16: a path no service owns (and the services' own /metrics, /readyz, /healthz) was sent to identity for
    its 404 problem, so with identity down the answer was Traefik's text 503. The gateway now answers it itself."""
    received = _requests_seen()
    for path in ("/v1/unknown-thing", "/v2/grants", "/v1/grantsX", "/metrics", "/readyz", "/healthz"):
        response = client.get(path)
        _assert_gateway_problem(response, 404)
        assert response.json()["type"].endswith("/not-found")
        assert response.json()["instance"] == path
    assert _requests_seen() == received  # no service was asked
    with httpx.Client(base_url=services_down.url, timeout=5.0) as down:
        for path in ("/v1/unknown-thing", "/healthz"):
            response = down.get(path)
            _assert_gateway_problem(response, 404)
            assert response.json()["instance"] == path


def test_every_other_path_is_the_front_ends(client: httpx.Client) -> None:
    """Pages are the front end's (services/web), with its own CSP and referrer policy; the API keeps its own."""
    for path in ("/", "/sign-in"):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code, response.text[:200])
        assert response.json()["service"] == "web", path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert response.headers["referrer-policy"] == "same-origin"
        assert response.headers["x-request-id"]
    for path in ("/nope", "/ping", "/dashboard/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith("text/html"), path
    api = client.get("/v1/grants")
    assert api.headers["content-security-policy"].startswith("default-src 'none'; frame-ancestors 'none'")


def test_request_id_generated_when_missing(client: httpx.Client) -> None:
    response = client.get("/v1/grants")
    request_id = response.headers["x-request-id"]
    assert UUID4_RE.match(request_id), request_id
    assert uuid.UUID(request_id).version == 4
    assert response.json()["headers"]["x-request-id"] == request_id


def test_the_request_id_is_the_gateways_and_the_clients_travels_apart(client: httpx.Client) -> None:
    """What the services log and audit as the request id is the gateway's, never one a client chose (it could
    name another request's id); the client's own id reaches the service as X-Client-Request-ID."""
    for given in ("abc-123.DEF_456", "x" * 128, str(uuid.uuid4())):
        response = client.get("/v1/referrals", headers={"X-Request-ID": given})
        request_id = response.headers["x-request-id"]
        assert UUID4_RE.match(request_id), (given, request_id)
        assert request_id != given
        assert response.json()["headers"]["x-request-id"] == request_id  # exactly one value travels on
        assert response.json()["headers"]["x-client-request-id"] == given


def test_a_garbage_client_request_id_is_dropped(client: httpx.Client) -> None:
    for garbage in ("has space", "semi;colon", "x" * 129, "é-unicode", "<script>"):
        response = client.get("/v1/packs", headers=[(b"X-Request-ID", garbage.encode())])
        request_id = response.headers["x-request-id"]
        assert UUID4_RE.match(request_id), (garbage, request_id)
        assert response.json()["headers"]["x-request-id"] == request_id
        assert "x-client-request-id" not in response.json()["headers"]


def test_a_client_cannot_set_the_client_request_id_itself(client: httpx.Client) -> None:
    response = client.get("/v1/packs", headers={"X-Client-Request-ID": "forged-1"})
    assert "x-client-request-id" not in response.json()["headers"]
    response = client.get("/v1/packs", headers={"X-Client-Request-ID": "forged-1", "X-Request-ID": "mine-2"})
    assert response.json()["headers"]["x-client-request-id"] == "mine-2"


def test_the_gateway_keeps_its_connections_to_a_service_alive(gateway: Gateway) -> None:
    """16 clients at once, 10 requests each: the gateway carries them over about 16 kept-alive connections to the
    service, not a new TCP connection per request (Go's default keeps 2 idle connections per host, which made
    the gateway open a connection for most requests under load: issue 17, the gateway's overhead)."""
    path = f"/v1/funds/keep-alive-{uuid.uuid4().hex[:8]}"
    concurrency, rounds = 16, 10
    barrier = threading.Barrier(concurrency)
    failures: list[int] = []

    def one_client() -> None:
        with httpx.Client(base_url=gateway.url, timeout=10) as client:
            for _ in range(rounds):
                barrier.wait(timeout=10)  # all 16 in flight together, then all idle together
                response = client.get(path)
                if response.status_code != 200:
                    failures.append(response.status_code)

    threads = [threading.Thread(target=one_client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not failures
    ports = {port for seen, port in list(CONNECTIONS) if seen == path}
    assert sum(seen == path for seen, _ in list(CONNECTIONS)) == concurrency * rounds
    assert len(ports) <= 2 * concurrency, f"{len(ports)} connections for {concurrency * rounds} requests"


def test_request_ids_are_distinct(client: httpx.Client) -> None:
    ids = {client.get("/v1/agencies").headers["x-request-id"] for _ in range(5)}
    assert len(ids) == 5


def test_body_over_limit_is_413_problem(client: httpx.Client) -> None:
    response = client.post("/v1/grants", content=b"x" * (2 * 1024 * 1024), headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert response.json()["status"] == 413
    assert UUID4_RE.match(response.headers["x-request-id"])
    # issue 14: the instance was identity's "/problems/413"; it is the request's path
    _assert_gateway_problem(response, 413)
    assert response.json()["type"].endswith("/payload-too-large")
    assert response.json()["instance"] == "/v1/grants"


def test_body_under_limit_passes(client: httpx.Client) -> None:
    response = client.post("/v1/grants", content=b"x" * 100_000)
    assert response.status_code == 200
    assert response.json()["body_bytes"] == 100_000


def test_bulk_imports_take_larger_bodies(client: httpx.Client) -> None:
    """A day's crime reports as CSV is several MB: /v1/imports/ has its own, larger limit."""
    response = client.post(
        "/v1/imports/incidents.csv", content=b"x" * (3 * 1024 * 1024), headers={"Content-Type": "text/csv"}
    )
    assert response.status_code == 200
    assert response.json()["service"] == "referrals"
    assert response.json()["body_bytes"] == 3 * 1024 * 1024
    too_big = client.post(
        "/v1/imports/incidents.csv", content=b"x" * (33 * 1024 * 1024), headers={"Content-Type": "text/csv"}
    )
    assert too_big.status_code == 413


def test_bad_gateway_is_502_problem(client: httpx.Client) -> None:
    response = client.get("/v1/grants/__drop")
    assert response.status_code == 502
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert response.json()["status"] == 502
    # made by the gateway itself (issue 16), not fetched from identity: the path, a Retry-After, the honest detail
    _assert_gateway_problem(response, 502)
    assert response.json()["type"].endswith("/bad-gateway")
    assert response.json()["instance"] == "/v1/grants/__drop"
    assert "may or may not have taken effect" in response.json()["detail"]
    assert int(response.headers["retry-after"]) >= 1


def _wait_for_status(client: httpx.Client, path: str, status: int, method: str = "GET") -> httpx.Response:
    """Traefik answers 502 (connection refused) until its health check has found a backend down, then 503."""
    deadline = time.monotonic() + 10
    while True:
        response = client.request(method, path)
        assert response.headers["content-type"].startswith(PROBLEM_JSON), (path, response.status_code, response.text)
        if response.status_code == status or time.monotonic() > deadline:
            return response
        assert response.status_code in (502, 503), (path, response.status_code, response.text)
        time.sleep(0.1)


def test_a_service_that_is_down_is_a_503_problem(services_down: Gateway) -> None:
    """Issue 16: with no healthy server Traefik answered 503 "no available server" as text/plain. It is the
    platform's 503 problem, with Retry-After, made by the gateway (identity, which served the error bodies, is
    down too)."""
    with httpx.Client(base_url=services_down.url, timeout=5.0) as c:
        for path in ("/v1/alerts", "/v1/agencies/abc", "/oauth/token"):
            response = _wait_for_status(c, path, 503, "POST" if path == "/oauth/token" else "GET")
            _assert_gateway_problem(response, 503)
            body = response.json()
            assert body["type"].endswith("/service-unavailable")
            assert body["title"] == "Service Unavailable"
            assert body["instance"] == path
            assert "did not reach it" in body["detail"]
            assert int(response.headers["retry-after"]) >= 1
        assert c.get("/v1/grants").status_code == 200  # the others are served


def test_identity_down_a_rate_limited_answer_is_still_a_429_problem(services_down: Gateway) -> None:
    """Issue 16: the 429 body was fetched from identity, so with identity down a client got status 429 with the
    body "Bad Gateway". The rate limiter's 429 is now the gateway's own problem, with the limiter's Retry-After."""
    with httpx.Client(base_url=services_down.url, timeout=5.0) as c:
        responses = [c.get("/v1/funds", headers={"Authorization": "Bearer busy"}) for _ in range(6)]
    limited = [r for r in responses if r.status_code == 429]
    assert limited, [r.status_code for r in responses]
    _assert_too_many_requests(limited[0])
    body = limited[0].json()
    assert body["title"] == "Too Many Requests"
    assert body["instance"] == "/v1/funds"
    assert body["request_id"] == limited[0].headers["x-request-id"]
    assert "Bad Gateway" not in limited[0].text
    assert "x-retry-in" not in limited[0].headers


def _assert_gateway_problem(response: httpx.Response, status: int) -> None:
    """An answer the gateway makes itself: the platform's problem for the status, with every security header."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    body = response.json()
    assert body["type"] == problem_type(status)
    assert body["status"] == status
    assert body["request_id"] == response.headers["x-request-id"]
    assert UUID4_RE.match(response.headers["x-request-id"])
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["strict-transport-security"].startswith("max-age=31536000")
    assert "default-src 'none'" in response.headers["content-security-policy"]


def _requests_seen() -> dict[str, int]:
    """How many requests each stub has received, the gateway's health checks left out."""
    return {service: sum(path != "/healthz" for path in paths) for service, paths in SEEN.items()}


#: One path per router (identity, docs, token, referrals, imports, quotas, funding, etp_inventory, not-published,
#: the fallback), each with one of the encoded characters the gateway refuses.
ENCODED_PATHS = (
    ("GET", "/v1/people/a%2Fb"),
    ("GET", "/docs/%2f"),
    ("POST", "/oauth/token%00"),
    ("GET", "/v1/referrals/a%5Cb"),
    ("POST", "/v1/imports/incidents%3B.csv"),
    ("POST", "/v1/referrals/%2E%2E%2Fx"),
    ("GET", "/v1/grants/%25"),
    ("POST", "/v1/movements/allocations%3F"),
    ("GET", "/v1/sites/a%23b"),
    ("GET", "/metrics%2F"),
    ("GET", "/elsewhere/%5c"),
)


@pytest.mark.parametrize(("method", "path"), ENCODED_PATHS)
def test_an_encoded_character_the_gateway_refuses_is_a_400_problem(
    client: httpx.Client, method: str, path: str
) -> None:
    """Issue 13: Traefik refused these paths at the entry point, before any middleware: a bare 400 without
    security headers or problem body. The check now runs inside the middleware chain."""
    received = _requests_seen()
    response = client.request(method, path, content=b"{}" if method == "POST" else None)
    assert response.request.url.raw_path.decode() == path  # sent as written
    _assert_gateway_problem(response, 400)
    assert "encoded" in response.json()["detail"]
    assert _requests_seen() == received  # no service saw it


def test_encoded_characters_a_path_may_carry_still_pass(client: httpx.Client) -> None:
    response = client.get("/v1/people/J%C3%BCrgen%20O%27Neil")
    assert response.status_code == 200
    assert response.json()["service"] == "identity"


def test_request_headers_over_the_limit_are_a_431_problem(client: httpx.Client) -> None:
    """Issue 13: Go's HTTP server answered headers over Traefik's maxHeaderBytes with a bare text 431. The
    gateway's own, lower limit (VRU_MAX_HEADER_BYTES, 32 KiB) answers with the problem and the headers; only
    beyond Traefik's 64 KiB does Go's bare 431 remain (services/gateway/README.md, Known limits)."""
    received = _requests_seen()
    response = client.get("/v1/grants", headers={"X-Padding": "x" * 40_000})
    _assert_gateway_problem(response, 431)
    assert _requests_seen() == received
    assert client.get("/v1/grants", headers={"X-Padding": "x" * 20_000}).status_code == 200


def test_headers_over_traefiks_own_limit_still_get_gos_bare_431(gateway: Gateway) -> None:
    """The known limit (services/gateway/README.md): above the entry point's maxHeaderBytes (64 KiB) Go's HTTP
    server answers before Traefik sees the request, with a fixed text 431 that no configuration can change. If
    this starts failing, Traefik has gained a hook: route the answer through the chain and update the README."""
    with socket.create_connection(("127.0.0.1", gateway.cfg.port), timeout=5) as sock:
        sock.sendall(b"GET /v1/grants HTTP/1.1\r\nHost: x\r\nX-Padding: " + b"x" * 70_000 + b"\r\n\r\n")
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head = answer.split(b"\r\n\r\n", 1)[0].decode().lower()
    assert head.startswith("http/1.1 431")
    assert "content-type: text/plain" in head
    assert "x-content-type-options" not in head


def test_security_headers(client: httpx.Client) -> None:
    response = client.get("/v1/agencies")
    headers = response.headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["strict-transport-security"].startswith("max-age=31536000")
    assert "default-src 'none'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "server" not in headers
    assert "x-powered-by" not in headers


def test_the_docs_page_is_the_front_ends_with_no_other_origin(client: httpx.Client) -> None:
    """/docs is Swagger UI from the front end's own copy (issue 15: the page was blank on a network without the
    CDN); its CSP names no other origin."""
    response = client.get("/docs")
    assert response.json()["service"] == "web"
    csp = response.headers["content-security-policy"]
    assert csp == DOCS_CONTENT_SECURITY_POLICY
    assert "http" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    # the API keeps the strict policy
    assert client.get("/openapi.json").headers["content-security-policy"].startswith("default-src 'none'; frame")


def test_cors_preflight_allowed_origin(client: httpx.Client) -> None:
    response = client.options(
        "/v1/grants",
        headers={
            "Origin": "http://localhost:5173",
            "Access-Control-Request-Method": "PATCH",
            "Access-Control-Request-Headers": "Authorization, If-Match, Idempotency-Key",
        },
    )
    assert response.status_code in (200, 204)
    assert response.headers["access-control-allow-origin"] == "http://localhost:5173"
    methods = {m.strip() for m in response.headers["access-control-allow-methods"].split(",")}
    assert {"GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS"} <= methods
    allowed = {h.strip().lower() for h in response.headers["access-control-allow-headers"].split(",")}
    assert {"authorization", "content-type", "idempotency-key", "if-match", "x-request-id"} <= allowed


def test_cors_simple_request_exposes_headers(client: httpx.Client) -> None:
    response = client.get("/v1/grants", headers={"Origin": "http://localhost:5173"})
    assert response.headers["access-control-allow-origin"] == "http://localhost:5173"
    exposed = {h.strip().lower() for h in response.headers["access-control-expose-headers"].split(",")}
    assert {"etag", "link", "location", "x-request-id", "retry-after"} <= exposed


def test_cors_other_origin_is_not_allowed(client: httpx.Client) -> None:
    preflight = client.options(
        "/v1/grants",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "DELETE"},
    )
    assert "access-control-allow-origin" not in preflight.headers
    simple = client.get("/v1/grants", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in simple.headers


def test_rate_limit_per_authorization_is_429_problem(limited: Gateway) -> None:
    with httpx.Client(base_url=limited.url, timeout=5.0) as c:
        first = {"Authorization": "Bearer client-one"}
        statuses = [c.get("/v1/funds", headers=first) for _ in range(6)]
        limited_responses = [r for r in statuses if r.status_code == 429]
        assert limited_responses, [r.status_code for r in statuses]
        response = limited_responses[0]
        assert response.headers["content-type"].startswith(PROBLEM_JSON)
        assert response.json()["status"] == 429
        _assert_gateway_problem(response, 429)
        assert response.json()["instance"] == "/v1/funds"  # issue 14: was "/problems/429"
        # the rate limiter's Retry-After survives the errors middleware, replacing identity's generic one
        assert response.headers.get_list("retry-after") == [response.headers["retry-after"]]
        assert 0 <= int(response.headers["retry-after"]) <= 2
        assert UUID4_RE.match(response.headers["x-request-id"])
        # another client (another Authorization value) has its own bucket
        assert c.get("/v1/funds", headers={"Authorization": "Bearer client-two"}).status_code == 200


def test_rotating_the_authorization_value_does_not_escape_the_source_limit(strict: Gateway) -> None:
    """Issue 13: the limit was keyed on the Authorization value alone, so a new value on every request (guessing
    tokens or secrets) was never limited. Every source now has its own limit over all its requests."""
    with _from_source(strict, "127.0.0.2") as guesser:
        responses = [
            guesser.get("/v1/funds", headers={"Authorization": f"Bearer guess-{i}"})
            for i in range(STRICT_SOURCE_BURST + 4)
        ]
    statuses = [r.status_code for r in responses]
    assert statuses[:STRICT_SOURCE_BURST] == [200] * STRICT_SOURCE_BURST, statuses
    refused = [r for r in responses if r.status_code == 429]
    assert refused, statuses
    _assert_too_many_requests(refused[0])
    # the limit is the source's: another source, and a known client from it, are served
    with _from_source(strict, "127.0.0.3") as other:
        assert other.get("/v1/funds", headers={"Authorization": "Bearer guess-0"}).status_code == 200


def test_an_anonymous_flood_does_not_refuse_another_sources_login(strict: Gateway) -> None:
    """Issue 13: requests without Authorization shared one bucket per router, so one source's flood made
    everybody's login (POST /oauth/token, anonymous) a 429. Anonymous requests are now limited per source."""
    form = {"grant_type": "password", "username": "someone@example.org", "password": "not-the-password"}
    with _from_source(strict, "127.0.0.4") as flood:
        flooded = [flood.post("/oauth/token", data=form) for _ in range(8)]
        flooded += [flood.get("/v1/public/packs.geojson") for _ in range(8)]
    assert any(r.status_code == 429 for r in flooded[:8]), [r.status_code for r in flooded]
    assert any(r.status_code == 429 for r in flooded[8:]), [r.status_code for r in flooded]
    _assert_too_many_requests(next(r for r in flooded if r.status_code == 429))
    with _from_source(strict, "127.0.0.5") as other:
        login = other.post("/oauth/token", data=form)
        assert login.status_code == 200, login.text
        assert login.json()["service"] == "identity"
        assert other.get("/v1/public/packs.geojson").status_code == 200


def test_the_token_endpoint_has_its_own_limit_per_source(strict: Gateway) -> None:
    """Issue 13: POST /oauth/token (passwords, client secrets) is limited per source, whatever the Authorization
    value (client_secret_basic) or the form says, more strictly than the rest of the API."""
    with _from_source(strict, "127.0.0.6") as guesser:
        guesses = [
            guesser.post("/oauth/token", data={"grant_type": "client_credentials"}, auth=("partner", f"guess-{i}"))
            for i in range(STRICT_TOKEN_BURST + 2)
        ]
        statuses = [r.status_code for r in guesses]
        assert statuses == [200] * STRICT_TOKEN_BURST + [429, 429], statuses
        _assert_too_many_requests(guesses[-1])
        assert int(guesses[-1].headers["retry-after"]) > 2  # a token a minute: wait for it, not a second
        # the rest of the API is not held to the login limit
        assert guesser.get("/v1/agencies", headers={"Authorization": "Bearer t-1"}).status_code == 200
    with _from_source(strict, "127.0.0.7") as other:
        login = other.post("/oauth/token", data={"grant_type": "client_credentials"}, auth=("partner", "right"))
        assert login.status_code == 200


def test_the_rate_limit_key_is_the_gateways_own(strict: Gateway) -> None:
    """A client cannot choose its bucket by sending the gateway's key header, and the header never reaches a
    service."""
    with _from_source(strict, "127.0.0.8") as c:
        responses = [c.get("/v1/grants", headers={"X-Vru-Rate-Key": f"token:{i}"}) for i in range(6)]
    assert any(r.status_code == 429 for r in responses), [r.status_code for r in responses]
    assert "x-vru-rate-key" not in responses[0].json()["headers"]


def test_behind_a_proxy_the_source_is_the_forwarded_address(behind_proxy: Gateway) -> None:
    """VRU_SOURCE_IP_DEPTH=1: the source is the address the trusted proxy appended to X-Forwarded-For; an untrusted
    peer's X-Forwarded-For is dropped by Traefik, so a client cannot pick a new source per request."""

    def burst(client: httpx.Client, forwarded_for: str | None = None, n: int = PROXIED_SOURCE_BURST + 3) -> list[int]:
        return [
            client.get(
                "/v1/grants",
                headers={
                    "Authorization": f"Bearer t-{i}",
                    **({"X-Forwarded-For": forwarded_for} if forwarded_for else {}),
                },
            ).status_code
            for i in range(n)
        ]

    with _from_source(behind_proxy, "127.0.0.1") as proxy:
        statuses = burst(proxy, "127.0.0.21")
        assert statuses[:PROXIED_SOURCE_BURST] == [200] * PROXIED_SOURCE_BURST, statuses
        assert 429 in statuses, statuses
        assert burst(proxy, "127.0.0.22", 1) == [200]  # another client behind the same proxy
    with _from_source(behind_proxy, "127.0.0.9") as untrusted:
        forged = [burst(untrusted, f"127.0.0.{30 + i}", 1)[0] for i in range(PROXIED_SOURCE_BURST + 3)]
        assert 429 in forged, forged


def test_default_rate_limit_is_not_hit_by_normal_use(client: httpx.Client) -> None:
    headers = {"Authorization": "Bearer busy-client"}
    assert all(client.get("/v1/sites", headers=headers).status_code == 200 for _ in range(30))


def test_metrics_and_ping_on_internal_entrypoint(gateway: Gateway, client: httpx.Client) -> None:
    client.get("/v1/grants")
    with httpx.Client(base_url=gateway.internal_url, timeout=5.0) as internal:
        assert internal.get("/ping").text == "OK"
        metrics = internal.get("/metrics")
        assert metrics.status_code == 200
        assert metrics.headers["content-type"].startswith("text/plain")
        assert "traefik_entrypoint_requests_total" in metrics.text
        assert 'entrypoint="web"' in metrics.text
        assert internal.get("/dashboard/").status_code == 404
        assert internal.get("/api/rawdata").status_code == 404


def test_access_log_is_json_without_tokens(gateway: Gateway, client: httpx.Client) -> None:
    marker = f"access-log-{uuid.uuid4()}"
    response = client.get(
        f"/v1/people/{marker}", headers={"Authorization": SECRET_TOKEN, "Cookie": "session=cookie-secret"}
    )
    assert response.status_code == 200
    request_id = response.headers["x-request-id"]
    token = SECRET_TOKEN.split()[1]
    deadline = time.monotonic() + 5
    while True:
        records = gateway.log_records()  # raises if a line is not JSON
        entries = [r for r in records if marker in str(r.get("RequestPath", ""))]
        if entries or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert len(entries) == 1
    entry = entries[0]
    assert entry["DownstreamStatus"] == 200
    assert entry["request_X-Request-Id"] == request_id
    assert "request_Authorization" not in entry
    assert "request_Cookie" not in entry
    text = gateway.log_path.read_text(encoding="utf-8")
    assert token not in text
    assert "cookie-secret" not in text


def test_gateway_dir_and_command(gateway: Gateway) -> None:
    argv, env, cwd = traefik_command(gateway.cfg)
    assert cwd == GATEWAY_DIR
    assert (cwd / "plugins-local" / "src").is_dir()
    assert Path(argv[0]).name.startswith("traefik")
    assert env["VRU_IDENTITY_URL"] == gateway.cfg.identity_url
    assert env["VRU_CORS_ORIGINS"] == "http://localhost:5173"
    assert argv[1] == f"--configFile={gateway.config_file}"
    text = gateway.config_file.read_text(encoding="utf-8")
    assert f'"127.0.0.1:{gateway.cfg.port}"' in text
    assert f'"127.0.0.1:{gateway.cfg.internal_port}"' in text


def test_config_validation() -> None:
    base: dict[str, Any] = {
        "port": 8000,
        "internal_port": 8082,
        "identity_url": "http://127.0.0.1:8101",
        "referrals_url": "http://127.0.0.1:8102",
        "funding_url": "http://127.0.0.1:8103",
        "etp_inventory_url": "http://127.0.0.1:8104",
    }
    GatewayConfig(**base)
    with pytest.raises(ValueError, match="port"):
        GatewayConfig(**{**base, "internal_port": 8000})
    with pytest.raises(ValueError, match="identity_url"):
        GatewayConfig(**{**base, "identity_url": "127.0.0.1:8101"})
    with pytest.raises(ValueError, match="CORS"):
        GatewayConfig(**base, cors_origins=("http://a.example,http://b.example",))
    with pytest.raises(ValueError, match="rate_average"):
        GatewayConfig(**base, rate_average=0)
    with pytest.raises(ValueError, match="token_rate_per_minute"):
        GatewayConfig(**base, token_rate_per_minute=0)
    with pytest.raises(ValueError, match="source_ip_depth"):
        GatewayConfig(**base, source_ip_depth=-1)
    with pytest.raises(ValueError, match="otlp_endpoint"):
        GatewayConfig(**base, otlp_endpoint="collector:4318")


def test_the_static_config_traces_only_when_given_an_endpoint() -> None:
    """Tracing is off by default (traefik.yml has no tracing section); with an OTLP endpoint the generated copy
    exports Traefik's spans to its /v1/traces (docs/operations.md, "Tracing")."""
    base: dict[str, Any] = {
        "port": 8000,
        "internal_port": 8082,
        "identity_url": "http://127.0.0.1:8101",
        "referrals_url": "http://127.0.0.1:8102",
        "funding_url": "http://127.0.0.1:8103",
        "etp_inventory_url": "http://127.0.0.1:8104",
    }
    assert "tracing" not in yaml.safe_load((GATEWAY_DIR / "traefik.yml").read_text())
    assert "tracing" not in yaml.safe_load(render_static_config(GatewayConfig(**base)))
    traced = yaml.safe_load(render_static_config(GatewayConfig(**base, otlp_endpoint="http://127.0.0.1:4318/")))
    assert traced["tracing"] == tracing_config("http://127.0.0.1:4318/v1/traces")
    assert traced["tracing"]["otlp"] == {"http": {"endpoint": "http://127.0.0.1:4318/v1/traces"}}
    assert traced["tracing"]["capturedRequestHeaders"] == ["X-Request-ID"]
    # Traefik's own /ping and /metrics make no spans.
    assert traced["entryPoints"]["internal"]["observability"]["tracing"] is False


def test_no_errors_logged_after_traffic(gateways: tuple[Gateway, ...]) -> None:
    for gateway in gateways:
        assert gateway.config_errors() == []


def test_the_front_door_holds_the_port_until_traefik_has_its_routes(
    stubs: dict[str, Stub], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Issue 16: Traefik listens before its routes are loaded and meanwhile answers every path with Go's text
    ``404 page not found``. The platform's front door (vru_dev.frontdoor) holds the port: a 503 problem until
    Traefik's /ready answers, Traefik's answers after, the front door's again once Traefik is gone."""
    if not frontdoor.supported():
        pytest.skip("the front door needs Linux (SO_REUSEPORT, SO_ATTACH_REUSEPORT_CBPF)")
    cfg = _config(stubs, reuse_port=True)
    door = frontdoor.FrontDoor(cfg.host, cfg.port)
    gateway = None
    try:
        url = f"http://127.0.0.1:{cfg.port}"
        held = httpx.post(url + "/v1/grants?x=1", content=b"{}", timeout=5)
        assert held.status_code == 503
        assert held.headers["content-type"] == PROBLEM_JSON
        assert held.json()["type"] == problem_type(503)
        assert held.json()["instance"] == "/v1/grants"
        assert held.json()["request_id"] == held.headers["x-request-id"]
        assert held.headers["retry-after"] == "1"
        gateway = _start_gateway(cfg, tmp_path_factory.mktemp("front-door") / "traefik.log")
        deadline = time.monotonic() + 15
        while True:  # Traefik is up (/ping), yet the port is still the front door's until /ready
            try:
                if httpx.get(gateway.internal_url + "/ready", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, gateway.log_lines()
            assert httpx.get(url + "/v1/grants", timeout=5).status_code == 503
            time.sleep(0.02)
        assert httpx.get(url + "/v1/grants", timeout=5).status_code == 503  # not released yet
        door.release()
        routed = httpx.get(url + "/v1/grants", timeout=5)
        assert routed.status_code == 200
        assert routed.json()["service"] == "funding"
        _stop(gateway)
        gone = httpx.get(url + "/v1/grants", timeout=5)
        assert gone.status_code == 503
        assert gone.headers["content-type"] == PROBLEM_JSON
    finally:
        if gateway is not None:
            _stop(gateway)
        door.close()


def test_the_platforms_start_up_check_asks_each_service_through_its_own_routes() -> None:
    """``vru up`` waits until the gateway routes to every service with a path of that service's (its 401), not
    its OpenAPI document, which a service keeps in memory once built (issue 17, idle RSS)."""
    from vru_cli.deploy import SERVICES
    from vru_dev.platform import ROUTED_PATHS

    assert set(ROUTED_PATHS) == set(SERVICES)
    for service, path in ROUTED_PATHS.items():
        assert any(_matches(path, prefix) for prefix in ROUTES[service]), (service, path)
        assert not path.startswith("/openapi")
