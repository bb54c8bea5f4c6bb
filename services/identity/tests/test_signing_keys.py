"""Signing keys: JWKS publication, discovery, rotation that keeps tokens in flight verifiable."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import jwt
import pytest
from fastapi import FastAPI
from pydantic import ValidationError
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from identity.seed import DevCredential
from identity.settings import IdentitySettings
from identity.signing_key.models import SigningKey
from vru_dev.kits.identity import own_verifier, password_token
from vru_dev.testing import TestIssuer
from vru_shared.auth import TokenVerifier

ADMIN = {"roles": ["admin"]}


def kid_of(response: httpx.Response) -> str:
    return str(jwt.get_unverified_header(response.json()["access_token"])["kid"])


class TestJwks:
    async def test_valid(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/.well-known/jwks.json")
        assert response.status_code == 200
        assert response.headers["cache-control"] == "public, max-age=300"
        keys = response.json()["keys"]
        assert keys
        for key in keys:
            assert set(key) == {"kty", "crv", "x", "y", "kid", "use", "alg"}
            assert (key["kty"], key["crv"], key["use"], key["alg"]) == ("EC", "P-256", "sig", "ES256")
            assert "d" not in key

    async def test_openid_configuration(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/.well-known/openid-configuration")
        assert response.status_code == 200
        body = response.json()
        assert body["issuer"] == "http://vru.test"
        assert body["jwks_uri"] == "http://vru.test/.well-known/jwks.json"
        assert body["token_endpoint"] == "http://vru.test/oauth/token"
        assert body["grant_types_supported"] == ["client_credentials", "password"]
        assert body["id_token_signing_alg_values_supported"] == ["ES256"]


class TestRotateSigningKey:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.post("/v1/signing-keys")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.post("/v1/signing-keys", headers=issuer.headers(roles=["director"]))
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_valid(
        self, app: FastAPI, client: httpx.AsyncClient, issuer: TestIssuer, seeded: list[DevCredential]
    ) -> None:
        before = await password_token(client, "analyst@example.org")
        old_kid = kid_of(before)

        rotated = await client.post("/v1/signing-keys", headers=issuer.headers(**ADMIN))
        assert rotated.status_code == 201, rotated.text
        new_kid = rotated.json()["kid"]
        assert new_kid != old_kid
        assert rotated.json()["state"] == "active"
        assert rotated.headers["location"] == f"/v1/signing-keys/{new_kid}"

        published = {k["kid"] for k in (await client.get("/.well-known/jwks.json")).json()["keys"]}
        assert {old_kid, new_kid} <= published

        after = await password_token(client, "analyst@example.org")
        assert kid_of(after) == new_kid

        fresh: TokenVerifier = own_verifier(app)  # a service that never saw the old key
        assert (await fresh.verify(before.json()["access_token"])).roles == {"analyst"}
        assert (await fresh.verify(after.json()["access_token"])).roles == {"analyst"}

        old = (await client.get(f"/v1/signing-keys/{old_kid}", headers=issuer.headers(**ADMIN))).json()
        assert old["state"] == "retired"
        assert old["published"] is True
        retired_at = datetime.fromisoformat(old["retired_at"])
        publish_until = datetime.fromisoformat(old["publish_until"])
        assert publish_until - retired_at == timedelta(seconds=900 + 300)

    async def test_expired_keys_leave_the_jwks(
        self, app: FastAPI, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        old_kid = (await client.get("/v1/signing-keys", headers=issuer.headers(**ADMIN))).json()["items"][0]["kid"]
        assert (await client.post("/v1/signing-keys", headers=issuer.headers(**ADMIN))).status_code == 201
        maker: async_sessionmaker[AsyncSession] = app.state.sessionmaker
        async with maker() as session:
            past = datetime.now(UTC) - timedelta(seconds=1)
            await session.execute(update(SigningKey).where(SigningKey.kid == old_kid).values(publish_until=past))
            await session.commit()
        published = {k["kid"] for k in (await client.get("/.well-known/jwks.json")).json()["keys"]}
        assert old_kid not in published
        listed = (await client.get("/v1/signing-keys", headers=issuer.headers(**ADMIN))).json()["items"]
        states = {k["kid"]: k["state"] for k in listed}
        assert states[old_kid] == "expired"


class TestListSigningKeys:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/signing-keys")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        refused = await client.get("/v1/signing-keys", headers=issuer.headers(roles=["auditor"]))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/signing-keys/no-such-kid", headers=issuer.headers(**ADMIN))
        assert response.status_code == 404
        assert response.json()["type"].endswith("/signing-key-not-found")

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        await client.post("/v1/signing-keys", headers=issuer.headers(**ADMIN))
        response = await client.get("/v1/signing-keys", headers=issuer.headers(**ADMIN))
        assert response.status_code == 200
        items = response.json()["items"]
        assert [k["state"] for k in items[:2]] == ["active", "retired"]
        assert sum(k["state"] == "active" for k in items) == 1
        for item in items:
            assert not {"private_key_pem", "d", "public_jwk"} & set(item)
        assert "PRIVATE KEY" not in response.text


class TestKeyPassphrase:
    def test_production_refuses_the_development_passphrase(self) -> None:
        with pytest.raises(ValidationError, match="key_passphrase"):
            IdentitySettings(
                environment="production",
                database_url="postgresql+asyncpg://identity:a-real-password@db/vru",
                client_secret="a-real-client-secret",
            )
        accepted = IdentitySettings(
            environment="production",
            database_url="postgresql+asyncpg://identity:a-real-password@db/vru",
            client_secret="a-real-client-secret",
            key_passphrase="a-real-key-passphrase",
        )
        assert accepted.key_passphrase.get_secret_value() == "a-real-key-passphrase"

    async def test_private_keys_are_encrypted_at_rest(self, app: FastAPI, client: httpx.AsyncClient) -> None:
        maker: async_sessionmaker[AsyncSession] = app.state.sessionmaker
        async with maker() as session:
            pems = (await session.scalars(select(SigningKey.private_key_pem))).all()
        assert pems
        assert all(pem.startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----") for pem in pems)
