"""Signing in with the identity service (through the gateway) and signing out."""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from vru_shared.problems import Unauthorized
from web.api import Api, ApiProblem
from web.dependencies import Form, checked_form
from web.rendering import render
from web.session.service import COOKIE, Sessions

router = APIRouter(include_in_schema=False)
#: Before there is a session, the sign-in form's CSRF token is a cookie of its own (double submit).
SIGN_IN_CSRF = "vru_sign_in"


def safe_next(target: str | None) -> str:
    """Only a path of this site (never ``//host`` or a URL): no open redirect after signing in."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _sign_in_page(request: Request, *, next_path: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    token = secrets.token_urlsafe(32)
    response = render(
        request, "sign_in.html", status_code=status_code, csrf_token=token, next_path=next_path, **context
    )
    response.set_cookie(
        SIGN_IN_CSRF,
        token,
        httponly=True,
        secure=request.app.state.settings.cookie_secure,
        samesite="strict",
        path="/sign-in",
        max_age=3600,
    )
    return response


@router.get("/sign-in")
async def sign_in_page(
    request: Request,
    next: Annotated[str | None, Query(max_length=500)] = None,
    expired: Annotated[str | None, Query(max_length=1)] = None,
    signed_out: Annotated[str | None, Query(max_length=1)] = None,
) -> HTMLResponse:
    return _sign_in_page(request, next_path=safe_next(next), expired=bool(expired), signed_out=bool(signed_out))


@router.post("/sign-in")
async def sign_in(request: Request) -> Response:
    form = await checked_form(request, request.cookies.get(SIGN_IN_CSRF) or secrets.token_urlsafe(32))
    email = str(form.get("email") or "").strip()
    password = str(form.get("password") or "")
    next_path = safe_next(str(form.get("next") or "/"))
    errors: dict[str, str] = {}
    if not email:
        errors["email"] = "Enter your email address"
    if not password:
        errors["password"] = "Enter your password"
    if errors:
        return _sign_in_page(request, next_path=next_path, status_code=400, errors=errors, email=email)
    api = Api(request.app.state.api_http, None)
    try:
        response = await api.call(
            "POST",
            "/oauth/token",
            data={"grant_type": "password", "username": email[:254], "password": password[:1024]},
        )
    except ApiProblem as problem:
        if problem.status in (400, 401):
            errors["email"] = "The email address or password is not correct"
        elif problem.status in (429, 503):
            errors["email"] = "Too many attempts to sign in. Wait a minute, then try again"
        else:
            errors["email"] = "Signing in is not working at the moment. Try again later"
        return _sign_in_page(request, next_path=next_path, status_code=problem.status, errors=errors, email=email)
    grant = response.json()
    try:
        principal = await request.app.state.token_verifier.verify(grant["access_token"])
    except Unauthorized:
        errors["email"] = "Signing in is not working at the moment. Try again later"
        return _sign_in_page(request, next_path=next_path, status_code=503, errors=errors, email=email)
    sessions: Sessions = request.app.state.sessions
    async with request.app.state.sessionmaker() as db, db.begin():
        await sessions.end(db, request.cookies.get(COOKIE))  # a new id on every sign-in
        cookie, _ = await sessions.start(db, principal, grant["access_token"], int(grant["expires_in"]))
    redirect = RedirectResponse(next_path, status_code=303)
    redirect.set_cookie(
        COOKIE,
        cookie,
        httponly=True,
        secure=request.app.state.settings.cookie_secure,
        samesite="lax",
        path="/",
    )
    redirect.delete_cookie(SIGN_IN_CSRF, path="/sign-in")
    return redirect


@router.post("/sign-out")
async def sign_out(request: Request, form: Form) -> Response:
    async with request.app.state.sessionmaker() as db, db.begin():
        await request.app.state.sessions.end(db, request.cookies.get(COOKIE))
    response = RedirectResponse("/sign-in?signed_out=1", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response
