"""Tracing in the library (``vru_shared.tracing``): off unless an OTLP endpoint is configured; when a span is
active, every JSON log line names its trace and span, and a request's server span names its request id.

The spans here go to a tracer provider of the test's own (in memory), never the process's global one: the
platform's export over OTLP is tested end to end, real processes and a real receiver, in tests/test_tracing.py.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from vru_shared.http_client import create_http_client
from vru_shared.logging import configure_logging
from vru_shared.observability import RequestContextMiddleware
from vru_shared.tracing import configured_endpoint, enabled, instrument_app, instrument_http_client

from .support import build_app

ENDPOINT_VARIABLES = ("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_SDK_DISABLED")


@pytest.fixture
def exporter() -> InMemorySpanExporter:
    return InMemorySpanExporter()


@pytest.fixture
def provider(exporter: InMemorySpanExporter) -> TracerProvider:
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    return provider


@pytest.fixture
def read_logs(capsys: pytest.CaptureFixture[str]) -> Callable[[], list[dict[str, Any]]]:
    """The JSON lines the service's log handler (``configure_logging``) has written to stderr since, parsed."""
    configure_logging("tracing-test")
    capsys.readouterr()

    def read() -> list[dict[str, Any]]:
        return [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")]

    return read


def test_tracing_is_off_unless_an_endpoint_is_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENDPOINT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    assert configured_endpoint() is None
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", " ")
    assert configured_endpoint() is None
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")
    assert configured_endpoint() == "http://collector:4318"
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/v1/traces")
    assert configured_endpoint() == "http://collector:4318/v1/traces"
    monkeypatch.setenv("OTEL_SDK_DISABLED", "true")
    assert configured_endpoint() is None


def test_an_app_is_not_instrumented_when_tracing_is_off(db_urls: dict[str, str]) -> None:
    """No endpoint in the test run: ``create_service_app`` adds no tracing middleware (no cost)."""
    assert not enabled()
    app = build_app(db_urls["referrals"])
    assert not getattr(app, "_is_instrumented_by_opentelemetry", False)


def test_log_lines_name_the_active_span(
    provider: TracerProvider, read_logs: Callable[[], list[dict[str, Any]]]
) -> None:
    logger = logging.getLogger("vru.test")
    logger.warning("outside")
    with provider.get_tracer("test").start_as_current_span("work") as span:
        logger.warning("inside")
    context = span.get_span_context()
    outside, inside = read_logs()
    assert (outside["trace_id"], outside["span_id"]) == (None, None)
    assert inside["trace_id"] == trace.format_trace_id(context.trace_id)
    assert inside["span_id"] == trace.format_span_id(context.span_id)
    assert len(inside["trace_id"]) == 32
    assert len(inside["span_id"]) == 16


async def test_a_traced_request_names_its_request_id_and_its_log_lines_name_its_trace(
    provider: TracerProvider,
    exporter: InMemorySpanExporter,
    read_logs: Callable[[], list[dict[str, Any]]],
) -> None:
    app = FastAPI()

    @app.get("/v1/work")
    async def work() -> dict[str, str]:
        logging.getLogger("vru.test").warning("working")
        return {"status": "done"}

    app.add_middleware(RequestContextMiddleware, service="tracing-test")
    instrument_app(app, tracer_provider=provider)
    # The gateway's span is the parent: its W3C traceparent comes with the request.
    parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        response = await client.get(
            "/v1/work?family_name=Example",
            headers={"X-Request-ID": "gw-1234", "X-Client-Request-ID": "mine-1", "traceparent": parent},
        )
    assert response.status_code == 200
    assert response.headers["x-request-id"] == "gw-1234"

    (server,) = [s for s in exporter.get_finished_spans() if s.kind is trace.SpanKind.SERVER]
    assert server.attributes is not None
    assert server.attributes["vru.request_id"] == "gw-1234"
    assert server.attributes["vru.client_request_id"] == "mine-1"
    assert trace.format_trace_id(server.context.trace_id) == "0af7651916cd43dd8448eb211c80319c"
    assert server.parent is not None
    assert trace.format_span_id(server.parent.span_id) == "b7ad6b7169203331"
    # A query string can name a person: the span keeps the path only.
    assert "Example" not in repr(dict(server.attributes))
    assert "/v1/work" in repr(dict(server.attributes))

    lines = [line for line in read_logs() if line.get("request_id") == "gw-1234"]
    assert {line["logger"] for line in lines} >= {"vru.test", "vru.access"}
    assert {line["trace_id"] for line in lines} == {"0af7651916cd43dd8448eb211c80319c"}
    assert {line["span_id"] for line in lines} == {trace.format_span_id(server.context.span_id)}


async def test_a_call_to_another_service_is_a_client_span_that_sends_traceparent_on(
    provider: TracerProvider, exporter: InMemorySpanExporter
) -> None:
    sent: list[httpx.Request] = []

    def peer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"items": []})

    async with create_http_client(transport=httpx.MockTransport(peer)) as client:
        instrument_http_client(client, tracer_provider=provider)
        with provider.get_tracer("test").start_as_current_span("request") as parent:
            response = await client.get("http://funding/v1/projects?district=medway&name=Example")
    assert response.status_code == 200

    (call,) = [s for s in exporter.get_finished_spans() if s.kind is trace.SpanKind.CLIENT]
    assert call.parent is not None
    assert call.parent.span_id == parent.get_span_context().span_id
    assert call.context.trace_id == parent.get_span_context().trace_id
    # The called service continues this trace: W3C traceparent names this span.
    (request,) = sent
    trace_id, span_id = trace.format_trace_id(call.context.trace_id), trace.format_span_id(call.context.span_id)
    version, sent_trace, sent_parent, flags = request.headers["traceparent"].split("-")
    assert (version, sent_trace, sent_parent) == ("00", trace_id, span_id)
    assert int(flags, 16) & 1  # sampled
    assert call.attributes is not None
    assert "Example" not in repr(dict(call.attributes))
    assert "http://funding/v1/projects" in repr(dict(call.attributes))


def test_the_platforms_clients_are_not_instrumented_when_tracing_is_off() -> None:
    client = create_http_client()
    assert not getattr(client, "_is_instrumented_by_opentelemetry", False)
