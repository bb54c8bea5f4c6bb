"""RFC 9457 problem details: the one error format of the whole API.

Domain exceptions subclass :class:`ProblemError` (or one of the status classes below) and carry their
HTTP status; one set of handlers renders every error path — domain errors, request validation, unknown
routes, wrong methods, oversized or wrongly typed bodies and unexpected failures — as
``application/problem+json``. No stack trace or SQL reaches a client.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

import asyncpg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

logger = logging.getLogger("vru.problems")

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "https://vru.example.org/problems/"


class FieldError(BaseModel):
    """One invalid input: where it is, what is wrong with it."""

    loc: list[str | int] = Field(examples=[["body", "district"]])
    field: str = Field(examples=["district"], description="The offending field, dotted for nested ones.")
    message: str = Field(examples=["Input should be a valid UUID"])
    type: str = Field(examples=["uuid_parsing"])


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(examples=[PROBLEM_TYPE_BASE + "not-found"])
    title: str = Field(examples=["Not Found"])
    status: int = Field(examples=[404])
    detail: str | None = Field(default=None, examples=["Referral 5b9c… was not found."])
    instance: str | None = Field(default=None, examples=["/v1/referrals/5b9c…"])
    request_id: str | None = Field(default=None, examples=["3f2b7f1e-6a53-4a0c-9d0b-5b5f0a6c2f21"])
    errors: list[FieldError] | None = None


class ProblemResponse(JSONResponse):
    media_type = PROBLEM_MEDIA_TYPE


class ProblemError(Exception):
    """Base of every domain error. Subclasses set ``status`` and ``slug``; ``detail`` says what happened.

    ``keep_changes`` lets an error response still commit the request's transaction (e.g. a failed
    login attempt is counted even though the response is 401).
    """

    status: int = 500
    slug: str = "internal-error"
    title: str | None = None
    keep_changes: bool = False

    def __init__(
        self,
        detail: str | None = None,
        *,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(detail or self.default_title())
        self.detail = detail
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})

    @classmethod
    def default_title(cls) -> str:
        return cls.title or HTTPStatus(cls.status).phrase


class BadRequest(ProblemError):
    status, slug = 400, "bad-request"


class Unauthorized(ProblemError):
    status, slug = 401, "unauthorized"

    def __init__(self, detail: str | None = None, **kwargs: Any) -> None:
        headers = {"WWW-Authenticate": 'Bearer realm="vru"', **kwargs.pop("headers", {})}
        super().__init__(detail, headers=headers, **kwargs)


class Forbidden(ProblemError):
    status, slug = 403, "forbidden"


class NotFound(ProblemError):
    status, slug = 404, "not-found"


class Conflict(ProblemError):
    status, slug = 409, "conflict"


class PreconditionFailed(ProblemError):
    status, slug = 412, "precondition-failed"


class PayloadTooLarge(ProblemError):
    status, slug = 413, "payload-too-large"


class UnsupportedMediaType(ProblemError):
    status, slug = 415, "unsupported-media-type"


class Unprocessable(ProblemError):
    status, slug = 422, "unprocessable"


class PreconditionRequired(ProblemError):
    status, slug = 428, "precondition-required"


class TooManyRequests(ProblemError):
    status, slug = 429, "too-many-requests"


class ServiceUnavailable(ProblemError):
    status, slug = 503, "service-unavailable"


_SLUGS = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    409: "conflict",
    412: "precondition-failed",
    413: "payload-too-large",
    415: "unsupported-media-type",
    422: "validation-error",
    428: "precondition-required",
    429: "too-many-requests",
    431: "request-header-fields-too-large",
    500: "internal-error",
    502: "bad-gateway",
    503: "service-unavailable",
    504: "gateway-timeout",
}


def problem_type(status: int) -> str:
    return PROBLEM_TYPE_BASE + _SLUGS.get(status, "http-" + str(status))


def request_id_of(request: Request) -> str | None:
    value = getattr(request.state, "request_id", None)
    return value if isinstance(value, str) else None


def problem_response(
    request: Request | None,
    status: int,
    *,
    detail: str | None = None,
    title: str | None = None,
    type_: str | None = None,
    headers: Mapping[str, str] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> ProblemResponse:
    body: dict[str, Any] = {
        "type": type_ or problem_type(status),
        "title": title or _phrase(status),
        "status": status,
    }
    if detail:
        body["detail"] = detail
    if request is not None:
        body["instance"] = request.url.path
        rid = request_id_of(request)
        if rid:
            body["request_id"] = rid
    body.update(extra or {})
    return ProblemResponse(body, status_code=status, headers=dict(headers or {}))


async def send_problem(
    scope: Scope, send: Send, status: int, detail: str, *, headers: Mapping[str, str] | None = None
) -> None:
    """Answer with a problem from a pure-ASGI middleware (no route, no exception handler reached)."""

    async def no_body() -> Message:  # pragma: no cover - a problem response never reads the request
        return {"type": "http.disconnect"}

    await problem_response(Request(scope), status, detail=detail, headers=headers)(scope, no_body, send)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def field_errors(errors: Sequence[Any]) -> list[dict[str, Any]]:
    """Pydantic/FastAPI validation errors as a per-field list (no input values echoed back)."""
    out: list[dict[str, Any]] = []
    for error in errors:
        loc = [part for part in error.get("loc", ()) if isinstance(part, str | int)]
        named = (
            [str(part) for part in loc[1:]]
            if loc and loc[0] in {"body", "query", "path", "header"}
            else [str(part) for part in loc]
        )
        out.append(
            {
                "loc": loc,
                "field": ".".join(named) or (str(loc[0]) if loc else ""),
                "message": str(error.get("msg", "Invalid value")),
                "type": str(error.get("type", "value_error")),
            }
        )
    return out


async def _on_problem(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, ProblemError)
    if exc.keep_changes:
        request.state.keep_changes = True
    type_ = PROBLEM_TYPE_BASE + exc.slug
    return problem_response(
        request,
        exc.status,
        detail=exc.detail,
        title=exc.default_title(),
        type_=type_,
        headers=exc.headers,
        extra=exc.extra,
    )


async def _on_validation(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, RequestValidationError)
    errors = field_errors(exc.errors())
    fields = ", ".join(sorted({e["field"] for e in errors if e["field"]}))
    return problem_response(
        request,
        422,
        title="Validation failed",
        detail=f"The request is not valid: {fields}." if fields else "The request is not valid.",
        extra={"errors": errors},
    )


async def _on_http(request: Request, exc: Exception) -> ProblemResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail != _phrase(status) else None
    if status == 404 and detail is None:
        detail = f"No resource at {request.url.path}."
    headers = exc.headers
    if status == 405:
        if detail is None:
            detail = f"{request.method} is not allowed on {request.url.path}."
        headers = {**(headers or {}), "Allow": _allowed_methods(request)}
    return problem_response(request, status, detail=detail, headers=headers)


def _allowed_methods(request: Request) -> str:
    """Every method some route takes at this path (RFC 9110 §15.5.6). Starlette names only the first route that
    matched the path, so a path with a GET and a PATCH route answered a wrong DELETE with ``Allow: GET``. Asked
    of the router itself (its public ``matches``), so included routers and mounts count too."""
    routes = request.app.router.routes
    allowed = [
        method
        for method in _METHODS
        if any(route.matches({**request.scope, "method": method})[0] is Match.FULL for route in routes)
    ]
    return ", ".join(allowed)


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


#: SQLSTATE classes that say the database cannot serve *now*, not that the request is wrong: 08 connection
#: exception, 53 insufficient resources (too many connections, disk full, out of memory), 57 operator
#: intervention (57014 statement timeout, 57P01–57P03 shutting down, crashed, "the database system is starting
#: up"). Plus single codes a retry gets past: 55P03 lock not available (``lock_timeout``), 40001 serialization
#: failure, 40P01 deadlock detected.
UNAVAILABLE_SQLSTATE_CLASSES = frozenset({"08", "53", "57"})
RETRYABLE_SQLSTATES = frozenset({"55P03", "40001", "40P01"})
#: Exceptions that mean unavailable by their type (SQLAlchemy's, the OS's, the driver's).
_UNAVAILABLE_TYPES: tuple[type[BaseException], ...] = (
    OperationalError,  # SQLAlchemy's for a refused or lost connection
    InterfaceError,
    PoolTimeout,  # no pooled connection within ``db_pool_timeout_seconds``
    OSError,  # refused, reset, a socket gone
    TimeoutError,  # the driver's connect timeout
    asyncpg.exceptions.ConnectionDoesNotExistError,
    asyncpg.exceptions.ConnectionFailureError,
    asyncpg.exceptions.CannotConnectNowError,
    asyncpg.exceptions.TooManyConnectionsError,
    asyncpg.exceptions.QueryCanceledError,
    asyncpg.exceptions.InsufficientResourcesError,
    asyncpg.exceptions.OperatorInterventionError,
)
#: How long a client is told to wait before retrying a request the database could not serve.
DATABASE_RETRY_AFTER = "2"


def database_unavailable(exc: BaseException) -> bool:
    """The database cannot serve this request now — a connection lost, refused or over the server's limit, the
    pool exhausted, a statement timeout, a restart under way — and a retry may succeed: 503, not 500. Decided
    by the driver's exception type and the SQLSTATE class, anywhere in the chain SQLAlchemy wraps it in."""
    for link in _chain(exc):
        if isinstance(link, _UNAVAILABLE_TYPES):
            return True
        if isinstance(link, DBAPIError) and link.connection_invalidated:
            return True
        code = getattr(link, "sqlstate", None) or getattr(link, "pgcode", None)
        if isinstance(code, str) and (code[:2] in UNAVAILABLE_SQLSTATE_CLASSES or code in RETRYABLE_SQLSTATES):
            return True
    return False


def _chain(exc: BaseException | None, limit: int = 10) -> list[BaseException]:
    """``exc`` and what it wraps: SQLAlchemy's ``orig`` (the DB-API error) and each ``__cause__`` (the driver's)."""
    links: list[BaseException] = []
    while exc is not None and len(links) < limit and exc not in links:
        links.append(exc)
        exc = getattr(exc, "orig", None) or exc.__cause__
    return links


#: PostgreSQL refuses these characters in text (NUL: 22021, 22P05); the input is at fault, not the service.
UNSTORABLE_TEXT_SQLSTATES = frozenset({"22021", "22P05"})


def _sqlstate(exc: BaseException | None) -> str | None:
    for link in _chain(exc):
        code = getattr(link, "sqlstate", None) or getattr(link, "pgcode", None)
        if isinstance(code, str):
            return code
    return None


async def _on_stale(request: Request, exc: Exception) -> ProblemResponse:
    """A versioned record's ``UPDATE … WHERE version = :read`` found no row: a concurrent change won."""
    return problem_response(
        request,
        412,
        detail="The record was changed by someone else meanwhile; read it again and reapply your change.",
    )


async def _on_unexpected(request: Request, exc: Exception) -> ProblemResponse:
    if _sqlstate(exc) in UNSTORABLE_TEXT_SQLSTATES:
        return problem_response(
            request, 422, title="Validation failed", detail="Text fields must not contain NUL (\\u0000) characters."
        )
    if database_unavailable(exc):
        logger.warning(
            "database unavailable",
            extra={"path": request.url.path, "error": type(exc).__name__, "sqlstate": _sqlstate(exc)},
        )
        return problem_response(
            request,
            503,
            detail="The database is unavailable or overloaded; nothing was changed. Retry after the given delay.",
            headers={"Retry-After": DATABASE_RETRY_AFTER},
        )
    if isinstance(exc, ClientDisconnect):  # the client went away (or the body guard cut it off): no one to tell
        logger.info("client disconnected", extra={"path": request.url.path})
        return problem_response(request, 400, detail="The request body was not received in full.")
    # Where it failed (the frames), never the exception's text: that may carry request data, e.g. a child's
    # name among SQL parameters.
    logger.error(
        "unhandled error",
        extra={
            "path": request.url.path,
            "method": request.method,
            "error": type(exc).__name__,
            "frames": " < ".join(
                f"{frame.filename}:{frame.lineno} {frame.name}"
                for frame in reversed(traceback.extract_tb(exc.__traceback__)[-12:])
            ),
        },
    )
    return problem_response(
        request, 500, detail="An unexpected error occurred. Quote the request id when reporting it."
    )


class ErrorBoundaryMiddleware:
    """Inside the request context: an exception no handler took becomes its problem response here, and is not
    re-raised. Starlette's own last resort answers and then re-raises to the server, which logs the traceback
    (with whatever the exception holds) and closes the keep-alive connection, so through the gateway the
    client's *next* request on it failed with a 502 the service never saw.

    The response's start is held back until its first body message: a streamed response (an export) whose body
    fails before its first chunk — its query failed, the database went away — is still answered with its
    problem on an open connection. Once a chunk has gone out nothing honest can follow it: the response is left
    incomplete and the server closes the connection, which is how HTTP/1.1 tells a client a body was cut short
    (ending it normally would pass a truncated file off as whole)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        held: Message | None = None
        sent = False

        async def holding_send(message: Message) -> None:
            nonlocal held, sent
            if message["type"] == "http.response.start":
                held = message
                return
            if held is not None:
                start, held = held, None
                sent = True
                await send(start)
            await send(message)

        try:
            await self.app(scope, receive, holding_send)
        except Exception as exc:
            if sent:
                if isinstance(exc, ClientDisconnect):  # e.g. the body guard answered 413 and cut the body off
                    logger.info("client disconnected", extra={"path": scope["path"]})
                else:
                    logger.error("error after part of the response was sent", extra={"error": type(exc).__name__})
                return
            response = await _on_unexpected(Request(scope, receive), exc)
            await response(scope, receive, send)
            return
        if held is not None:  # a start and no body message (no app does that; send what it said)
            await send(held)


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(StaleDataError, _on_stale)
    app.add_exception_handler(Exception, _on_unexpected)


#: What a status means wherever it is declared, beyond its phrase.
DESCRIPTIONS = {
    401: "Unauthorized: no token, or one that is not valid (type `unauthorized`), or one issued before its account "
    "was deactivated or changed (type `token-revoked`: get a new token).",
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` entries for the given statuses, all as problem+json."""
    out: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        out[status] = {
            "description": DESCRIPTIONS.get(status, _phrase(status)),
            "content": {
                PROBLEM_MEDIA_TYPE: {
                    "schema": {"$ref": "#/components/schemas/Problem"},
                    "example": {
                        "type": problem_type(status),
                        "title": _phrase(status),
                        "status": status,
                        "detail": "…",
                        "request_id": "3f2b7f1e-6a53-4a0c-9d0b-5b5f0a6c2f21",
                    },
                }
            },
        }
    return out
