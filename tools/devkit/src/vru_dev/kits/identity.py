"""Test support for the identity service (and for other tests that need real identity-issued tokens)."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import FastAPI

from identity.seed import DEV_PASSWORD
from identity.settings import IdentitySettings
from vru_shared.auth import TokenVerifier
from vru_shared.settings import TrustedIssuer

#: argon2 parameters that make hashing take microseconds: tests only.
FAST_HASHING: dict[str, Any] = {
    "password_hash_time_cost": 1,
    "password_hash_memory_kib": 8,
    "password_hash_parallelism": 1,
    "failed_login_delay_seconds": 0.01,
    "failed_login_delay_cap_seconds": 0.05,
}


def own_verifier(app: FastAPI) -> TokenVerifier:
    """A verifier that trusts the tokens of ``app`` (an identity app), fetching its JWKS from the app itself."""
    settings: IdentitySettings = app.state.settings
    trusted = TrustedIssuer(
        issuer=settings.token_issuer,
        jwks_url="http://testserver/.well-known/jwks.json",
        audience=settings.token_audience,
    )
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")
    return TokenVerifier([trusted], http, ttl_seconds=300)


async def password_token(client: httpx.AsyncClient, email: str, password: str = DEV_PASSWORD) -> httpx.Response:
    return await client.post("/oauth/token", data={"grant_type": "password", "username": email, "password": password})


async def client_token(
    client: httpx.AsyncClient, client_id: str, secret: str, *, scope: str | None = None
) -> httpx.Response:
    data = {"grant_type": "client_credentials"} | ({"scope": scope} if scope is not None else {})
    return await client.post("/oauth/token", data=data, auth=(client_id, secret))


async def bearer(client: httpx.AsyncClient, email: str, password: str = DEV_PASSWORD) -> dict[str, str]:
    """Authorization headers with a real identity-issued token for a person."""
    response = await password_token(client, email, password)
    if response.status_code != 200:
        raise AssertionError(f"login failed: {response.status_code} {response.text}")
    return {"Authorization": f"Bearer {response.json()['access_token']}"}
