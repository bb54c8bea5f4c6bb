"""``create_service_app``: the one way a VRU service is assembled.

It owns the lifespan (engine, sessionmaker, one ``httpx.AsyncClient``, token verifier, the token revocation
list and its poller, peer clients),
installs the middleware stack (request context → error boundary → body guard → transaction →
Idempotency-Key), the RFC 9457 handlers, ``/healthz``, ``/readyz``, ``/metrics`` and
``/problems/{status}``, and refuses to build an app in which any route has not said who may call it.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from datetime import timedelta
from typing import Any

import httpx
from fastapi import APIRouter, FastAPI, Request
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from sqlalchemy import Table, text
from sqlalchemy.exc import SQLAlchemyError
from starlette._utils import get_route_path
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Match
from starlette.types import Scope

from vru_shared.auth import AUTH_MARKER, TokenVerifier, public
from vru_shared.db import create_engine, create_sessionmaker
from vru_shared.http_client import CircuitBreaker, ClientCredentials, RetryPolicy, ServiceClient, create_http_client
from vru_shared.idempotency import HEADER, IdempotencyMiddleware, IdempotencyRepository
from vru_shared.inputs import NoUnknownQuery
from vru_shared.logging import configure_logging
from vru_shared.observability import BodyGuardMiddleware, RequestContextMiddleware, metrics_endpoint
from vru_shared.problems import (
    ErrorBoundaryMiddleware,
    Problem,
    install_problem_handlers,
    problem_response,
    problem_responses,
)
from vru_shared.revocation import Revocations, Source, http_source
from vru_shared.settings import ServiceSettings
from vru_shared.tracing import configure_tracing, instrument_app
from vru_shared.transaction import TransactionMiddleware

logger = logging.getLogger("vru.app")

ExtraLifespan = Callable[[FastAPI], AbstractAsyncContextManager[None]]
#: Where an app's token revocation list comes from, given the app once its lifespan has built the engine and the
#: HTTP client (default: the identity service over HTTP; identity itself reads its own table).
RevocationSourceFactory = Callable[[FastAPI], Source]

PURGE_INTERVAL_SECONDS = 600.0


def own_credentials(settings: ServiceSettings, http: httpx.AsyncClient) -> ClientCredentials | None:
    """This service's client-credentials token source (``None`` without a ``client_id``)."""
    if not settings.client_id:
        return None
    return ClientCredentials(
        http,
        str(settings.identity_url).rstrip("/") + "/oauth/token",
        settings.client_id,
        settings.client_secret.get_secret_value(),
    )


def revocations_from_identity(
    settings: ServiceSettings, http: httpx.AsyncClient, credentials: ClientCredentials | None
) -> Source:
    """The token revocation list from the identity service's ``GET /v1/revocations``."""
    return http_source(
        http,
        str(settings.identity_url).rstrip("/") + "/v1/revocations",
        credentials.token if credentials is not None else None,
        timeout_seconds=settings.http_timeout_seconds,
        forget_token=credentials.forget if credentials is not None else None,
    )


def build_peers(
    settings: ServiceSettings, http: httpx.AsyncClient, credentials: ClientCredentials | None = None
) -> dict[str, ServiceClient]:
    credentials = credentials or own_credentials(settings, http)
    policy = RetryPolicy(timeout_seconds=settings.http_timeout_seconds, retries=settings.http_retries)
    return {
        name: ServiceClient(
            name,
            str(url),
            http,
            credentials=credentials,
            policy=policy,
            breaker=CircuitBreaker(name, settings.breaker_failure_threshold, settings.breaker_reset_seconds),
        )
        for name, url in settings.peer_urls.items()
    }


def create_service_app(
    settings: ServiceSettings,
    *,
    title: str,
    description: str,
    routers: Sequence[APIRouter],
    idempotency: Table | None,
    version: str = "1.0.0",
    tags: list[dict[str, Any]] | None = None,
    extra_lifespan: ExtraLifespan | None = None,
    docs_url: str | None = None,
    bulk_body_limits: Mapping[str, int] | None = None,
    revocation_source: RevocationSourceFactory | None = None,
) -> FastAPI:
    """``bulk_body_limits`` gives path prefixes a larger body limit (bulk imports); their bodies are
    streamed to the route, so ``Idempotency-Key`` does not apply there. The token revocation list is polled
    every ``settings.revocation_poll_seconds`` from ``revocation_source`` (default: the identity service)."""
    configure_logging(settings.service_name, settings.log_level)
    configure_tracing(settings.service_name)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(settings)
        app.state.engine = engine
        app.state.sessionmaker = create_sessionmaker(engine)
        async with create_http_client(
            limits=httpx.Limits(max_connections=100, max_keepalive_connections=20),
            follow_redirects=False,
        ) as http:
            app.state.http = http
            app.state.token_verifier = TokenVerifier(settings.trusted_issuers, http, settings.jwks_cache_seconds)
            credentials = own_credentials(settings, http)
            app.state.peers = build_peers(settings, http, credentials)
            source = (
                revocation_source(app)
                if revocation_source is not None
                else revocations_from_identity(settings, http, credentials)
            )
            app.state.revocations = Revocations(source)
            poller = asyncio.create_task(app.state.revocations.poll_forever(settings.revocation_poll_seconds))
            purge = asyncio.create_task(_purge_idempotency(app, idempotency)) if idempotency is not None else None
            # Everything built at start-up lives as long as the process: keep it out of every later
            # collection (measured: bulk intake +25 % in-process, bench/profile_intake.py --freeze).
            gc.collect()
            gc.freeze()
            try:
                if extra_lifespan is not None:
                    async with extra_lifespan(app):
                        yield
                else:
                    yield
            finally:
                for task in (poller, purge):
                    if task is not None:
                        task.cancel()
                        with contextlib.suppress(asyncio.CancelledError):
                            await task
                await engine.dispose()

    service = settings.service_name
    app = FastAPI(
        title=title,
        description=description,
        version=version,
        lifespan=lifespan,
        openapi_url=f"/openapi/{service}.json",
        docs_url=docs_url,
        redoc_url=None,
        openapi_tags=tags,
        separate_input_output_schemas=True,
        # No 307 to the path with(out) a trailing slash: its Location was built from the client's Host header.
        redirect_slashes=False,
        # operationId = the route's function name (`get_referral`), not FastAPI's name + path + method
        # (`get_referral_v1_referrals__referral_id__get`): a generated client names its functions after it.
        generate_unique_id_function=_operation_id,
    )
    app.state.settings = settings
    install_problem_handlers(app)
    all_routers = [_platform_router(service), *routers]
    ensure_every_route_is_guarded(all_routers)
    for router in all_routers:
        # A query parameter the operation does not declare is a 422, never silently ignored (issue 14).
        app.include_router(router, dependencies=[NoUnknownQuery])
    skip_routers_that_cannot_match(app)

    # Starlette wraps in reverse order of adding:
    # request context → error boundary → body guard → transaction → idempotency.
    if idempotency is not None:
        app.add_middleware(
            IdempotencyMiddleware,
            table=idempotency,
            ttl=timedelta(hours=settings.idempotency_ttl_hours),
            streamed_prefixes=tuple(bulk_body_limits or ()),
        )
    app.add_middleware(TransactionMiddleware)
    app.add_middleware(BodyGuardMiddleware, max_body_bytes=settings.max_body_bytes, path_limits=bulk_body_limits)
    app.add_middleware(ErrorBoundaryMiddleware)
    app.add_middleware(RequestContextMiddleware, service=service)
    instrument_app(app)  # outermost, when tracing is on: the request's server span

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
            tags=app.openapi_tags,
        )
        _declare_platform_statuses(schema)
        if idempotency is not None:
            _declare_idempotency_key(schema, streamed_prefixes=tuple(bulk_body_limits or ()))
        components = schema.setdefault("components", {})
        components.setdefault("schemas", {})["Problem"] = Problem.model_json_schema(
            ref_template="#/components/schemas/{model}"
        )
        defs = components["schemas"]["Problem"].pop("$defs", {})
        components["schemas"].update(defs)
        components.setdefault("securitySchemes", {})["HTTPBearer"] = {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "JWT",
            "description": "An ES256 access token from `POST /oauth/token` (15 minutes).",
        }
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


PLATFORM_PATHS = ("/healthz", "/readyz", "/metrics", "/problems/")


def _operation_id(route: APIRoute) -> str:
    return route.name


def _declare_platform_statuses(schema: dict[str, Any]) -> None:
    """Statuses any API operation can answer besides its own, declared on every one: 429 (the gateway's rate
    limits), 503 (database or peer unavailable, with Retry-After), and 400 for what the platform refuses before
    the route runs (a path the gateway will not route, a malformed ``Idempotency-Key``, a body cut short, a
    cursor this API did not make)."""
    for path, operations in schema.get("paths", {}).items():
        if path.startswith(PLATFORM_PATHS):
            continue
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status, spec in problem_responses(400, 429, 503).items():
                responses.setdefault(str(status), spec)


#: The ``Idempotency-Key`` header as every keyed POST declares it (``vru_shared.idempotency`` reads it).
IDEMPOTENCY_KEY_PARAMETER: dict[str, Any] = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": "A key of your choosing, new for each change (a UUID): a retry with the same key and body "
    "gets the first answer again (`Idempotent-Replayed: true`) instead of making the change twice; the same key "
    "with another body is 422, and while the first request is still running, 409. Kept per caller, at least a day.",
    "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": r"^[\x21-\x7e]+$"},
    "example": "5f0c7b2e-3d1a-4c8e-9b6f-2a7d4e1c0b93",
}


def _declare_idempotency_key(schema: dict[str, Any], *, streamed_prefixes: tuple[str, ...]) -> None:
    """Declare the optional ``Idempotency-Key`` header on every POST the middleware keys: those a bearer token
    authenticates (it is stored per caller), except the streamed bulk routes, where it does not apply; with the
    statuses it can answer there, whatever the route's own: 409 (the first request still running) and 422 (the
    key used with another body)."""
    for path, operations in schema.get("paths", {}).items():
        if path.startswith((*PLATFORM_PATHS, *streamed_prefixes)):
            continue
        operation = operations.get("post")
        if operation is None or not any("HTTPBearer" in s for s in operation.get("security", [])):
            continue
        parameters = operation.setdefault("parameters", [])
        if not any(p.get("in") == "header" and p.get("name", "").lower() == HEADER for p in parameters):
            parameters.append(dict(IDEMPOTENCY_KEY_PARAMETER))
        responses = operation.setdefault("responses", {})
        for status, spec in problem_responses(409, 422).items():
            responses.setdefault(str(status), spec)


def _platform_router(service: str) -> APIRouter:
    router = APIRouter(tags=["platform"], dependencies=[public()])

    @router.get(
        "/healthz",
        summary="Liveness",
        description="200 while the process is running. Does not touch the database.",
        include_in_schema=False,
    )
    async def healthz() -> dict[str, str]:
        return {"status": "alive", "service": service}

    @router.get(
        "/readyz",
        summary="Readiness",
        description="200 when the database answers; 503 problem otherwise.",
        include_in_schema=False,
    )
    async def readyz(request: Request) -> Response:
        try:
            async with asyncio.timeout(2.0), request.app.state.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        except (SQLAlchemyError, OSError, TimeoutError):
            return problem_response(request, 503, detail="The database is not reachable.", headers={"Retry-After": "2"})
        return JSONResponse({"status": "ready", "service": service})

    router.add_api_route("/metrics", metrics_endpoint, include_in_schema=False)

    @router.get(
        "/problems/{status}",
        summary="Describe a problem type",
        description="An RFC 9457 problem document for an HTTP status. (The gateway no longer fetches its own "
        "errors from here: it makes them itself, services/gateway/README.md.)",
        responses=problem_responses(404),
        include_in_schema=False,
    )
    async def describe_problem(request: Request, status: int) -> Response:
        if not 400 <= status <= 599:
            return problem_response(request, 404, detail="No such problem type.")
        headers = {"Retry-After": "1"} if status in (429, 502, 503, 504) else {}
        detail = {
            413: "The request body is too large for this API.",
            429: "Too many requests from this client; slow down and retry after the given delay.",
            502: "The service behind the gateway failed to answer.",
            504: "The service behind the gateway did not answer in time.",
        }.get(status)
        return problem_response(request, status, detail=detail, headers=headers)

    return router


def skip_routers_that_cannot_match(app: FastAPI) -> None:
    """Let the app's routing pass over an included router none of whose paths the request's path can be.

    FastAPI (0.165) matches a request against every route of every included router in turn, each with its own
    bookkeeping in the request's scope: a referral read was tried against the 40 routes of the six routers before
    its own, ~15 % of the service's Python per request (``bench/profile_read.py``, issue 17). A route's path can
    only match a path that begins with the route's literal part (up to its first ``{``), so a router whose
    routes' literal parts the path starts with none of answers "no match" at once; otherwise FastAPI matches as
    before — the same route, the same 404 and 405. Only routers of plain API routes, included without a prefix
    (as ``create_service_app`` includes them); any other is matched as FastAPI does."""
    for included in app.router.routes:
        original = getattr(included, "original_router", None)
        context = getattr(included, "include_context", None)
        if original is None or getattr(context, "prefix", None) != "":
            continue
        if not original.routes or not all(isinstance(route, APIRoute) for route in original.routes):
            continue
        prefixes = tuple(sorted({route.path.split("{", 1)[0] for route in original.routes}))
        included.matches = _prefiltered(included.matches, prefixes)  # type: ignore[method-assign]


def _prefiltered(matches: Callable[[Scope], tuple[Match, Scope]], prefixes: tuple[str, ...]) -> Any:
    def prefiltered(scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] == "http" and not get_route_path(scope).startswith(prefixes):
            return Match.NONE, {}
        return matches(scope)

    return prefiltered


def _guarded(dependant: Dependant) -> bool:
    if dependant.call is not None and getattr(dependant.call, AUTH_MARKER, False):
        return True
    return any(_guarded(sub) for sub in dependant.dependencies)


def _api_routes(routes: Sequence[BaseRoute]) -> list[APIRoute]:
    found: list[APIRoute] = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif hasattr(route, "original_router"):  # FastAPI's lazily included router
            found += _api_routes(route.original_router.routes)
    return found


def ensure_every_route_is_guarded(routers: Sequence[APIRouter]) -> None:
    """Default deny: every route must use ``require(...)`` or ``public()``; raise naming those that don't."""
    unguarded = [
        f"{sorted(route.methods or ())} {route.path}"
        for router in routers
        for route in _api_routes(router.routes)
        if not _guarded(route.dependant)
    ]
    if unguarded:
        raise RuntimeError("Routes without an access rule (use require(...) or public()): " + "; ".join(unguarded))


async def _purge_idempotency(app: FastAPI, table: Table) -> None:
    while True:
        await asyncio.sleep(PURGE_INTERVAL_SECONDS)
        try:
            async with app.state.sessionmaker() as session, session.begin():
                removed = await IdempotencyRepository(session, table).purge_expired()
            if removed:
                logger.info("expired idempotency keys removed", extra={"count": removed})
        except (SQLAlchemyError, OSError):
            logger.warning("idempotency purge failed", exc_info=True)
