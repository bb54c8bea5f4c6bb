"""Who is signed in, their API client, and the CSRF check every form goes through."""

from __future__ import annotations

import hmac
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, Request
from starlette.datastructures import FormData

from web.api import Api
from web.rendering import SignInRequired
from web.session.service import COOKIE, Sessions, SignedIn


class CsrfRefused(Exception):
    """A form without this session's CSRF token, or from another origin."""


async def current_person(request: Request) -> SignedIn:
    sessions: Sessions = request.app.state.sessions
    async with request.app.state.sessionmaker() as db, db.begin():
        person = await sessions.find(db, request.cookies.get(COOKIE))
    if person is None:
        raise SignInRequired
    request.state.person = person
    return person


Person = Annotated[SignedIn, Depends(current_person)]


async def maybe_person(request: Request) -> SignedIn | None:
    """For the public pages: who is signed in, if anyone."""
    try:
        return await current_person(request)
    except SignInRequired:
        return None


MaybePerson = Annotated[SignedIn | None, Depends(maybe_person)]


def api_for(request: Request, person: Person) -> Api:
    return Api(request.app.state.api_http, person.token)


PersonApi = Annotated[Api, Depends(api_for)]


def same_origin(request: Request) -> bool:
    """A form posted from this site: ``Origin`` (or, without it, ``Referer``) names the host the page came from."""
    source = request.headers.get("origin") or request.headers.get("referer")
    if not source:
        return False
    host = request.headers.get("x-forwarded-host") or request.headers.get("host", "")
    return urlsplit(source).netloc == host


async def checked_form(request: Request, expected: str) -> FormData:
    """The posted form, after the CSRF check: the token of this session in the form, and the same origin."""
    form = await request.form(max_files=1, max_fields=200)
    given = form.get("csrf_token")
    if not isinstance(given, str) or not hmac.compare_digest(given, expected) or not same_origin(request):
        raise CsrfRefused
    return form


async def person_form(request: Request, person: Person) -> FormData:
    return await checked_form(request, person.csrf_token)


Form = Annotated[FormData, Depends(person_form)]
