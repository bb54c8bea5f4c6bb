"""Resource limits (OWASP API4): page sizes capped on every list, bodies over the limit refused (413) in each
service and at the gateway, the bulk CSV route refusing a 50 MB file without holding it in memory, and token
requests with oversized fields refused before any password hashing."""

from __future__ import annotations

import base64
import os
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import auth, password_token
from tests.security.inprocess import SERVICES, Services
from tests.security.oas import PROBLEM_JSON, Operation
from tests.security.policy import PRINCIPALS, allowed
from tests.security.world import WORLDS, World, path_values, required_query
from vru_dev.platform import Platform

#: DESIGN §3: "`limit` capped (e.g. 200)".
PAGE_CAP = 200
MIB = 1024 * 1024


@pytest.fixture(scope="module")
async def worlds(services: Services) -> dict[str, World]:
    return {service: await WORLDS[service](services) for service in SERVICES}


def paged(all_operations: list[Operation]) -> list[Operation]:
    return [op for op in all_operations if any(p["name"] == "limit" for p in op.parameters("query"))]


def test_every_list_caps_its_page_size(all_operations: list[Operation]) -> None:
    lists = paged(all_operations)
    assert len(lists) > 40
    for op in lists:
        limit = next(p for p in op.parameters("query") if p["name"] == "limit")["schema"]
        assert limit.get("maximum", PAGE_CAP + 1) <= PAGE_CAP, str(op)
        assert limit.get("minimum", 0) >= 1, str(op)


#: Well-formed cursors this API never made: JSON lists of the wrong values, unsigned (was a 500 on every list).
FORGED_CURSORS = [
    base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
    for raw in (
        b"[null,null]",
        b'[{"dt":"1900-01-01T00:00:00"},{"u":"00000000-0000-0000-0000-000000000000"}]',
        b"[1e999]",
    )
]


async def test_a_cursor_this_api_did_not_make_is_400_on_every_list(
    services: Services, worlds: dict[str, World], all_operations: list[Operation]
) -> None:
    wrong: list[str] = []
    lists = [op for op in paged(all_operations) if any(p["name"] == "cursor" for p in op.parameters("query"))]
    assert len(lists) > 40
    for op in lists:
        principal = next(p for p in PRINCIPALS if allowed(op.service, op.method, op.path, p))
        path = op.path
        for name, value in path_values(op, worlds[op.service]).items():
            path = path.replace("{" + name + "}", value)
        for cursor in FORGED_CURSORS:
            params = {**required_query(op), "cursor": cursor}
            response = await services.call(op.service, "GET", path, principal, params=params)
            if response.status_code != 400 or not response.json()["type"].endswith("/bad-request"):
                wrong.append(f"{op} cursor={cursor[:20]}: {response.status_code} {response.text[:120]}")
    assert not wrong, "\n".join(wrong)


async def test_a_next_cursor_is_served_by_its_own_list(services: Services, worlds: dict[str, World]) -> None:
    """The other side of the forged-cursor check: the cursors the API makes still page."""
    principal = next(p for p in PRINCIPALS if allowed("referrals", "GET", "/v1/districts", p))
    first = await services.call("referrals", "GET", "/v1/districts", principal, params={"limit": 5})
    assert first.status_code == 200
    cursor = first.json()["next_cursor"]
    second = await services.call("referrals", "GET", "/v1/districts", principal, params={"limit": 5, "cursor": cursor})
    assert second.status_code == 200
    assert {d["code"] for d in second.json()["items"]}.isdisjoint({d["code"] for d in first.json()["items"]})
    elsewhere = await services.call("referrals", "GET", "/v1/forums", principal, params={"cursor": cursor})
    assert elsewhere.status_code == 400


async def test_a_limit_beyond_the_cap_is_422_and_the_cap_itself_is_served(
    services: Services, worlds: dict[str, World], all_operations: list[Operation]
) -> None:
    wrong: list[str] = []
    for op in paged(all_operations):
        principal = next(p for p in PRINCIPALS if allowed(op.service, op.method, op.path, p))
        path = op.path
        for name, value in path_values(op, worlds[op.service]).items():
            path = path.replace("{" + name + "}", value)
        cap = next(p for p in op.parameters("query") if p["name"] == "limit")["schema"]["maximum"]
        for limit, expected in ((cap + 1, 422), (0, 422), (10**9, 422), (cap, 200)):
            params = {**required_query(op), "limit": limit}
            response = await services.call(op.service, "GET", path, principal, params=params)
            if response.status_code != expected:
                wrong.append(f"{op} limit={limit} as {principal}: {response.status_code} {response.text[:120]}")
            elif expected == 422 and "limit" not in {e["field"] for e in response.json()["errors"]}:
                wrong.append(f"{op} limit={limit}: the 422 does not name `limit`")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("service", SERVICES)
async def test_each_service_refuses_a_body_over_its_limit(services: Services, service: str) -> None:
    """The services' own guard (behind the gateway's): 1 MiB by default, declared or streamed."""
    path = {
        "identity": "/v1/agencies",
        "referrals": "/v1/referrals",
        "funding": "/v1/grants",
        "etp_inventory": "/v1/sites",
        "notifications": "/v1/webhook-subscriptions",
    }[service]
    principal = {
        "identity": "admin",
        "referrals": "analyst",
        "funding": "director",
        "etp_inventory": "admin",
        "notifications": "admin",
    }[service]
    body = b'{"name": "' + b"x" * (2 * MIB) + b'"}'
    declared = await services.call(
        service, "POST", path, principal, content=body, headers={"Content-Type": "application/json"}
    )

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(body), 64 * 1024):
            yield body[start : start + 64 * 1024]

    streamed = await services.clients[service].post(
        path, content=chunks(), headers={**services.headers(principal), "Content-Type": "application/json"}
    )
    for response in (declared, streamed):
        assert response.status_code == 413, response.text
        assert response.headers["content-type"].startswith(PROBLEM_JSON)


async def test_token_fields_are_bounded(services: Services) -> None:
    """A 10,000-character password is refused as invalid input, never hashed (regression: it was unbounded)."""
    form = {"grant_type": "password", "username": "analyst@example.org", "password": "p" * 10_000}
    response = await services.clients["identity"].post("/oauth/token", data=form)
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"password"}
    long_scope = await services.clients["identity"].post(
        "/oauth/token", data={"grant_type": "client_credentials", "scope": "s " * 5000}, auth=("a", "b")
    )
    assert long_scope.status_code == 422


# --------------------------------------------------------------------------------------------------
# Through the gateway (the running platform)


def _rss(platform: Platform, name: str) -> int:
    """Resident memory of one of the platform's processes (Linux /proc)."""
    pages = Path(f"/proc/{platform.processes[name].pid}/statm").read_text().split()[1]
    return int(pages) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.e2e
def test_the_gateway_refuses_an_oversized_body_with_a_problem(gateway: httpx.Client) -> None:
    token = password_token(gateway, "coordinator.medway-swale@example.org")
    response = gateway.post(
        "/v1/referrals",
        content=b"{" + b" " * (2 * MIB) + b"}",
        headers={**auth(token), "Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert response.json()["status"] == 413
    assert response.headers["x-request-id"]


def _stream(total: int, chunk: int = MIB) -> Iterator[bytes]:
    header = b"crime_reference,occurred_at,district,category,role,given_name,family_name,age\n"
    row = b"46/1/26,2026-11-20T22:40:00Z,swale,robbery,victim,Alex,Example,19\n"
    block = header + row * ((chunk - len(header)) // len(row))
    sent = 0
    while sent < total:
        piece = block[: min(len(block), total - sent)]
        sent += len(piece)
        yield piece


@pytest.mark.e2e
@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
def test_a_50_mb_csv_is_refused_without_exhausting_memory(
    platform: Platform, gateway: httpx.Client, declared: bool
) -> None:
    """/v1/imports/ takes bodies up to 32 MiB (spilled to disk past 1 MiB): 50 MB is a 413 problem, and neither
    the gateway nor the referrals service grows by anything like the file's size."""
    token = password_token(gateway, "analyst@example.org")
    total = 50 * 1000 * 1000
    before = {name: _rss(platform, name) for name in ("gateway", "referrals")}
    headers = {**auth(token), "Content-Type": "text/csv"}
    if declared:
        headers["Content-Length"] = str(total)
    started = time.monotonic()
    try:
        response = gateway.post("/v1/imports/incidents.csv", content=_stream(total), headers=headers, timeout=60)
        status = response.status_code
        assert response.headers["content-type"].startswith(PROBLEM_JSON)
    except (httpx.WriteError, httpx.RemoteProtocolError, httpx.ReadError):
        status = 413  # the gateway answered and closed while the rest was still being sent
    assert status == 413
    assert time.monotonic() - started < 30
    growth = {name: _rss(platform, name) - before[name] for name in before}
    assert all(grown < 40 * MIB for grown in growth.values()), growth
    # nothing was imported
    analyst = password_token(gateway, "analyst@example.org")
    listed = gateway.get("/v1/incidents", params={"crime_reference": "46/1/26"}, headers=auth(analyst))
    assert listed.json()["items"] == []


@pytest.mark.e2e
def test_the_referrals_service_itself_refuses_50_mb_streamed(platform: Platform, gateway: httpx.Client) -> None:
    """Behind the gateway the service has its own limit on the import route (REFERRALS_IMPORT_MAX_BODY_BYTES)."""
    token = password_token(gateway, "analyst@example.org")
    before = _rss(platform, "referrals")
    with httpx.Client(base_url=platform.config.service_url("referrals"), timeout=60) as direct:
        try:
            response = direct.post(
                "/v1/imports/incidents.csv",
                content=_stream(50 * 1000 * 1000),
                headers={**auth(token), "Content-Type": "text/csv"},
            )
            status = response.status_code
        except (httpx.WriteError, httpx.RemoteProtocolError, httpx.ReadError):
            status = 413
    assert status == 413
    assert _rss(platform, "referrals") - before < 40 * MIB


async def test_a_query_parameter_an_operation_does_not_take_is_422_naming_it(
    services: Services, worlds: dict[str, World], all_operations: list[Operation]
) -> None:
    """A misspelt or unsupported filter (``?family_name=``, ``?category=``) was silently ignored and the whole
    list answered, so a person could act on the wrong child (issue 14): every operation refuses it, naming it."""
    wrong: list[str] = []
    for op in all_operations:
        principals = [p for p in PRINCIPALS if allowed(op.service, op.method, op.path, p)]
        if not principals or op.method != "GET":
            continue
        path = op.path
        for name, value in path_values(op, worlds[op.service]).items():
            path = path.replace("{" + name + "}", value)
        params = {**required_query(op), "family_name": "Okafor"}
        response = await services.call(op.service, "GET", path, principals[0], params=params)
        body = response.json() if response.headers.get("content-type", "").startswith("application/") else {}
        fields = [e.get("field") for e in body.get("errors", [])] if isinstance(body, dict) else []
        if response.status_code != 422 or not str(body.get("type", "")).endswith("/validation-error"):
            wrong.append(f"{op}: {response.status_code} {response.text[:120]}")
        elif "family_name" not in fields:
            wrong.append(f"{op}: 422 without naming the parameter: {fields}")
    assert len(all_operations) > 100
    assert not wrong, "\n".join(wrong)
