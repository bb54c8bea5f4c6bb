"""Tracing end to end (docs/operations.md, "Tracing"): a platform of its own whose Traefik and services export
spans over OTLP/HTTP to a real receiver in this test; ONE request through the gateway into referrals, which asks
funding for the projects it funds, is ONE trace — Traefik's spans, referrals' server span, its httpx client span,
funding's server span and their SQL spans, each linked to its parent — and every log line the services wrote for
the request carries that trace's id."""

from __future__ import annotations

import gzip
import json
import re
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)
from opentelemetry.proto.common.v1.common_pb2 import AnyValue
from opentelemetry.proto.trace.v1.trace_pb2 import Span as SpanProto

from vru_dev.platform import Platform

from .conftest import DEV_PASSWORD, auth, password_token, running_platform

pytestmark = [pytest.mark.e2e, pytest.mark.faults]  # its own platform: ~30 s, the faults stage


@dataclass(frozen=True)
class Span:
    service: str
    name: str
    kind: int
    trace_id: str
    span_id: str
    parent_span_id: str
    attributes: dict[str, Any]


def _value(value: AnyValue) -> Any:
    kind = value.WhichOneof("value")
    if kind == "array_value":
        return [_value(v) for v in value.array_value.values]
    return getattr(value, kind) if kind else None


class Collector:
    """An OTLP/HTTP receiver: ``POST /v1/traces`` with an ``ExportTraceServiceRequest`` (protobuf, gzip or not),
    decoded with opentelemetry-proto; it keeps every span."""

    def __init__(self) -> None:
        self.spans: list[Span] = []
        self.lock = threading.Lock()
        collector = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self._body()
                if self.headers.get("content-encoding") == "gzip":
                    body = gzip.decompress(body)
                if self.path != "/v1/traces":
                    self.send_error(404)
                    return
                collector.receive(ExportTraceServiceRequest.FromString(body))
                answer = ExportTraceServiceResponse().SerializeToString()
                self.send_response(200)
                self.send_header("Content-Type", "application/x-protobuf")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def _body(self) -> bytes:
                if "chunked" not in self.headers.get("transfer-encoding", ""):
                    return self.rfile.read(int(self.headers.get("content-length") or 0))
                body = b""  # Traefik's (Go's) exporter streams its batches chunked
                while size := int(self.rfile.readline().split(b";")[0], 16):
                    body += self.rfile.read(size)
                    self.rfile.readline()
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):  # trailers
                    pass
                return body

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def receive(self, request: ExportTraceServiceRequest) -> None:
        received = []
        for resource_spans in request.resource_spans:
            resource = {a.key: _value(a.value) for a in resource_spans.resource.attributes}
            for scope_spans in resource_spans.scope_spans:
                for span in scope_spans.spans:
                    received.append(
                        Span(
                            service=str(resource.get("service.name")),
                            name=span.name,
                            kind=span.kind,
                            trace_id=span.trace_id.hex(),
                            span_id=span.span_id.hex(),
                            parent_span_id=span.parent_span_id.hex(),
                            attributes={a.key: _value(a.value) for a in span.attributes},
                        )
                    )
        with self.lock:
            self.spans.extend(received)

    def trace(self, trace_id: str) -> list[Span]:
        with self.lock:
            return [s for s in self.spans if s.trace_id == trace_id]

    def __enter__(self) -> Collector:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def collector() -> Iterator[Collector]:
    with Collector() as running:
        yield running


@pytest.fixture(scope="module")
def traced_platform(
    pg_admin_url: str, tmp_path_factory: pytest.TempPathFactory, collector: Collector
) -> Iterator[Platform]:
    # Batches leave every 0.2 s (Python's and Go's SDKs both read the variable), not every 5 s.
    with running_platform(
        pg_admin_url,
        Path(tmp_path_factory.mktemp("traced")),
        "vru_traced",
        otlp_endpoint=collector.endpoint,
        extra_env={"OTEL_BSP_SCHEDULE_DELAY": "200"},
    ) as running:
        yield running


def _ancestors(span: Span, by_id: dict[str, Span]) -> Iterator[Span]:
    while span.parent_span_id in by_id:
        span = by_id[span.parent_span_id]
        yield span


def _one(spans: list[Span], what: str, **where: Any) -> Span:
    found = [s for s in spans if all(getattr(s, k) == v for k, v in where.items())]
    assert len(found) == 1, f"{what}: {found}"
    return found[0]


def _is_sql(span: Span) -> bool:
    return "db.system" in span.attributes or "db.system.name" in span.attributes


def _log_lines(platform: Platform, service: str, request_id: str) -> list[dict[str, Any]]:
    lines = []
    for line in (platform.config.data_dir / "logs" / f"{service}.log").read_text(errors="replace").splitlines():
        if line.startswith("{"):
            entry = json.loads(line)
            if entry.get("request_id") == request_id:
                lines.append(entry)
    return lines


def test_one_request_through_the_gateway_into_two_services_is_one_trace(
    traced_platform: Platform, collector: Collector
) -> None:
    with httpx.Client(base_url=traced_platform.config.gateway_url, timeout=30) as gateway:
        coordinator = password_token(gateway, "coordinator.medway-swale@example.org")
        mine = f"trace-test-{uuid.uuid4().hex[:12]}"
        response = gateway.get(
            "/v1/referrals/funded-projects",
            params={"district": "medway"},
            headers={**auth(coordinator), "X-Request-ID": mine},
        )
    assert response.status_code == 200, response.text
    assert response.json()["items"], "funding answered no project: the call did not reach it"
    request_id = response.headers["X-Request-ID"]
    assert request_id != mine  # the gateway's own id; the caller's travels on as X-Client-Request-ID

    # Referrals' server span names the request id: it leads to the trace.
    deadline = time.monotonic() + 30
    while True:
        server = [s for s in collector.spans if s.service == "referrals" and s.kind == SpanProto.SPAN_KIND_SERVER]
        found = [s for s in server if s.attributes.get("vru.request_id") == request_id]
        spans = collector.trace(found[0].trace_id) if found else []
        services = {s.service for s in spans}
        if {"gateway", "referrals", "funding"} <= services and any(_is_sql(s) for s in spans):
            break
        assert time.monotonic() < deadline, f"no whole trace received: {services} in {len(collector.spans)} spans"
        time.sleep(0.2)
    time.sleep(1.0)  # the last batches (Traefik's spans end after the services')
    (referrals_server,) = found
    trace_id = referrals_server.trace_id
    spans = collector.trace(trace_id)
    by_id = {s.span_id: s for s in spans}

    # One trace: one root (Traefik's entry point span), and every other span's parent is in it.
    roots = [s for s in spans if not s.parent_span_id]
    assert [(r.service, r.kind) for r in roots] == [("gateway", SpanProto.SPAN_KIND_SERVER)], roots
    assert all(s.parent_span_id in by_id for s in spans if s.parent_span_id), "a span whose parent is elsewhere"

    # Traefik → referrals: referrals' server span is the child of Traefik's span to it, which records the
    # gateway's request id; referrals records it, and the caller's own.
    traefik_to_referrals = by_id[referrals_server.parent_span_id]
    assert traefik_to_referrals.service == "gateway"
    assert traefik_to_referrals.kind == SpanProto.SPAN_KIND_CLIENT
    assert traefik_to_referrals.attributes.get("http.request.header.x-request-id") == [request_id]
    assert referrals_server.attributes["vru.client_request_id"] == mine

    # referrals → funding over httpx: a client span under referrals' server span, parent of funding's server span.
    funding_server = _one(spans, "funding's server span", service="funding", kind=SpanProto.SPAN_KIND_SERVER)
    referrals_client = by_id[funding_server.parent_span_id]
    assert referrals_client.service == "referrals"
    assert referrals_client.kind == SpanProto.SPAN_KIND_CLIENT
    assert referrals_server in _ancestors(referrals_client, by_id)
    assert funding_server.attributes["vru.request_id"] == request_id  # passed on by the service client

    # Funding read its projects: SQL spans under its server span (the statement, never its parameters).
    sql = [s for s in spans if s.service == "funding" and _is_sql(s)]
    assert sql, "no SQL span in funding"
    for span in sql:
        assert funding_server in _ancestors(span, by_id)
        assert span.kind == SpanProto.SPAN_KIND_CLIENT

    # No span keeps the query string (a search can name a person): Traefik redacts it, the services drop it.
    assert not [s for s in spans if "medway" in repr(s.attributes)]

    # Every log line either service wrote for the request carries the trace id and a span of this trace.
    for service in ("referrals", "funding"):
        lines = _log_lines(traced_platform, service, request_id)
        assert any(line["logger"] == "vru.access" for line in lines), f"no access log line in {service}"
        for line in lines:
            assert line["trace_id"] == trace_id, line
            assert line["span_id"] in by_id, line


def test_a_page_and_the_api_call_it_makes_through_the_gateway_are_one_trace(
    traced_platform: Platform, collector: Collector
) -> None:
    """Signing in on the front end: Traefik → web, whose API client calls ``POST /oauth/token`` through the gateway
    again → Traefik → identity. The front end's client sends ``traceparent`` on, so it is all one trace."""
    with httpx.Client(base_url=traced_platform.config.gateway_url, timeout=30) as browser:
        form = browser.get("/sign-in")
        assert form.status_code == 200
        match = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
        assert match is not None
        signed_in = browser.post(
            "/sign-in",
            data={
                "email": "coordinator.medway-swale@example.org",
                "password": DEV_PASSWORD,
                "next": "/",
                "csrf_token": match[1],
            },
            headers={"Origin": traced_platform.config.gateway_url},  # as a browser's form post says
        )
    assert signed_in.status_code == 303, signed_in.text
    request_id = signed_in.headers["X-Request-ID"]

    deadline = time.monotonic() + 30
    while True:
        pages = [s for s in collector.spans if s.service == "web" and s.attributes.get("vru.request_id") == request_id]
        spans = collector.trace(pages[0].trace_id) if pages else []
        if {"gateway", "web", "identity"} <= {s.service for s in spans}:
            break
        assert time.monotonic() < deadline, f"no whole trace received: {len(collector.spans)} spans"
        time.sleep(0.2)
    time.sleep(1.0)
    (page,) = pages
    spans = collector.trace(page.trace_id)
    by_id = {s.span_id: s for s in spans}
    assert [s.service for s in spans if not s.parent_span_id] == ["gateway"]
    assert all(s.parent_span_id in by_id for s in spans if s.parent_span_id)

    assert by_id[page.parent_span_id].service == "gateway"
    # (web may also fetch identity's JWKS directly, a second identity span: the token call came through Traefik.)
    [identity] = [
        s
        for s in spans
        if (s.service, s.kind) == ("identity", SpanProto.SPAN_KIND_SERVER)
        and by_id[s.parent_span_id].service == "gateway"
    ]
    chain = [identity, *_ancestors(identity, by_id)]
    # identity ← Traefik's span to it ← Traefik's entry point ← web's API client span ← web's page ← Traefik
    assert [(s.service, s.kind) for s in chain[:5]] == [
        ("identity", SpanProto.SPAN_KIND_SERVER),
        ("gateway", SpanProto.SPAN_KIND_CLIENT),
        ("gateway", SpanProto.SPAN_KIND_SERVER),
        ("web", SpanProto.SPAN_KIND_CLIENT),
        ("web", SpanProto.SPAN_KIND_SERVER),
    ]
    assert page in chain
    # The password travels in the body only: no span holds it.
    assert not [s for s in spans if DEV_PASSWORD in repr(s.attributes)]
