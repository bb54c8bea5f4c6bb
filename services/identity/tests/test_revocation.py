"""Token revocation at the source: which administrator changes revoke a person's or client's earlier tokens,
``GET /v1/revocations`` (the list every service polls), new tokens dated after the revocation, and identity's own
routes refusing a revoked token. Across the real services behind the gateway: ``tests/test_revocation.py``."""

from __future__ import annotations

from typing import Any

import httpx
import jwt
import pytest
from fastapi import FastAPI

from identity.revocation.service import database_source
from identity.seed import DevCredential, seed_id
from vru_dev.kits.identity import bearer, client_token, own_verifier
from vru_dev.testing import TestIssuer
from vru_shared.revocation import Revocations

ADMIN = {"roles": ["admin"]}
SERVICE = {"roles": ["service"], "kind": "client"}
PERSON = "coordinator.medway-swale@example.org"
FEED = ("police-crime-feed", "dev-only-police-feed-secret")


async def listed(client: httpx.AsyncClient, issuer: TestIssuer) -> dict[str, int]:
    response = await client.get("/v1/revocations", headers=issuer.headers(**SERVICE))
    assert response.status_code == 200, response.text
    return {r["subject"]: r["not_before"] for r in response.json()["revocations"]}


def iat(headers: dict[str, str]) -> int:
    claims = jwt.decode(headers["Authorization"][7:], options={"verify_signature": False})
    return int(claims["iat"])


async def change(client: httpx.AsyncClient, issuer: TestIssuer, url: str, body: dict[str, Any]) -> None:
    etag = (await client.get(url, headers=issuer.headers(**ADMIN))).headers["etag"]
    response = await client.patch(url, json=body, headers=issuer.headers(**ADMIN) | {"If-Match": etag})
    assert response.status_code == 200, response.text


class TestListRevocations:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/v1/revocations")
        assert response.status_code == 401
        assert response.json()["type"].endswith("/unauthorized")

    @pytest.mark.parametrize("roles", [["admin"], ["analyst"], []])
    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer, roles: list[str]) -> None:
        response = await client.get("/v1/revocations", headers=issuer.headers(roles=roles))
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_valid_and_not_modified(
        self, client: httpx.AsyncClient, issuer: TestIssuer, seeded: list[DevCredential]
    ) -> None:
        first = await client.get("/v1/revocations", headers=issuer.headers(**SERVICE))
        assert first.status_code == 200
        assert first.json()["retention_seconds"] == 3720
        etag = first.headers["etag"]
        same = await client.get("/v1/revocations", headers=issuer.headers(**SERVICE) | {"If-None-Match": etag})
        assert same.status_code == 304
        assert same.headers["etag"] == etag
        assert same.content == b""
        await change(client, issuer, f"/v1/people/{seed_id('person', PERSON)}", {"active": False})
        moved = await client.get("/v1/revocations", headers=issuer.headers(**SERVICE) | {"If-None-Match": etag})
        assert moved.status_code == 200
        assert moved.headers["etag"] != etag
        assert str(seed_id("person", PERSON)) in {r["subject"] for r in moved.json()["revocations"]}


class TestWhatRevokesAPersonsTokens:
    @pytest.mark.parametrize(
        "body",
        [
            {"active": False},
            {"roles": ["analyst"]},
            {"districts": ["medway"]},
            {"agency_id": str(seed_id("agency", "kent-police"))},
            {"password": "a brand new passphrase"},
        ],
        ids=["deactivated", "roles", "districts", "agency", "password"],
    )
    async def test_revoked(
        self, app: FastAPI, client: httpx.AsyncClient, issuer: TestIssuer, seeded: list[DevCredential], body: Any
    ) -> None:
        app.state.token_verifier = own_verifier(app)
        before = await bearer(client, PERSON)
        app.state.token_verifier = issuer.verifier()
        await change(client, issuer, f"/v1/people/{seed_id('person', PERSON)}", body)
        not_before = (await listed(client, issuer))[str(seed_id("person", PERSON))]
        assert iat(before) <= not_before

    @pytest.mark.parametrize(
        "body",
        [{"display_name": "Renamed"}, {"active": True}, {"roles": ["coordinator"]}, {"districts": ["swale", "medway"]}],
        ids=["name", "already active", "same roles", "same districts"],
    )
    async def test_not_revoked(
        self, client: httpx.AsyncClient, issuer: TestIssuer, seeded: list[DevCredential], body: Any
    ) -> None:
        await change(client, issuer, f"/v1/people/{seed_id('person', PERSON)}", body)
        assert str(seed_id("person", PERSON)) not in await listed(client, issuer)


class TestWhatRevokesAClientsTokens:
    @pytest.mark.parametrize(
        "body",
        [{"active": False}, {"scopes": ["incidents:read"]}, {"roles": ["analyst"]}, {"districts": ["medway"]}],
        ids=["deactivated", "scopes", "roles", "districts"],
    )
    async def test_revoked(
        self, client: httpx.AsyncClient, issuer: TestIssuer, seeded: list[DevCredential], body: Any
    ) -> None:
        await change(client, issuer, f"/v1/clients/{seed_id('client', FEED[0])}", body)
        assert str(seed_id("client", FEED[0])) in await listed(client, issuer)

    async def test_secret_rotation_revokes(
        self, client: httpx.AsyncClient, issuer: TestIssuer, seeded: list[DevCredential]
    ) -> None:
        old = await client_token(client, *FEED)
        rotated = await client.post(f"/v1/clients/{seed_id('client', FEED[0])}/secret", headers=issuer.headers(**ADMIN))
        assert rotated.status_code == 200
        not_before = (await listed(client, issuer))[str(seed_id("client", FEED[0]))]
        assert iat({"Authorization": "Bearer " + old.json()["access_token"]}) <= not_before
        new = await client_token(client, FEED[0], rotated.json()["client_secret"])
        assert iat({"Authorization": "Bearer " + new.json()["access_token"]}) > not_before

    async def test_a_rename_does_not_revoke(
        self, client: httpx.AsyncClient, issuer: TestIssuer, seeded: list[DevCredential]
    ) -> None:
        await change(client, issuer, f"/v1/clients/{seed_id('client', FEED[0])}", {"name": "Renamed feed"})
        assert str(seed_id("client", FEED[0])) not in await listed(client, issuer)


async def test_identity_refuses_a_revoked_token_and_a_new_login_works(
    app: FastAPI, client: httpx.AsyncClient, issuer: TestIssuer, seeded: list[DevCredential]
) -> None:
    """Identity checks its own table (here read in the test's transaction instead of by the poller's own pool)."""
    app.state.token_verifier = own_verifier(app)
    admin = await bearer(client, "admin@example.org")
    person = await bearer(client, PERSON)
    assert (await client.get("/v1/agencies", headers=person)).status_code == 200
    url = f"/v1/people/{seed_id('person', PERSON)}"
    etag = (await client.get(url, headers=admin)).headers["etag"]
    changed = await client.patch(url, json={"active": False}, headers=admin | {"If-Match": etag})
    assert changed.status_code == 200

    app.state.revocations = Revocations(database_source(app.state.sessionmaker))
    await app.state.revocations.refresh()
    refused = await client.get("/v1/agencies", headers=person)
    assert refused.status_code == 401
    assert refused.json()["type"].endswith("/token-revoked")
    assert (await client.get("/v1/agencies", headers=admin)).status_code == 200  # other people's tokens work

    back = await client.patch(url, json={"active": True}, headers=admin | {"If-Match": changed.headers["etag"]})
    assert back.status_code == 200
    await app.state.revocations.refresh()
    again = await bearer(client, PERSON)  # dated after the revocation, although within the same second
    assert (await client.get("/v1/agencies", headers=again)).status_code == 200
    still = await client.get("/v1/agencies", headers=person)
    assert still.status_code == 401
    assert still.json()["type"].endswith("/token-revoked")
