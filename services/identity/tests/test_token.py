"""The OAuth2 token endpoint: client credentials, password, throttled failures; what the tokens say."""

from __future__ import annotations

import asyncio

import httpx
import jwt
import pytest
from fastapi import FastAPI

from identity.main import create_app
from identity.seed import POLICE_FEED_SECRET, DevCredential, seed_id
from identity.settings import IdentitySettings
from identity.token.throttle import failed_login_delay
from vru_dev.kits.identity import client_token, password_token
from vru_dev.testing import TestIssuer, running_app
from vru_shared.auth import PrincipalKind, TokenVerifier
from vru_shared.kent_medway import DISTRICT_CODES

ADMIN = {"roles": ["admin"]}


def problem(response: httpx.Response, status: int, error: str) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, object] = response.json()
    assert body["status"] == status
    assert body["error"] == error
    return body


class TestClientCredentials:
    async def test_valid_with_basic(
        self, client: httpx.AsyncClient, seeded: list[DevCredential], verifier: TokenVerifier
    ) -> None:
        response = await client_token(client, "police-crime-feed", POLICE_FEED_SECRET)
        assert response.status_code == 200, response.text
        assert response.headers["cache-control"] == "no-store"
        body = response.json()
        assert body["token_type"] == "Bearer"
        assert body["expires_in"] == 900
        assert body["scope"] == "incidents:ingest"

        principal = await verifier.verify(body["access_token"])
        assert principal.kind is PrincipalKind.CLIENT
        assert principal.subject == str(seed_id("client", "police-crime-feed"))
        assert principal.client_id == "police-crime-feed"
        assert principal.agency_id == seed_id("agency", "kent-police")
        assert principal.roles == frozenset()  # the police feed only ingests: no role
        assert principal.districts == set(DISTRICT_CODES)
        assert principal.scopes == {"incidents:ingest"}
        assert principal.issuer == "http://vru.test"

    async def test_valid_with_form_fields(self, client: httpx.AsyncClient, seeded: list[DevCredential]) -> None:
        response = await client.post(
            "/oauth/token",
            data={
                "grant_type": "client_credentials",
                "client_id": "police-crime-feed",
                "client_secret": POLICE_FEED_SECRET,
            },
        )
        assert response.status_code == 200, response.text

    async def test_wrong_secret(self, client: httpx.AsyncClient, seeded: list[DevCredential]) -> None:
        wrong = await client_token(client, "police-crime-feed", "not-the-secret")
        body = problem(wrong, 401, "invalid_client")
        assert wrong.headers["www-authenticate"].startswith("Basic")
        unknown = await client_token(client, "no-such-client", "whatever")
        assert problem(unknown, 401, "invalid_client")["detail"] == body["detail"]

    async def test_no_client_authentication(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/oauth/token", data={"grant_type": "client_credentials"})
        problem(response, 401, "invalid_client")

    async def test_two_authentication_methods(self, client: httpx.AsyncClient, seeded: list[DevCredential]) -> None:
        response = await client.post(
            "/oauth/token",
            data={"grant_type": "client_credentials", "client_id": "police-crime-feed", "client_secret": "x"},
            auth=("police-crime-feed", POLICE_FEED_SECRET),
        )
        problem(response, 400, "invalid_request")

    async def test_scope_narrowing(
        self, client: httpx.AsyncClient, issuer: TestIssuer, seeded: list[DevCredential], verifier: TokenVerifier
    ) -> None:
        created = await client.post(
            "/v1/clients",
            json={
                "client_id": "case-system",
                "name": "Partner case system",
                "agency_id": str(seed_id("agency", "youth-justice-service")),
                "roles": ["partner_agency"],
                "scopes": ["referrals:read", "referrals:write"],
            },
            headers=issuer.headers(**ADMIN),
        )
        assert created.status_code == 201, created.text
        secret = created.json()["client_secret"]

        everything = await client_token(client, "case-system", secret)
        assert everything.json()["scope"] == "referrals:read referrals:write"
        narrowed = await client_token(client, "case-system", secret, scope="referrals:read")
        assert narrowed.status_code == 200
        assert narrowed.json()["scope"] == "referrals:read"
        assert (await verifier.verify(narrowed.json()["access_token"])).scopes == {"referrals:read"}

        wider = await client_token(client, "case-system", secret, scope="referrals:read grants:approve")
        assert "grants:approve" in str(problem(wider, 400, "invalid_scope")["detail"])

    async def test_inactive_client(
        self, client: httpx.AsyncClient, issuer: TestIssuer, seeded: list[DevCredential]
    ) -> None:
        client_uuid = seed_id("client", "police-crime-feed")
        current = await client.get(f"/v1/clients/{client_uuid}", headers=issuer.headers(**ADMIN))
        patched = await client.patch(
            f"/v1/clients/{client_uuid}",
            json={"active": False},
            headers=issuer.headers(**ADMIN) | {"If-Match": current.headers["etag"]},
        )
        assert patched.status_code == 200
        response = await client_token(client, "police-crime-feed", POLICE_FEED_SECRET)
        assert "deactivated" in str(problem(response, 401, "invalid_client")["detail"])


class TestGrantTypes:
    async def test_missing_grant_type(self, client: httpx.AsyncClient) -> None:
        problem(await client.post("/oauth/token", data={}), 400, "invalid_request")

    async def test_unsupported_grant_type(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/oauth/token", data={"grant_type": "authorization_code", "code": "x"})
        problem(response, 400, "unsupported_grant_type")

    async def test_json_body_is_not_a_token_request(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/oauth/token", json={"grant_type": "client_credentials"})
        problem(response, 400, "invalid_request")

    async def test_password_grant_disabled(
        self, settings: IdentitySettings, issuer: TestIssuer, db_urls: dict[str, str]
    ) -> None:
        app = create_app(settings.model_copy(update={"password_grant_enabled": False}))
        async with running_app(app, issuer, db_urls["identity"]) as client:
            response = await password_token(client, "analyst@example.org")
            problem(response, 400, "unsupported_grant_type")
            discovery = (await client.get("/.well-known/openid-configuration")).json()
            assert discovery["grant_types_supported"] == ["client_credentials"]


class TestPasswordGrant:
    async def test_logging_in_leaves_the_accounts_version(
        self, client: httpx.AsyncClient, seeded: list[DevCredential], issuer: TestIssuer
    ) -> None:
        """An administrator's ETag for a person stays valid while that person logs in (or fails to)."""
        url = f"/v1/people/{seed_id('person', 'analyst@example.org')}"
        admin = issuer.headers(roles=["admin"])
        etag = (await client.get(url, headers=admin)).headers["etag"]
        assert (await password_token(client, "analyst@example.org", "wrong password")).status_code == 400
        assert (await password_token(client, "analyst@example.org")).status_code == 200
        read = await client.get(url, headers=admin)
        assert read.headers["etag"] == etag
        assert read.json()["last_login_at"] is not None
        assert read.json()["failed_attempts"] == 0
        changed = await client.patch(url, json={"display_name": "Analyst"}, headers={**admin, "If-Match": etag})
        assert changed.status_code == 200

    async def test_valid(
        self, app: FastAPI, client: httpx.AsyncClient, seeded: list[DevCredential], verifier: TokenVerifier
    ) -> None:
        response = await password_token(client, "coordinator.medway-swale@example.org")
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["scope"] == ""
        token = body["access_token"]

        principal = await verifier.verify(token)
        assert principal.kind is PrincipalKind.PERSON
        assert principal.subject == str(seed_id("person", "coordinator.medway-swale@example.org"))
        assert principal.roles == {"coordinator"}
        assert principal.districts == {"medway", "swale"}
        assert principal.agency_id == seed_id("agency", "vru")
        assert principal.client_id is None

        header = jwt.get_unverified_header(token)
        claims = jwt.decode(token, options={"verify_signature": False})
        assert header["alg"] == "ES256"
        jwks = (await client.get("/.well-known/jwks.json")).json()
        assert header["kid"] in {k["kid"] for k in jwks["keys"]}
        assert claims["iss"] == "http://vru.test"
        assert claims["aud"] == "vru-api"
        assert claims["kind"] == "person"
        assert claims["exp"] - claims["iat"] == 900
        assert claims["nbf"] == claims["iat"]
        assert claims["jti"]
        assert (
            claims["jti"]
            != jwt.decode(
                (await password_token(client, "coordinator.medway-swale@example.org")).json()["access_token"],
                options={"verify_signature": False},
            )["jti"]
        )

    async def test_email_is_case_insensitive(self, client: httpx.AsyncClient, seeded: list[DevCredential]) -> None:
        response = await password_token(client, "Analyst@Example.ORG")
        assert response.status_code == 200, response.text

    async def test_wrong_password_and_unknown_person_look_alike(
        self, client: httpx.AsyncClient, seeded: list[DevCredential]
    ) -> None:
        wrong = problem(await password_token(client, "analyst@example.org", "not-the-password"), 400, "invalid_grant")
        unknown = problem(await password_token(client, "nobody@example.org", "not-the-password"), 400, "invalid_grant")
        assert wrong["detail"] == unknown["detail"]
        assert wrong["type"] == unknown["type"]

    async def test_missing_password(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/oauth/token", data={"grant_type": "password", "username": "a@example.org"})
        problem(response, 400, "invalid_request")

    async def test_people_cannot_ask_for_scopes(self, client: httpx.AsyncClient, seeded: list[DevCredential]) -> None:
        response = await client.post(
            "/oauth/token",
            data={
                "grant_type": "password",
                "username": "analyst@example.org",
                "password": "vru-dev-password",
                "scope": "incidents:ingest",
            },
        )
        problem(response, 400, "invalid_scope")

    async def test_failures_are_counted_and_success_resets(
        self, client: httpx.AsyncClient, issuer: TestIssuer, seeded: list[DevCredential]
    ) -> None:
        url = f"/v1/people/{seed_id('person', 'analyst@example.org')}"
        for _ in range(2):
            problem(await password_token(client, "analyst@example.org", "wrong-password"), 400, "invalid_grant")
        person = (await client.get(url, headers=issuer.headers(**ADMIN))).json()
        assert person["failed_attempts"] == 2
        assert person["last_login_at"] is None

        assert (await password_token(client, "analyst@example.org")).status_code == 200
        person = (await client.get(url, headers=issuer.headers(**ADMIN))).json()
        assert person["failed_attempts"] == 0
        assert person["last_login_at"] is not None

    async def test_failures_never_lock_the_account_and_unlock_resets_the_count(
        self, client: httpx.AsyncClient, issuer: TestIssuer, seeded: list[DevCredential]
    ) -> None:
        """The old lock (5 failures → 15 minutes, even for the right password) let anyone lock anyone out;
        failures are now throttled per (account, source) and the right password still gets in."""
        email = "director@example.org"
        for _ in range(6):
            body = problem(await password_token(client, email, "wrong-password"), 400, "invalid_grant")
            assert str(body["type"]).endswith("/invalid-grant")
            assert "locked_until" not in body

        person_id = seed_id("person", email)
        person = (await client.get(f"/v1/people/{person_id}", headers=issuer.headers(**ADMIN))).json()
        assert (person["failed_attempts"], person["locked_until"]) == (6, None)
        forbidden = await client.post(f"/v1/people/{person_id}/unlock", headers=issuer.headers(roles=["director"]))
        assert forbidden.status_code == 403
        assert forbidden.json()["type"].endswith("/forbidden")
        unlocked = await client.post(f"/v1/people/{person_id}/unlock", headers=issuer.headers(**ADMIN))
        assert unlocked.status_code == 200
        assert (unlocked.json()["failed_attempts"], unlocked.json()["locked_until"]) == (0, None)
        assert (await password_token(client, email)).status_code == 200

    async def test_inactive_person(
        self, client: httpx.AsyncClient, issuer: TestIssuer, seeded: list[DevCredential]
    ) -> None:
        url = f"/v1/people/{seed_id('person', 'auditor@example.org')}"
        etag = (await client.get(url, headers=issuer.headers(**ADMIN))).headers["etag"]
        patched = await client.patch(url, json={"active": False}, headers=issuer.headers(**ADMIN) | {"If-Match": etag})
        assert patched.status_code == 200
        response = await password_token(client, "auditor@example.org")
        assert "deactivated" in str(problem(response, 400, "invalid_grant")["detail"])

    async def test_a_password_change_takes_effect(
        self, client: httpx.AsyncClient, issuer: TestIssuer, seeded: list[DevCredential]
    ) -> None:
        url = f"/v1/people/{seed_id('person', 'guardian@example.org')}"
        etag = (await client.get(url, headers=issuer.headers(**ADMIN))).headers["etag"]
        patched = await client.patch(
            url, json={"password": "a brand new passphrase"}, headers=issuer.headers(**ADMIN) | {"If-Match": etag}
        )
        assert patched.status_code == 200
        problem(await password_token(client, "guardian@example.org"), 400, "invalid_grant")
        assert (await password_token(client, "guardian@example.org", "a brand new passphrase")).status_code == 200


def test_failed_login_delay_grows_and_is_capped() -> None:
    delays = [failed_login_delay(n, base=0.25, cap=2.0) for n in range(0, 8)]
    assert delays[:5] == [0.0, 0.25, 0.5, 1.0, 2.0]
    assert delays[5:] == [2.0, 2.0, 2.0]
    assert failed_login_delay(1000, base=0.25, cap=2.0) == 2.0


async def test_failed_logins_are_slowed_down(
    settings: IdentitySettings, issuer: TestIssuer, db_urls: dict[str, str]
) -> None:
    slow = settings.model_copy(update={"failed_login_delay_seconds": 0.2, "failed_login_delay_cap_seconds": 0.2})
    app = create_app(slow)
    async with running_app(app, issuer, db_urls["identity"]) as client:
        loop = asyncio.get_running_loop()
        started = loop.time()
        response = await password_token(client, "nobody@example.org", "wrong-password")
        assert response.status_code == 400
        assert loop.time() - started >= 0.2


@pytest.mark.parametrize("path", ["/oauth/token", "/.well-known/jwks.json", "/.well-known/openid-configuration"])
async def test_public_routes_need_no_token(client: httpx.AsyncClient, path: str) -> None:
    response = await (client.post(path, data={}) if path == "/oauth/token" else client.get(path))
    assert response.status_code != 401
