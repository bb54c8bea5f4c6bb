"""Request context (X-Request-ID, access log, Prometheus metrics) and request-body guards (413, 415)."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
import uuid
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI
from opentelemetry import trace
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vru_shared.asgi import read_body, replaying
from vru_shared.logging import bind_client_request_id, bind_request_id
from vru_shared.problems import problem_response
from vru_shared.tracing import CLIENT_REQUEST_ID_ATTRIBUTE, REQUEST_ID_ATTRIBUTE

access_log = logging.getLogger("vru.access")
logger = logging.getLogger("vru.request")

REQUESTS = Counter("vru_http_requests_total", "HTTP requests", ["service", "method", "route", "status"])
LATENCY = Histogram(
    "vru_http_request_duration_seconds",
    "HTTP request duration",
    ["service", "method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)

REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9._-]{1,128}$")
#: Media types a request body may have. Anything else is 415.
ACCEPTED_BODY_TYPES = (
    "application/json",
    "application/merge-patch+json",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "text/csv",
)
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def _route_template(scope: Scope) -> str:
    """The matched route's template (``/v1/districts/{code}``): bounded label values, no ids in metrics."""
    return str(getattr(scope.get("route"), "path", "unmatched"))


class RequestContextMiddleware:
    """Outermost: request id in and out, ``Cache-Control: no-store`` by default, JSON access log line, metrics by
    route template."""

    def __init__(self, app: ASGIApp, *, service: str) -> None:
        self.app = app
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # The gateway makes every request's id (X-Request-ID) and passes the caller's own on as
        # X-Client-Request-ID; behind it both can be trusted as far as their shape.
        incoming = client_id = None
        for key, value in scope.get("headers", []):
            if key == b"x-request-id":
                incoming = value.decode("latin-1")
            elif key == b"x-client-request-id":
                client_id = value.decode("latin-1")
        request_id = incoming if incoming and REQUEST_ID_PATTERN.match(incoming) else str(uuid.uuid4())
        scope.setdefault("state", {})["request_id"] = request_id
        bind_request_id(request_id)
        client_id = client_id if client_id and REQUEST_ID_PATTERN.match(client_id) else None
        bind_client_request_id(client_id)
        # The request's server span (vru_shared.tracing, when on) names the request id, so a trace leads to the
        # access log, the audit entries and the problem documents of its requests, and back.
        span = trace.get_current_span()
        if span.is_recording():
            span.set_attribute(REQUEST_ID_ATTRIBUTE, request_id)
            if client_id:
                span.set_attribute(CLIENT_REQUEST_ID_ATTRIBUTE, client_id)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                # Personal data must not be kept by a browser or a proxy: a response is ``no-store`` unless its
                # route chose otherwise (the public pack map, the JWKS).
                if not any(name.lower() == b"cache-control" for name, _ in headers):
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except BaseException as exc:
            # The error boundary inside answers every exception; one that still gets here (a cancellation, an
            # error of the boundary itself) is logged while the request id is bound — the server's own log line
            # about it comes after the request's context is gone and names no request.
            if not isinstance(exc, asyncio.CancelledError):
                logger.error("request failed", extra={"path": scope["path"], "error": type(exc).__name__})
            raise
        finally:
            elapsed = time.perf_counter() - started
            route = _route_template(scope)
            if route not in ("/metrics", "/healthz", "/readyz"):
                REQUESTS.labels(self.service, scope["method"], route, str(status)).inc()
                LATENCY.labels(self.service, scope["method"], route).observe(elapsed)
                access_log.info(
                    "request",
                    extra={
                        "method": scope["method"],
                        "route": route,
                        "status": status,
                        "duration_ms": round(elapsed * 1000, 2),
                    },
                )
            bind_request_id(None)
            bind_client_request_id(None)


class BodyGuardMiddleware:
    """413 for bodies over the limit (declared or streamed), 415 for body media types the API does not take, 422
    for a JSON body that names a member twice."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int, path_limits: Mapping[str, int] | None = None) -> None:
        self.app = app
        self.default_limit = max_body_bytes
        #: Larger limits for bulk routes, by path prefix (``{"/v1/imports/": 32 MiB}``).
        self.path_limits = dict(path_limits or {})

    def limit_for(self, path: str) -> int:
        for prefix, limit in self.path_limits.items():
            if path.startswith(prefix):
                return limit
        return self.default_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        request = Request(scope)
        limit = self.limit_for(scope["path"])
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            await self._reject(request, 413, scope, receive, send, limit)
            return
        has_body = (length is not None and int(length) > 0) or "transfer-encoding" in headers
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        if has_body and not _accepted(content_type):
            await self._reject(request, 415, scope, receive, send, limit)
            return
        received = 0
        rejected = False
        started = False

        async def limited_receive() -> Message:
            nonlocal received, rejected
            if rejected:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit and not started:
                    # Answer 413 now; the app sees a client that went away and its answer is dropped.
                    rejected = True
                    await self._reject(request, 413, scope, receive, send, limit)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if rejected:
                return
            started = True
            await send(message)

        if has_body and _is_json(content_type) and not self._streamed(scope["path"]):
            body = await read_body(limited_receive)
            if body is None:  # over the limit (413 sent) or the client went away
                return
            duplicate = duplicate_key(body)
            if duplicate is not None:
                response = problem_response(
                    request,
                    422,
                    title="Validation failed",
                    detail=f"The JSON body names the member {duplicate!r} twice.",
                    extra={
                        "errors": [
                            {"loc": ["body"], "field": duplicate, "message": "Duplicate key.", "type": "duplicate_key"}
                        ]
                    },
                )
                await response(scope, receive, send)
                return
            await self.app(scope, replaying(body, limited_receive), guarded_send)
            return
        await self.app(scope, limited_receive, guarded_send)

    def _streamed(self, path: str) -> bool:
        """Bulk routes (a larger limit) stream their bodies to the route, which parses them itself."""
        return any(path.startswith(prefix) for prefix in self.path_limits)

    async def _reject(
        self, request: Request, status: int, scope: Scope, receive: Receive, send: Send, limit: int
    ) -> None:
        if status == 413:
            response = problem_response(request, status, detail=f"The request body is larger than {limit} bytes.")
        else:
            documented = documented_media_types(scope)
            detail = f"Send the body as {' or '.join(documented)}." if documented else "This operation takes no body."
            response = problem_response(request, status, detail=detail)
            if documented:
                response.headers["Accept"] = ", ".join(documented)  # RFC 9110 §15.5.16
        await response(scope, receive, send)


def documented_media_types(scope: Scope) -> list[str]:
    """The body media types the operation at ``scope`` documents (its OpenAPI ``requestBody``): what a 415 tells
    the client to send instead. Read from the app's OpenAPI document, once per app."""
    app = scope.get("app")
    if not isinstance(app, FastAPI):
        return []
    table: list[tuple[re.Pattern[str], str, list[str]]] | None = getattr(app.state, "body_media_types", None)
    if table is None:
        table = []
        for template, operations in app.openapi().get("paths", {}).items():
            pattern = re.compile("^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)) + "$")
            for method, operation in operations.items():
                content = operation.get("requestBody", {}).get("content", {}) if isinstance(operation, dict) else {}
                table.append((pattern, method.upper(), list(content)))
        # A literal path before a template that would also match it (/v1/projects/referral-destinations).
        table.sort(key=lambda row: row[0].pattern.count("[^/]+"))
        app.state.body_media_types = table
    path, method = scope.get("path", ""), scope.get("method", "")
    return next((types for pattern, m, types in table if m == method and pattern.match(path)), [])


def _is_json(content_type: str) -> bool:
    return content_type == "application/json" or (
        content_type.startswith("application/") and content_type.endswith("+json")
    )


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen[key] = value
    return seen


def duplicate_key(body: bytes) -> str | None:
    """The first member a JSON object of ``body`` names twice (``{"amount": 1, "amount": 9}`` means different
    things to different parsers), else ``None``; a body that is not JSON is left to the route's own 422."""
    try:
        json.loads(body, object_pairs_hook=_no_duplicates)
    except _DuplicateKey as exc:
        return exc.key[:100]
    except (ValueError, RecursionError):
        return None
    return None


def _accepted(content_type: str) -> bool:
    return content_type in ACCEPTED_BODY_TYPES or (
        content_type.startswith("application/") and content_type.endswith("+json")
    )


async def metrics_endpoint(_: Request) -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
