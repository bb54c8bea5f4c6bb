"""OpenTelemetry tracing: off unless an OTLP endpoint is configured, then set up once per process.

Configured by the standard variables: ``OTEL_EXPORTER_OTLP_ENDPOINT`` (the collector's base URL; spans go to
``<it>/v1/traces``) or ``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`` (the full URL), and optionally
``OTEL_TRACES_SAMPLER`` / ``OTEL_TRACES_SAMPLER_ARG``, ``OTEL_BSP_SCHEDULE_DELAY``, ``OTEL_SDK_DISABLED=true``.
Without an endpoint nothing is instrumented: no span is made and nothing is wrapped, so tracing costs nothing.

When on, every app, engine and HTTP client the platform builds is traced, with no code in a service:

- :func:`instrument_app` (from ``create_service_app``, and the front end's ``create_app``): a server span per
  request, continuing the caller's W3C ``traceparent`` (the gateway's Traefik span);
- :func:`instrument_engine` (from ``vru_shared.db.create_engine``): a span per SQL statement (its text, never
  its parameters);
- :func:`instrument_http_client` (from ``vru_shared.http_client.create_http_client``): a client span per call,
  which sends ``traceparent`` on, so the called service's spans join the same trace.

The trace and span ids of the active span are in every log line (``vru_shared.logging``), and the request's
``X-Request-ID`` is an attribute of its server span (``vru.request_id``, ``vru_shared.observability``).
"""

from __future__ import annotations

import logging
import os
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx
    from fastapi import FastAPI
    from opentelemetry.trace import Span, TracerProvider
    from sqlalchemy.ext.asyncio import AsyncEngine

logger = logging.getLogger("vru.tracing")

#: Endpoints a service answers for its platform, not for people: never traced.
UNTRACED_PATHS = "/healthz$,/readyz$,/metrics$"
#: What the ``vru.*`` span attributes are called (the gateway's request id, and the one the caller sent).
REQUEST_ID_ATTRIBUTE = "vru.request_id"
CLIENT_REQUEST_ID_ATTRIBUTE = "vru.client_request_id"

_lock = threading.Lock()
_configured = False
_enabled = False


def configured_endpoint() -> str | None:
    """The OTLP endpoint from the environment, or ``None`` (tracing off)."""
    if os.environ.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return None
    for name in ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"):
        value = os.environ.get(name, "").strip()
        if value:
            return value
    return None


def enabled() -> bool:
    """Whether this process exports spans (after :func:`configure_tracing`)."""
    return _enabled


def configure_tracing(service: str) -> bool:
    """Once per process: when an OTLP endpoint is configured, a tracer provider named ``service`` that exports
    over OTLP/HTTP in batches (flushed at exit). Returns whether tracing is on."""
    global _configured, _enabled
    with _lock:
        if _configured:
            return _enabled
        _configured = True
        endpoint = configured_endpoint()
        if endpoint is None:
            return False
        from opentelemetry import trace
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        from opentelemetry.sdk.resources import SERVICE_NAME, Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor

        # Our name wins over OTEL_SERVICE_NAME: `vru up` gives every service the same environment.
        provider = TracerProvider(resource=Resource.create({SERVICE_NAME: service}))
        # The exporter reads OTEL_EXPORTER_OTLP_[TRACES_]ENDPOINT itself (adding /v1/traces to the base URL).
        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
        trace.set_tracer_provider(provider)
        _enabled = True
        logger.info("tracing on", extra={"otlp_endpoint": endpoint})
        return True


#: Span attributes that hold a URL with its query string, and the query string itself (OpenTelemetry's older and
#: newer HTTP conventions).
URL_ATTRIBUTES = ("http.url", "url.full")
QUERY_ATTRIBUTE = "url.query"


def drop_query(span: Span) -> None:
    """Keep a URL's path, never its query string: a search names a person (``?family_name=…``), and a trace leaves
    the platform for the collector. (Traefik redacts query values itself.)"""
    attributes = getattr(span, "attributes", None)
    if not attributes or not span.is_recording():
        return
    for name in URL_ATTRIBUTES:
        value = attributes.get(name)
        if isinstance(value, str) and "?" in value:
            span.set_attribute(name, value.split("?", 1)[0])
    if attributes.get(QUERY_ATTRIBUTE):
        span.set_attribute(QUERY_ATTRIBUTE, "REDACTED")


def _server_request_hook(span: Span, scope: dict[str, Any]) -> None:
    drop_query(span)


async def _client_request_hook(span: Span, request: Any) -> None:
    drop_query(span)


def instrument_app(app: FastAPI, *, tracer_provider: TracerProvider | None = None) -> None:
    """A server span per request (continuing an incoming ``traceparent``), when tracing is on (or for a test's
    own ``tracer_provider``)."""
    if not _enabled and tracer_provider is None:
        return
    from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor

    # No spans for each ASGI send/receive message: one span per request, its children the work it did.
    FastAPIInstrumentor.instrument_app(
        app,
        server_request_hook=_server_request_hook,
        tracer_provider=tracer_provider,
        excluded_urls=UNTRACED_PATHS,
        exclude_spans=["receive", "send"],
    )


def instrument_engine(engine: AsyncEngine) -> None:
    """A span per SQL statement on ``engine``, when tracing is on (the statement's text; never its parameters)."""
    if not _enabled:
        return
    from opentelemetry import metrics, trace
    from opentelemetry.instrumentation.sqlalchemy.engine import EngineTracer
    from opentelemetry.instrumentation.sqlalchemy.version import __version__

    # SQLAlchemyInstrumentor().instrument(engine=…) instruments one engine per process (it is a singleton), and a
    # test process makes many: the instrumentor's EngineTracer is what it attaches to each engine.
    tracer = trace.get_tracer("opentelemetry.instrumentation.sqlalchemy", __version__)
    usage = metrics.get_meter("opentelemetry.instrumentation.sqlalchemy", __version__).create_up_down_counter(
        name="db.client.connections.usage",
        unit="connections",
        description="The number of connections that are currently in state described by the state attribute.",
    )
    EngineTracer(tracer, engine.sync_engine, usage)


def instrument_http_client(client: httpx.AsyncClient, *, tracer_provider: TracerProvider | None = None) -> None:
    """A client span per call, and ``traceparent`` sent on, when tracing is on (or for a test's own
    ``tracer_provider``)."""
    if not _enabled and tracer_provider is None:
        return
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

    HTTPXClientInstrumentor.instrument_client(
        client, tracer_provider=tracer_provider, request_hook=_client_request_hook
    )
