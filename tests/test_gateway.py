"""The Traefik gateway (services/gateway) in front of stub upstreams: routing, middlewares, observability.

Starts real Traefik processes through ``vru_dev.gateway.traefik_command``; the upstreams are tiny
``http.server`` stubs that echo what they received.
"""

from __future__ import annotations

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

from vru_dev.gateway import GATEWAY_DIR, GatewayConfig, traefik_command

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
        "/v1/clients",
        "/v1/signing-keys",
        "/openapi.json",
        "/docs",
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
        "/v1/guardians",
        "/v1/movements",
        "/v1/checks",
        "/v1/use-reports",
        "/v1/resupply-tasks",
        "/v1/alerts",
        "/v1/public/",
        "/openapi/etp_inventory.json",
    ),
}


def _matches(path: str, prefix: str) -> bool:
    if prefix.endswith("/"):
        return path.startswith(prefix)
    return path == prefix or path.startswith(prefix + "/")


# --------------------------------------------------------------------------------------------------
# Stub upstreams

#: Paths each stub received, by service (the gateway's health checks included).
SEEN: dict[str, list[str]] = {name: [] for name in ROUTES}


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
                    {"type": "about:blank", "title": f"status {status}", "status": status, "stub": True},
                    PROBLEM_JSON,
                    # identity sends a generic Retry-After; the gateway must put the rate limiter's own
                    # value in its place (3600 makes a leak visible)
                    {"Retry-After": "3600"} if status == 429 else {},
                )
                return
            if not any(_matches(path, prefix) for prefix in ROUTES["identity"]):
                self._send(404, {"type": "about:blank", "title": "Not Found", "status": 404}, PROBLEM_JSON)
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
    started = {name: _start_stub(name) for name in ROUTES}
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


def _wait_ready(gateway: Gateway, timeout: float = 15.0) -> None:
    """/ping on the internal entry point, then the file provider's routes (they load just after)."""
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=1.0) as client:
        while True:
            if gateway.proc.poll() is not None:
                pytest.fail(f"traefik exited {gateway.proc.returncode}:\n" + "\n".join(gateway.log_lines()))
            try:
                ping = client.get(f"{gateway.internal_url}/ping")
                routed = client.get(f"{gateway.url}/v1/alerts")
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
    return GatewayConfig(
        port=_free_port(),
        internal_port=_free_port(),
        identity_url=stubs["identity"].url,
        referrals_url=stubs["referrals"].url,
        funding_url=stubs["funding"].url,
        etp_inventory_url=stubs["etp_inventory"].url,
        **overrides,
    )


@pytest.fixture(scope="module")
def gateways(stubs: dict[str, Stub], tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Gateway, Gateway]]:
    """Two gateways started side by side: the default one, and one with a tiny rate limit."""
    logs = tmp_path_factory.mktemp("gateway")
    started: list[Gateway] = []
    try:
        started.append(_start_gateway(_config(stubs), logs / "traefik.log"))
        started.append(_start_gateway(_config(stubs, rate_average=1, rate_burst=2), logs / "limited.log"))
        for gateway in started:
            _wait_ready(gateway)
        yield started[0], started[1]
    finally:
        for gateway in started:
            _stop(gateway)


@pytest.fixture(scope="module")
def gateway(gateways: tuple[Gateway, Gateway]) -> Gateway:
    return gateways[0]


@pytest.fixture(scope="module")
def limited(gateways: tuple[Gateway, Gateway]) -> Gateway:
    return gateways[1]


@pytest.fixture
def client(gateway: Gateway) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=gateway.url, timeout=5.0) as c:
        yield c


# --------------------------------------------------------------------------------------------------
# Tests


def test_configuration_loads_without_errors(gateways: tuple[Gateway, Gateway]) -> None:
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
    assert response.status_code == 404  # the identity catch-all's problem, not funding
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert response.json()["status"] == 404
    assert client.get("/v1/grants-archive").status_code == 404


def test_unknown_route_is_problem_404(client: httpx.Client) -> None:
    for path in ("/nope", "/v1/unknown-thing", "/v2/grants", "/metrics", "/ping", "/dashboard/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"].startswith(PROBLEM_JSON), path
        assert response.headers["x-request-id"]


def test_request_id_generated_when_missing(client: httpx.Client) -> None:
    response = client.get("/v1/grants")
    request_id = response.headers["x-request-id"]
    assert UUID4_RE.match(request_id), request_id
    assert uuid.UUID(request_id).version == 4
    assert response.json()["headers"]["x-request-id"] == request_id


def test_request_id_preserved_when_sane(client: httpx.Client) -> None:
    for given in ("abc-123.DEF_456", "x" * 128, str(uuid.uuid4())):
        response = client.get("/v1/referrals", headers={"X-Request-ID": given})
        assert response.headers["x-request-id"] == given  # exactly one value, not echoed twice
        assert response.json()["headers"]["x-request-id"] == given


def test_request_id_replaced_when_garbage(client: httpx.Client) -> None:
    for garbage in ("has space", "semi;colon", "x" * 129, "é-unicode", "<script>"):
        response = client.get("/v1/packs", headers=[(b"X-Request-ID", garbage.encode())])
        request_id = response.headers["x-request-id"]
        assert UUID4_RE.match(request_id), (garbage, request_id)
        assert response.json()["headers"]["x-request-id"] == request_id


def test_request_ids_are_distinct(client: httpx.Client) -> None:
    ids = {client.get("/v1/agencies").headers["x-request-id"] for _ in range(5)}
    assert len(ids) == 5


def test_body_over_limit_is_413_problem(client: httpx.Client) -> None:
    response = client.post("/v1/grants", content=b"x" * (2 * 1024 * 1024), headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert response.json()["status"] == 413
    assert UUID4_RE.match(response.headers["x-request-id"])


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


def test_docs_csp_allows_swagger_ui_cdn(client: httpx.Client) -> None:
    response = client.get("/docs")
    assert response.json()["service"] == "identity"
    csp = response.headers["content-security-policy"]
    assert "script-src 'self' https://cdn.jsdelivr.net" in csp
    assert "style-src 'self' https://cdn.jsdelivr.net" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    # the API keeps the strict policy
    assert "cdn.jsdelivr.net" not in client.get("/openapi.json").headers["content-security-policy"]


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
        # the rate limiter's Retry-After survives the errors middleware, replacing identity's generic one
        assert response.headers.get_list("retry-after") == [response.headers["retry-after"]]
        assert 0 <= int(response.headers["retry-after"]) <= 2
        assert UUID4_RE.match(response.headers["x-request-id"])
        # another client (another Authorization value) has its own bucket
        assert c.get("/v1/funds", headers={"Authorization": "Bearer client-two"}).status_code == 200


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


def test_no_errors_logged_after_traffic(gateways: tuple[Gateway, Gateway]) -> None:
    for gateway in gateways:
        assert gateway.config_errors() == []
