"""Token verification: what gets in, what is refused with 401, and role checks with 403."""

import base64
import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from vru_dev.testing import TEST_JWKS_URL, TestIssuer, running_app
from vru_shared.auth import Principal, TokenVerifier, public, require
from vru_shared.problems import Unauthorized
from vru_shared.settings import TrustedIssuer

from .support import build_app


@pytest.fixture
async def client(db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[httpx.AsyncClient]:
    async with running_app(build_app(db_urls["referrals"]), issuer, db_urls["referrals"]) as client:
        yield client


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_valid_token_gives_principal(client: httpx.AsyncClient, issuer: TestIssuer) -> None:
    response = await client.get("/v1/whoami", headers=issuer.headers(roles=["analyst", "auditor"], sub="p-1"))
    assert response.status_code == 200
    assert response.json()["sub"] == "p-1"
    assert response.json()["roles"] == ["analyst", "auditor"]


@pytest.mark.parametrize(
    ("label", "make"),
    [
        ("other key", lambda i: i.token(key=ec.generate_private_key(ec.SECP256R1()))),
        ("expired", lambda i: i.token(ttl=-120)),
        ("wrong audience", lambda i: i.token(audience="someone-else")),
        ("wrong issuer", lambda i: i.token(issuer="http://evil.test")),
        ("garbage", lambda i: "not.a.token"),
        ("an ID token, not an access token", lambda i: i.token(typ="JWT")),
        ("no JOSE typ", lambda i: i.token(typ="")),
        ("minted for two hours", lambda i: i.token(ttl=7200)),
    ],
)
async def test_bad_tokens_are_401(client: httpx.AsyncClient, issuer: TestIssuer, label: str, make: object) -> None:
    response = await client.get("/v1/whoami", headers=bearer(make(issuer)))  # type: ignore[operator]
    assert response.status_code == 401, label
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"].startswith("Bearer")


async def test_alg_none_is_401(client: httpx.AsyncClient, issuer: TestIssuer) -> None:
    claims = jwt.decode(issuer.token(roles=["admin"]), options={"verify_signature": False})
    token = jwt.encode(claims, key=None, algorithm="none", headers={"kid": issuer.kid})  # type: ignore[arg-type]
    assert (await client.get("/v1/whoami", headers=bearer(token))).status_code == 401


async def test_hs256_with_public_key_is_401(client: httpx.AsyncClient, issuer: TestIssuer) -> None:
    # Algorithm confusion: an HMAC "signature" keyed with the public key, built by hand (PyJWT refuses to).
    claims = jwt.decode(issuer.token(roles=["admin"]), options={"verify_signature": False})
    public_pem = issuer.key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)

    def b64(raw: bytes) -> str:
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    head = b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": issuer.kid}).encode())
    body = b64(json.dumps(claims).encode())
    signature = b64(hmac.new(public_pem, f"{head}.{body}".encode(), hashlib.sha256).digest())
    forged = f"{head}.{body}.{signature}"
    assert (await client.get("/v1/whoami", headers=bearer(forged))).status_code == 401


async def test_missing_or_non_bearer_is_401(client: httpx.AsyncClient) -> None:
    assert (await client.get("/v1/whoami")).status_code == 401
    assert (await client.get("/v1/whoami", headers={"Authorization": "Basic dXNlcjpwYXNz"})).status_code == 401


async def test_role_required_is_403(client: httpx.AsyncClient, issuer: TestIssuer) -> None:
    response = await client.post(
        "/v1/notes", json={"text": "x", "count": 1}, headers=issuer.headers(roles=["guardian"])
    )
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"


async def test_unknown_kid_refetches_jwks_once() -> None:
    calls = 0
    issuers = [TestIssuer(kid="old"), TestIssuer(kid="new")]
    served = [issuers[0]]

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return httpx.Response(200, json={"keys": [k for i in served for k in i.jwks()["keys"]]})

    trusted = TrustedIssuer(issuer=issuers[0].issuer, jwks_url=TEST_JWKS_URL)
    verifier = TokenVerifier([trusted], httpx.AsyncClient(transport=httpx.MockTransport(handler)), 300)
    assert (await verifier.verify(issuers[0].token(sub="a"))).subject == "a"
    assert (await verifier.verify(issuers[0].token(sub="b"))).subject == "b"
    assert calls == 1  # cached
    served.append(issuers[1])  # a rotation: the new key appears in the JWKS
    verifier.caches[issuers[0].issuer]._fetched_at -= 60  # past the minimum refresh interval
    assert (await verifier.verify(issuers[1].token(sub="c"))).subject == "c"
    assert calls == 2
    with pytest.raises(Unauthorized):
        await verifier.verify(TestIssuer(kid="unknown").token())


async def test_role_or_scopes(issuer: TestIssuer) -> None:
    from vru_shared.auth import principal_from_claims, require_role_or_scopes
    from vru_shared.problems import Forbidden

    check = require_role_or_scopes("analyst", scopes=["incidents:ingest"])

    def principal(**claims: object) -> Principal:
        return principal_from_claims({"sub": "x", **claims})

    assert await check(principal(roles=["analyst"]))
    assert await check(principal(scope="incidents:ingest", kind="client"))
    with pytest.raises(Forbidden):
        await check(principal(roles=["guardian"], scope="incidents:read"))


def test_require_needs_a_rule() -> None:
    with pytest.raises(ValueError, match="require"):
        require()


def test_app_refuses_unguarded_routes(db_urls: dict[str, str]) -> None:
    from fastapi import APIRouter

    from referrals.db import idempotency_keys
    from vru_shared.app import create_service_app
    from vru_shared.settings import ServiceSettings

    router = APIRouter()

    @router.get("/v1/open-by-mistake")
    async def open_by_mistake() -> dict[str, str]:
        return {}

    @router.get("/v1/open-on-purpose", dependencies=[public()])
    async def open_on_purpose() -> dict[str, str]:
        return {}

    with pytest.raises(RuntimeError, match="open-by-mistake") as raised:
        create_service_app(
            ServiceSettings(), title="t", description="d", routers=[router], idempotency=idempotency_keys
        )
    assert "open-on-purpose" not in str(raised.value)


async def test_extra_trusted_issuer_is_accepted_and_others_are_not() -> None:
    """Production can trust an external OIDC issuer next to the identity service."""
    ours, external = TestIssuer(issuer="http://identity.test"), TestIssuer(issuer="https://login.example.org")
    jwks = {
        "http://identity.test/jwks": ours.jwks(),
        "https://login.example.org/jwks": external.jwks(),
    }

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=jwks[str(request.url)])

    verifier = TokenVerifier(
        [
            TrustedIssuer(issuer=ours.issuer, jwks_url="http://identity.test/jwks"),
            TrustedIssuer(issuer=external.issuer, jwks_url="https://login.example.org/jwks"),
        ],
        httpx.AsyncClient(transport=httpx.MockTransport(handler)),
        300,
    )
    assert (await verifier.verify(ours.token(sub="ours"))).subject == "ours"
    external_principal = await verifier.verify(external.token(sub="ext", roles=["analyst"]))
    assert external_principal.issuer == "https://login.example.org"
    assert external_principal.roles == frozenset({"analyst"})
    with pytest.raises(Unauthorized):
        await verifier.verify(TestIssuer(issuer="https://elsewhere.example.org").token())


class TestRememberedTokens:
    """A verified token is remembered until its ``exp`` (issue 17: the ES256 check was a fifth of a read's CPU),
    never past it, never once its key has left the JWKS, and never past a revocation."""

    @staticmethod
    def verifier(issuer: TestIssuer, served: list[TestIssuer], clock: list[float]) -> TokenVerifier:
        def jwks(request: httpx.Request) -> httpx.Response:
            return httpx.Response(200, json={"keys": [k for i in served for k in i.jwks()["keys"]]})

        trusted = TrustedIssuer(issuer=issuer.issuer, jwks_url=TEST_JWKS_URL)
        client = httpx.AsyncClient(transport=httpx.MockTransport(jwks))
        return TokenVerifier([trusted], client, 300, clock=lambda: clock[0])

    async def test_a_token_is_verified_once_then_remembered_until_it_expires(self) -> None:
        issuer = TestIssuer()
        now = [time.time()]
        verifier = self.verifier(issuer, [issuer], now)
        token = issuer.token(sub="p-1", roles=["analyst"], ttl=900)
        first = await verifier.verify(token)
        assert await verifier.verify(token) is first  # remembered: not decoded and checked again
        assert (await verifier.verify(issuer.token(sub="p-2"))).subject == "p-2"  # another token: its own
        now[0] += 901  # past its exp: verified afresh (the leeway still lets it in), not the remembered answer
        again = await verifier.verify(token)
        assert again is not first
        assert again == first

    async def test_a_remembered_token_is_refused_once_its_key_is_withdrawn(self) -> None:
        issuer, successor = TestIssuer(kid="old"), TestIssuer(kid="new")
        served = [issuer]
        now = [time.time()]
        verifier = self.verifier(issuer, served, now)
        token = issuer.token(sub="p-1")
        assert (await verifier.verify(token)).subject == "p-1"
        served[:] = [successor]  # the key is withdrawn (rotated out, compromised)
        verifier.caches[issuer.issuer]._fetched_at -= 301  # the JWKS cache's time is up
        with pytest.raises(Unauthorized) as refused:
            await verifier.verify(token)
        assert refused.value.slug == "unauthorized"

    async def test_a_remembered_token_is_still_checked_against_revocations(
        self, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        token = issuer.token(sub="p-9", roles=["analyst"])
        assert (await client.get("/v1/whoami", headers=bearer(token))).status_code == 200
        app = client._transport.app  # type: ignore[attr-defined]
        app.state.revocations._entries["p-9"] = int(time.time()) + 1  # identity revoked p-9's earlier tokens
        refused = await client.get("/v1/whoami", headers=bearer(token))
        assert refused.status_code == 401
        assert refused.json()["type"].endswith("/token-revoked")
