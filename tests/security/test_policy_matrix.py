"""Route-level authorization of every operation of every service, against the declared policy (OWASP API5
BFLA, API2 broken authentication): no token or a bad one is 401 everywhere but the public routes; each
principal of the design gets past exactly the routes the policy gives it, and 403 elsewhere."""

from __future__ import annotations

import base64
import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jwt
from cryptography.hazmat.primitives.asymmetric import ec
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

from tests.security.inprocess import SERVICES, Services, build_apps
from tests.security.oas import COUNTED, PROBLEM_JSON, Operation
from tests.security.policy import HIDDEN_ROUTES, POLICY, PRINCIPALS, PUBLIC, allowed, render_table
from vru_dev.testing import TestIssuer
from vru_shared.revocation import Revocations, Snapshot


def _routes(routes: list[BaseRoute]) -> Iterator[APIRoute]:
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif hasattr(route, "original_router"):
            yield from _routes(route.original_router.routes)


class TestPolicyCoversEveryOperation:
    def test_every_operation_has_a_policy(self, all_operations: list[Operation]) -> None:
        missing = [str(op) for op in all_operations if op.key not in POLICY[op.service]]
        documented = {(op.service, op.key) for op in all_operations}
        stale = [f"{s} {m} {p}" for s in POLICY for (m, p) in POLICY[s] if (s, (m, p)) not in documented]
        assert not missing, "operations without an entry in tests/security/policy.py:\n" + "\n".join(missing)
        assert not stale, "policy entries for operations that no longer exist:\n" + "\n".join(stale)
        for service in SERVICES:
            COUNTED[service] = sum(1 for op in all_operations if op.service == service)
        print(f"\nsecurity policy: {len(all_operations)} operations in {len(SERVICES)} services: {COUNTED}")

    def test_every_hidden_route_is_declared(self, db_urls: dict[str, str]) -> None:
        """A route left out of the OpenAPI document escapes this suite's enumeration: each must be listed."""
        for service, app in build_apps(db_urls).items():
            hidden = {(m, r.path) for r in _routes(app.routes) if not r.include_in_schema for m in r.methods or ()}
            hidden -= {("HEAD", p) for _, p in hidden}
            assert hidden == set(HIDDEN_ROUTES[service]), service

    def test_openapi_states_security_as_the_policy_does(self, all_operations: list[Operation]) -> None:
        wrong = []
        for op in all_operations:
            access = POLICY[op.service][op.key]
            statuses = op.statuses()
            if access == PUBLIC:
                if not op.public:
                    wrong.append(f"{op}: public in the policy, but asks for a bearer token")
                continue
            if op.op.get("security") != [{"HTTPBearer": []}]:
                wrong.append(f"{op}: no HTTPBearer security in OpenAPI")
            if 401 not in statuses:
                wrong.append(f"{op}: 401 not documented")
            if set(PRINCIPALS) - set(access) and 403 not in statuses:
                wrong.append(f"{op}: 403 not documented")
        assert not wrong, "\n".join(wrong)


# --------------------------------------------------------------------------------------------------
# Requests as each principal


def request_for(op: Operation) -> dict[str, Any]:
    """A request for the route check: made-up ids and an empty body, so it never succeeds in changing
    anything; what matters is whether the route lets the caller in."""
    path = op.path
    for name in op.path_params:
        param = next((p for p in op.parameters("path") if p["name"] == name), {})
        fmt = param.get("schema", {}).get("format")
        path = path.replace("{" + name + "}", str(uuid.uuid4()) if fmt == "uuid" else "security-unknown")
    kwargs: dict[str, Any] = {"method": op.method, "url": path, "headers": {}}
    body = op.body()
    if body is not None:
        media_type, _ = body
        kwargs["headers"]["Content-Type"] = media_type
        kwargs["content"] = b"{}" if media_type == "application/json" else b""
    return kwargs


def problem_type(response: httpx.Response) -> str:
    """The problem ``type`` of a problem+json response ("" for any other body)."""
    if not response.headers.get("content-type", "").startswith(PROBLEM_JSON):
        return ""
    value = response.json().get("type")
    return value if isinstance(value, str) else ""


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def bad_tokens(issuer: TestIssuer) -> dict[str, str]:
    """Authorization header values that must never be accepted."""
    now = int(time.time())
    roles = ["admin", "analyst", "auditor", "programme_officer", "csp_officer", "guardian"]
    claims = {"roles": roles}
    unsigned = (
        _b64({"alg": "none", "typ": "JWT", "kid": issuer.kid})
        + "."
        + _b64({"iss": issuer.issuer, "aud": issuer.audience, "sub": "x", "iat": now, "exp": now + 600, **claims})
    )
    hs256 = jwt.encode(
        {"iss": issuer.issuer, "aud": issuer.audience, "sub": "x", "iat": now, "exp": now + 600, **claims},
        "not-the-key-" * 4,
        algorithm="HS256",
        headers={"kid": issuer.kid},
    )
    unknown_kid = jwt.encode(
        {"iss": issuer.issuer, "aud": issuer.audience, "sub": "x", "iat": now, "exp": now + 600, **claims},
        issuer.key,
        algorithm="ES256",
        headers={"kid": "security-unknown-kid"},
    )
    return {
        "expired": "Bearer " + issuer.token(ttl=-3600, roles=roles),
        "foreign key": "Bearer " + issuer.token(key=ec.generate_private_key(ec.SECP256R1()), roles=roles),
        "unknown kid": "Bearer " + unknown_kid,
        "wrong audience": "Bearer " + issuer.token(audience="another-api", roles=roles),
        "untrusted issuer": "Bearer " + issuer.token(issuer="http://issuer.example.org", roles=roles),
        "not yet valid": "Bearer " + issuer.token(roles=roles, nbf=now + 3600, iat=now + 3600),
        "alg none": "Bearer " + unsigned + ".",
        "alg HS256": "Bearer " + hs256,
        "malformed": "Bearer not-a-jwt",
        "empty bearer": "Bearer ",
        "basic scheme": "Basic " + base64.b64encode(b"admin:admin").decode(),
    }


async def test_no_token_or_a_bad_token_is_401_everywhere_but_public_routes(
    services: Services, all_operations: list[Operation]
) -> None:
    variants: dict[str, str | None] = {"no token": None, **bad_tokens(services.issuer)}
    wrong: list[str] = []
    checked = 0
    for op in all_operations:
        if POLICY[op.service][op.key] == PUBLIC:
            continue
        for label, value in variants.items():
            kwargs = request_for(op)
            if value is not None:
                kwargs["headers"]["Authorization"] = value
            response = await services.clients[op.service].request(**kwargs)
            checked += 1
            if response.status_code != 401 or not response.headers["content-type"].startswith(PROBLEM_JSON):
                wrong.append(f"{op} [{label}]: {response.status_code} {response.text[:120]}")
            elif "bearer" not in response.headers.get("www-authenticate", "").lower():
                wrong.append(f"{op} [{label}]: 401 without WWW-Authenticate: Bearer")
    assert checked > 1000
    assert not wrong, f"{len(wrong)} of {checked}:\n" + "\n".join(wrong[:40])


async def test_a_revoked_token_is_401_token_revoked_on_every_route_that_takes_one(
    services: Services, all_operations: list[Operation]
) -> None:
    """A valid token with every role and scope, issued before its subject was revoked (deactivated, changed): every
    non-public operation of every service refuses it with 401 ``token-revoked`` — not only some routes."""
    now = int(time.time())
    revoked = "security-revoked-subject"
    roles = sorted({role for p in PRINCIPALS.values() for role in p.roles})
    scopes = sorted({scope for p in PRINCIPALS.values() for scope in p.scopes})
    token = services.issuer.token(sub=revoked, roles=roles, scopes=scopes, iat=now - 5)

    async def source(etag: str | None) -> Snapshot:
        return Snapshot({revoked: now})

    saved = {service: app.state.revocations for service, app in services.apps.items()}
    wrong: list[str] = []
    checked = 0
    try:
        for app in services.apps.values():
            app.state.revocations = Revocations(source)
            await app.state.revocations.refresh()
        for op in all_operations:
            if POLICY[op.service][op.key] == PUBLIC:
                continue
            kwargs = request_for(op)
            kwargs["headers"]["Authorization"] = f"Bearer {token}"
            response = await services.clients[op.service].request(**kwargs)
            checked += 1
            if response.status_code != 401 or not problem_type(response).endswith("/token-revoked"):
                wrong.append(f"{op}: {response.status_code} {response.text[:120]}")
    finally:
        for service, app in services.apps.items():
            app.state.revocations = saved[service]
    assert checked > 150
    assert not wrong, f"{len(wrong)} of {checked}:\n" + "\n".join(wrong[:40])


async def test_public_routes_need_no_token(services: Services, all_operations: list[Operation]) -> None:
    for op in all_operations:
        if POLICY[op.service][op.key] != PUBLIC:
            continue
        response = await services.clients[op.service].request(**request_for(op))
        assert response.status_code not in (401, 403), (str(op), response.status_code)
        assert response.status_code < 500, (str(op), response.text)


async def test_each_principal_gets_exactly_the_routes_the_policy_gives_it(
    services: Services, all_operations: list[Operation]
) -> None:
    tokens = {name: services.headers(name)["Authorization"] for name in PRINCIPALS}
    wrong: list[str] = []
    checked = 0
    for op in all_operations:
        if POLICY[op.service][op.key] == PUBLIC:
            continue
        for name, token in tokens.items():
            kwargs = request_for(op)
            kwargs["headers"]["Authorization"] = token
            response: httpx.Response = await services.clients[op.service].request(**kwargs)
            checked += 1
            status = response.status_code
            if status >= 500:
                wrong.append(f"{op} as {name}: {status} {response.text[:200]}")
            elif allowed(op.service, op.method, op.path, name):
                if status in (401, 403):
                    wrong.append(f"{op} as {name}: {status}, the policy allows it: {response.text[:160]}")
                elif status == 404 and problem_type(response).endswith("/not-found"):
                    # the made-up id must be a missing record of the route's own kind, not a missing route
                    wrong.append(f"{op} as {name}: 404 with the unknown-route slug: {response.text[:160]}")
            elif (
                status != 403
                or not response.headers["content-type"].startswith(PROBLEM_JSON)
                or not problem_type(response).endswith("/forbidden")
            ):
                wrong.append(f"{op} as {name}: {status}, the policy says 403 (forbidden): {response.text[:160]}")
    print(f"\nroute matrix: {checked} requests")
    assert not wrong, f"{len(wrong)} of {checked}:\n" + "\n".join(wrong[:60])


def test_the_table_in_docs_is_the_policy() -> None:
    """docs/security.md shows this table; regenerate it with `.venv/bin/python -m tests.security.policy`."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "security.md").read_text(encoding="utf-8")
    shown = text.split("<!-- policy-table:start -->")[1].split("<!-- policy-table:end -->")[0].strip()
    assert shown == render_table(), "docs/security.md's policy table is out of date: regenerate it"
