"""End to end: the real services (uvicorn processes) behind the real Traefik, on a real PostgreSQL,
started exactly as ``vru up`` starts them. Requests go through the gateway like a partner system's."""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any

import asyncpg
import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from vru_cli.deploy import SERVICES
from vru_dev.platform import Platform

from .conftest import auth, password_token

pytestmark = pytest.mark.e2e

PROBLEM = "application/problem+json"
DEV_PASSWORD = "vru-dev-password"
#: A protected read of each service, and a role that may not make it.
PROTECTED = {
    "identity": ("/v1/agencies", None),
    "referrals": ("/v1/districts", "guardian@example.org"),
    "funding": ("/v1/financial-years", "guardian@example.org"),
    "etp_inventory": ("/v1/component-types", "partner@example.org"),
    "notifications": ("/v1/webhook-subscriptions", "guardian@example.org"),
}
#: An analyst reads a list of each (notifications' lists are partner agencies' and administrators' own:
#: tests/test_webhooks_e2e.py).
ANALYST_READS = tuple(s for s in SERVICES if s != "notifications")


@pytest.fixture(scope="module")
def analyst(gateway: httpx.Client) -> str:
    return password_token(gateway, "analyst@example.org")


@pytest.fixture(scope="module")
def signing_key(platform: Platform) -> tuple[str, ec.EllipticCurvePrivateKey]:
    """The identity service's active key, read as its own role, to forge near-valid tokens."""

    async def read() -> tuple[str, str]:
        url = platform.service_db_urls["identity"].replace("postgresql+asyncpg://", "postgresql://")
        connection = await asyncpg.connect(url)
        try:
            row = await connection.fetchrow(
                "SELECT kid, private_key_pem FROM identity.signing_keys WHERE retired_at IS NULL"
            )
        finally:
            await connection.close()
        assert row is not None
        return str(row["kid"]), str(row["private_key_pem"])

    kid, pem = asyncio.run(read())
    key = load_pem_private_key(pem.encode(), password=b"dev-only-key-passphrase")
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    return kid, key


def test_client_credentials_token_through_the_gateway(gateway: httpx.Client) -> None:
    response = gateway.post(
        "/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=("police-crime-feed", "dev-only-police-feed-secret"),
    )
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 900
    assert response.headers["cache-control"] == "no-store"


@pytest.mark.parametrize("service", ANALYST_READS)
def test_protected_route_of_each_service(gateway: httpx.Client, analyst: str, service: str) -> None:
    path, _ = PROTECTED[service]
    response = gateway.get(path, headers=auth(analyst))
    assert response.status_code == 200, response.text
    assert response.json()["items"]
    request_id = response.headers["x-request-id"]
    assert uuid.UUID(request_id)  # made at the gateway, passed to the service and back


@pytest.mark.parametrize("service", SERVICES)
def test_no_token_is_401_problem(gateway: httpx.Client, service: str) -> None:
    response = gateway.get(PROTECTED[service][0])
    assert response.status_code == 401
    assert response.headers["content-type"] == PROBLEM
    assert response.headers["www-authenticate"].startswith("Bearer")


def forged(kind: str, platform: Platform, signing_key: tuple[str, ec.EllipticCurvePrivateKey]) -> str:
    kid, key = signing_key
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": platform.config.gateway_url,
        "aud": "vru-api",
        "sub": str(uuid.uuid4()),
        "iat": now,
        "exp": now + 600,
        "roles": ["admin", "analyst"],
        "kind": "person",
    }
    if kind == "expired":
        claims.update(iat=now - 3600, exp=now - 1800)
        return jwt.encode(claims, key, algorithm="ES256", headers={"kid": kid, "typ": "at+jwt"})
    if kind == "wrong audience":
        claims["aud"] = "another-api"
        return jwt.encode(claims, key, algorithm="ES256", headers={"kid": kid, "typ": "at+jwt"})
    if kind == "other key":
        other = ec.generate_private_key(ec.SECP256R1())
        return jwt.encode(claims, other, algorithm="ES256", headers={"kid": kid, "typ": "at+jwt"})
    assert kind == "alg none"
    return jwt.encode(claims, key=None, algorithm="none", headers={"kid": kid, "typ": "at+jwt"})  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", ["other key", "expired", "wrong audience", "alg none"])
@pytest.mark.parametrize("service", SERVICES)
def test_bad_tokens_are_401_at_every_service(
    gateway: httpx.Client,
    platform: Platform,
    signing_key: tuple[str, ec.EllipticCurvePrivateKey],
    kind: str,
    service: str,
) -> None:
    response = gateway.get(PROTECTED[service][0], headers=auth(forged(kind, platform, signing_key)))
    assert response.status_code == 401, f"{kind} at {service}: {response.text}"
    assert response.headers["content-type"] == PROBLEM


@pytest.mark.parametrize("service", ["referrals", "funding", "etp_inventory", "notifications"])
def test_role_without_access_is_403(gateway: httpx.Client, service: str) -> None:
    path, outsider = PROTECTED[service]
    assert outsider is not None
    response = gateway.get(path, headers=auth(password_token(gateway, outsider)))
    assert response.status_code == 403
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["type"].endswith("/forbidden")


def test_identity_admin_route_is_403_for_analyst(gateway: httpx.Client, analyst: str) -> None:
    response = gateway.post("/v1/agencies", json={"code": "x", "name": "X", "kind": "other"}, headers=auth(analyst))
    assert response.status_code == 403
    assert response.json()["type"].endswith("/forbidden")


def test_bad_body_is_422_naming_the_field(gateway: httpx.Client) -> None:
    admin = password_token(gateway, "admin@example.org")
    response = gateway.post(
        "/v1/agencies", json={"code": "new-agency", "name": "New", "kind": 42, "colour": "red"}, headers=auth(admin)
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    fields = {error["field"] for error in response.json()["errors"]}
    assert {"kind", "colour"} <= fields


@pytest.mark.parametrize("service", ["referrals", "funding", "etp_inventory"])
def test_bad_query_is_422_naming_the_field(gateway: httpx.Client, analyst: str, service: str) -> None:
    response = gateway.get(PROTECTED[service][0], params={"limit": "lots"}, headers=auth(analyst))
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["limit"]


def test_unknown_route_is_404_problem(gateway: httpx.Client, analyst: str) -> None:
    response = gateway.get("/v1/no-such-thing", headers=auth(analyst))
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["type"].endswith("/not-found")  # the generic slug: no record type names a route


def test_two_megabyte_body_is_413_at_the_gateway(gateway: httpx.Client, analyst: str) -> None:
    response = gateway.post(
        "/v1/agencies",
        content=b'{"name": "' + b"x" * 2_000_000 + b'"}',
        headers={**auth(analyst), "content-type": "application/json"},
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM


def test_merged_openapi_and_docs(gateway: httpx.Client) -> None:
    spec = gateway.get("/openapi.json").json()
    for path in ("/oauth/token", "/v1/districts", "/v1/financial-years", "/v1/component-types"):
        assert path in spec["paths"], path
    assert not spec["info"].get("x-unavailable")
    docs = gateway.get("/docs")
    assert docs.status_code == 200
    assert "/static/web/api-docs.js" in docs.text
    assert "'/openapi.json'" in gateway.get("/static/web/api-docs.js").text


def test_gateway_metrics(platform: Platform) -> None:
    response = httpx.get(f"http://{platform.config.host}:{platform.config.ports.gateway_internal}/metrics")
    assert "traefik_" in response.text


def test_police_feed_imports_through_the_gateway_and_coordinator_sees_the_review(gateway: httpx.Client) -> None:
    """The police system's client streams a CSV through Traefik; the review lands in the right queue."""
    token = gateway.post(
        "/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=("police-crime-feed", "dev-only-police-feed-secret"),
    ).json()["access_token"]
    header = "crime_reference,occurred_at,district,category,weapon_knife,weapon_firearm,location,role,"
    header += "police_person_id,given_name,family_name,date_of_birth,age,home_district\n"
    rows = [header]
    for i in range(12_000):  # ~1.5 MB: past the 1 MiB limit of ordinary routes
        rows.append(f"46/9{i:05d}/26,2026-11-20T22:40:00Z,swale,public-order,false,false,Somewhere,")
        rows.append(f"witness,,Pat{i},Adult,,40,swale\n")
    rows.append("46/800001/26,2026-11-20T22:40:00Z,swale,robbery,true,false,High Street,victim,")
    rows.append("KP-E2E-1,Alex,Example,2002-03-14,,swale\n")
    body = "".join(rows).encode()
    assert len(body) > 1_048_576
    imported = gateway.post(
        "/v1/imports/incidents.csv",
        content=body,
        headers={**auth(token), "Content-Type": "text/csv"},
        timeout=60,
    )
    assert imported.status_code == 413  # more than 10,000 reports in one request
    small = header + "46/800001/26,2026-11-20T22:40:00Z,swale,robbery,true,false,High Street,victim,"
    small += "KP-E2E-1,Alex,Example,2002-03-14,,swale\n"
    imported = gateway.post(
        "/v1/imports/incidents.csv", content=small.encode(), headers={**auth(token), "Content-Type": "text/csv"}
    )
    assert imported.status_code == 200, imported.text
    assert imported.json()["created"] == 1
    refused = gateway.get("/v1/reviews", headers=auth(token))
    assert refused.status_code == 403  # ingest only: reads nothing
    assert refused.json()["type"].endswith("/forbidden")
    coordinator = password_token(gateway, "coordinator.medway-swale@example.org")
    reviews = gateway.get("/v1/reviews", params={"district": "swale"}, headers=auth(coordinator))
    assert reviews.status_code == 200
    assert reviews.json()["items"]
