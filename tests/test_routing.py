"""Routing per request (issue 17): an included router none of whose paths a request's path can be is passed over
at once (``vru_shared.app.skip_routers_that_cannot_match``), and every service still routes every path and method
to the router FastAPI's own matching chose — the same route, the same 404 and 405."""

from __future__ import annotations

import re
import sys
import uuid
from collections.abc import Iterator
from types import FrameType
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute, Match

from tests.security.inprocess import SERVICES, build_apps


@pytest.fixture(scope="module")
def apps(db_urls: dict[str, str]) -> dict[str, FastAPI]:
    return build_apps(db_urls)


def _scope(method: str, path: str) -> dict[str, Any]:
    return {"type": "http", "method": method, "path": path, "root_path": "", "headers": [], "query_string": b""}


def _included(app: FastAPI) -> list[BaseRoute]:
    return [route for route in app.router.routes if hasattr(route, "original_router")]


def _first(app: FastAPI, scope: dict[str, Any], *, as_fastapi: bool) -> tuple[int | None, int | None]:
    """The index of the first router matching in full, and of the first matching but for the method (405)."""
    full = partial = None
    for index, route in enumerate(_included(app)):
        match, _ = type(route).matches(route, scope) if as_fastapi else route.matches(scope)
        if match == Match.FULL and full is None:
            full = index
        if match == Match.PARTIAL and partial is None:
            partial = index
    return full, partial


def _paths(app: FastAPI) -> Iterator[tuple[str, str]]:
    for included in _included(app):
        for route in included.original_router.routes:  # type: ignore[attr-defined]
            assert isinstance(route, APIRoute)
            concrete = re.sub(r"\{[^}]+\}", str(uuid.uuid4()), route.path)
            for method in sorted(route.methods or ()):
                yield method, concrete
                yield method, concrete + "/more"
                yield method, concrete.rstrip("/") + "x"
            yield "DELETE", concrete  # often a 405


@pytest.mark.parametrize("service", SERVICES)
def test_every_path_is_routed_as_fastapi_routes_it(apps: dict[str, FastAPI], service: str) -> None:
    app = apps[service]
    checked = 0
    for method, path in [*_paths(app), ("GET", "/v1/nothing-here"), ("GET", "/"), ("POST", "/healthz")]:
        scope = _scope(method, path)
        assert _first(app, scope, as_fastapi=False) == _first(app, scope, as_fastapi=True), (method, path)
        checked += 1
    assert checked > 40


def test_a_referral_read_is_matched_against_its_own_router_only(apps: dict[str, FastAPI]) -> None:
    """FastAPI's route matching for ``GET /v1/referrals/{id}``, counted: the calls of its ``matches`` methods.
    Without the pre-filter 156: every route of every router tried (and FastAPI stops at the first only)."""
    app = apps["referrals"]
    scope = _scope("GET", f"/v1/referrals/{uuid.uuid4()}")
    calls = 0

    def count(frame: FrameType, event: str, arg: object) -> None:
        nonlocal calls
        if event == "call" and frame.f_code.co_name == "matches" and "fastapi" in frame.f_code.co_filename:
            calls += 1

    sys.setprofile(count)
    try:
        full, _ = _first(app, scope, as_fastapi=False)
    finally:
        sys.setprofile(None)
    assert full is not None
    assert calls <= 20, calls
