"""The web service: the unit's staff and partners use the platform in a browser.

A backend-for-frontend. People sign in with the identity service; the access token stays here, in the
session store, and the browser holds only an opaque HttpOnly cookie. Every page calls the platform's API
through the gateway with the person's own token, so the API's rules and audit apply unchanged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from datetime import timedelta
from urllib.parse import quote

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vru_shared.auth import TokenVerifier
from vru_shared.background import every
from vru_shared.db import create_engine, create_sessionmaker
from vru_shared.http_client import create_http_client
from vru_shared.logging import configure_logging
from vru_shared.observability import RequestContextMiddleware, metrics_endpoint
from vru_shared.tracing import configure_tracing, instrument_app
from web import pages
from web.api import ApiProblem
from web.dependencies import CsrfRefused
from web.rendering import SignInRequired, render
from web.session.service import COOKIE, Sessions
from web.settings import WebSettings, get_settings

logger = logging.getLogger("web")

#: No origin but this one, and no inline script or style (WCAG-friendly GOV.UK Frontend needs neither).
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; manifest-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


class SecurityHeadersMiddleware:
    """The page's own CSP and headers (the gateway sets them too; the service is safe without it)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class CachedStaticFiles(StaticFiles):
    """Versioned vendor assets: cacheable for an hour (pages stay ``no-store``)."""

    def file_response(self, *args, **kwargs) -> Response:  # type: ignore[no-untyped-def]
        response = super().file_response(*args, **kwargs)
        response.headers["Cache-Control"] = "public, max-age=3600"
        return response


def create_app(settings: WebSettings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.service_name, settings.log_level)
    configure_tracing(settings.service_name)
    govuk = settings.node_modules / "govuk-frontend" / "dist" / "govuk"
    htmx = settings.node_modules / "htmx.org" / "dist"
    swagger_ui = settings.node_modules / "swagger-ui-dist"
    wanted = (govuk / "govuk-frontend.min.css", htmx / "htmx.min.js", swagger_ui / "swagger-ui-bundle.js")
    if not all(path.is_file() for path in wanted):
        raise RuntimeError(f"the front end's assets are not installed in {settings.node_modules}: run ./vru (npm ci)")

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(settings)
        app.state.sessionmaker = create_sessionmaker(engine)
        async with (
            create_http_client(
                base_url=str(settings.api_url).rstrip("/"),
                timeout=settings.http_timeout_seconds * 6,  # an import of a day's file takes a while
                follow_redirects=False,
                limits=httpx.Limits(max_connections=100, max_keepalive_connections=20),
            ) as api_http,
            create_http_client(follow_redirects=False) as jwks_http,
        ):
            app.state.api_http = api_http
            app.state.token_verifier = TokenVerifier(settings.trusted_issuers, jwks_http, settings.jwks_cache_seconds)

            async def purge() -> None:
                async with app.state.sessionmaker() as db, db.begin():
                    await app.state.sessions.purge(db)

            purger = asyncio.create_task(every(300, purge, what="session purge", logger=logger))
            try:
                yield
            finally:
                purger.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await purger
                await engine.dispose()

    app = FastAPI(
        title="VRU Platform",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        redirect_slashes=False,
    )
    app.state.settings = settings
    app.state.sessions = Sessions(
        settings.session_key.get_secret_value(), timedelta(minutes=settings.session_idle_minutes)
    )

    app.mount("/assets", CachedStaticFiles(directory=govuk / "assets"), name="assets")
    app.mount("/static/govuk", CachedStaticFiles(directory=govuk), name="govuk")
    app.mount("/static/htmx", CachedStaticFiles(directory=htmx), name="htmx")
    app.mount("/static/swagger-ui", CachedStaticFiles(directory=swagger_ui), name="swagger-ui")
    app.mount("/static/web", CachedStaticFiles(packages=[("web", "static")]), name="web-static")
    for router in pages.routers():
        app.include_router(router)
    app.add_api_route("/metrics", metrics_endpoint, include_in_schema=False)
    app.add_api_route("/healthz", lambda: {"status": "ok"}, include_in_schema=False)
    app.add_api_route("/readyz", lambda: {"status": "ok"}, include_in_schema=False)

    @app.exception_handler(SignInRequired)
    async def sign_in_first(request: Request, exc: SignInRequired) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if request.headers.get("hx-request"):  # htmx: take the whole page to the sign-in
            return Response(status_code=401, headers={"HX-Redirect": f"/sign-in?next={quote(target)}"})
        return RedirectResponse(f"/sign-in?next={quote(target)}", status_code=303)

    @app.exception_handler(CsrfRefused)
    async def csrf_refused(request: Request, exc: CsrfRefused) -> HTMLResponse:
        person = getattr(request.state, "person", None)
        return render(request, "errors/csrf.html", person=person, status_code=403)

    @app.exception_handler(ApiProblem)
    async def api_problem(request: Request, exc: ApiProblem) -> Response:
        person = getattr(request.state, "person", None)
        if exc.status == 401:  # the token expired or was revoked: the session is over
            async with request.app.state.sessionmaker() as db, db.begin():
                await request.app.state.sessions.end(db, request.cookies.get(COOKIE))
            response = RedirectResponse("/sign-in?expired=1", status_code=303)
            response.delete_cookie(COOKIE, path="/")
            return response
        template = {403: "errors/forbidden.html", 404: "errors/not_found.html"}.get(exc.status, "errors/problem.html")
        status = exc.status if exc.status in (403, 404, 409, 412, 422, 429) else 503
        return render(request, template, person=person, status_code=status, problem=exc)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        person = getattr(request.state, "person", None)
        template = "errors/not_found.html" if exc.status_code == 404 else "errors/problem.html"
        return render(request, template, person=person, status_code=exc.status_code)

    # Outermost first: request id and access log, then the security headers on every answer.
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(RequestContextMiddleware, service=settings.service_name)
    instrument_app(app)  # outermost, when tracing is on: the page's server span
    return app
