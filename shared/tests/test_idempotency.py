"""Idempotency-Key on POST: replay, mismatch, in flight, failures, scoping."""

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest

from vru_dev.testing import TestIssuer, running_app

from .support import build_app


@pytest.fixture
async def client(db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[httpx.AsyncClient]:
    async with running_app(build_app(db_urls["referrals"]), issuer, db_urls["referrals"]) as client:
        yield client


async def count(client: httpx.AsyncClient, headers: dict[str, str]) -> int:
    return int((await client.get("/v1/notes/count", headers=headers)).json()["count"])


async def test_same_key_same_body_replays(client: httpx.AsyncClient, issuer: TestIssuer) -> None:
    headers = {**issuer.headers(roles=["analyst"], sub="a-1"), "Idempotency-Key": "k-1"}
    first = await client.post("/v1/notes", json={"text": "one", "count": 1}, headers=headers)
    second = await client.post("/v1/notes", json={"text": "one", "count": 1}, headers=headers)
    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second.headers["location"] == first.headers["location"]
    assert second.headers["idempotent-replayed"] == "true"
    assert await count(client, headers) == 1


async def test_same_key_other_body_is_422(client: httpx.AsyncClient, issuer: TestIssuer) -> None:
    headers = {**issuer.headers(roles=["analyst"], sub="a-2"), "Idempotency-Key": "k-2"}
    assert (await client.post("/v1/notes", json={"text": "one", "count": 1}, headers=headers)).status_code == 201
    other = await client.post("/v1/notes", json={"text": "two", "count": 1}, headers=headers)
    assert other.status_code == 422
    assert other.headers["content-type"] == "application/problem+json"
    assert await count(client, headers) == 1


async def test_keys_are_scoped_to_the_caller(client: httpx.AsyncClient, issuer: TestIssuer) -> None:
    body = {"text": "same", "count": 1}
    a = await client.post(
        "/v1/notes", json=body, headers={**issuer.headers(roles=["analyst"], sub="x"), "Idempotency-Key": "k"}
    )
    b = await client.post(
        "/v1/notes", json=body, headers={**issuer.headers(roles=["analyst"], sub="y"), "Idempotency-Key": "k"}
    )
    assert a.json()["id"] != b.json()["id"]
    assert "idempotent-replayed" not in b.headers


async def test_failed_request_is_not_stored(client: httpx.AsyncClient, issuer: TestIssuer) -> None:
    headers = {**issuer.headers(roles=["analyst"], sub="a-3"), "Idempotency-Key": "k-3"}
    assert (await client.post("/v1/failing-notes", json={"text": "x", "count": 1}, headers=headers)).status_code == 409
    assert (await client.post("/v1/failing-notes", json={"text": "x", "count": 1}, headers=headers)).status_code == 409
    assert await count(client, headers) == 0


async def test_forged_subject_cannot_plant_a_response(client: httpx.AsyncClient, issuer: TestIssuer) -> None:
    from cryptography.hazmat.primitives.asymmetric import ec

    forged = issuer.token(roles=["analyst"], sub="victim", key=ec.generate_private_key(ec.SECP256R1()))
    attempt = await client.post(
        "/v1/notes",
        json={"text": "evil", "count": 1},
        headers={"Authorization": f"Bearer {forged}", "Idempotency-Key": "victim-key"},
    )
    assert attempt.status_code == 401
    real = await client.post(
        "/v1/notes",
        json={"text": "mine", "count": 1},
        headers={**issuer.headers(roles=["analyst"], sub="victim"), "Idempotency-Key": "victim-key"},
    )
    assert real.status_code == 201
    assert real.json()["text"] == "mine"


async def test_no_store_responses_are_never_kept(client: httpx.AsyncClient, issuer: TestIssuer) -> None:
    headers = {**issuer.headers(roles=["analyst"], sub="a-5"), "Idempotency-Key": "secret-1"}
    first = await client.post("/v1/secrets", json={"text": "s", "count": 1}, headers=headers)
    second = await client.post("/v1/secrets", json={"text": "s", "count": 1}, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json()["secret"] != second.json()["secret"]
    assert "idempotent-replayed" not in second.headers


async def test_bad_key_is_400(client: httpx.AsyncClient, issuer: TestIssuer) -> None:
    headers = {**issuer.headers(roles=["analyst"]), "Idempotency-Key": "x" * 300}
    response = await client.post("/v1/notes", json={"text": "x", "count": 1}, headers=headers)
    assert response.status_code == 400


async def test_in_flight_is_409(db_urls: dict[str, str], issuer: TestIssuer) -> None:
    """Two real connections: the second request with the same key arrives while the first runs."""
    app = build_app(db_urls["referrals"])
    async with app.router.lifespan_context(app):
        app.state.token_verifier = issuer.verifier()
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            headers = {**issuer.headers(roles=["analyst"], sub="a-4"), "Idempotency-Key": "slow-1"}
            body = {"text": "slow", "count": 1}
            first = asyncio.create_task(client.post("/v1/slow-notes", json=body, headers=headers))
            await asyncio.sleep(0.2)
            second = await client.post("/v1/slow-notes", json=body, headers=headers)
            assert second.status_code == 409
            assert second.headers["retry-after"] == "1"
            assert (await first).status_code == 201
            third = await client.post("/v1/slow-notes", json=body, headers=headers)
            assert third.status_code == 201
            assert third.headers["idempotent-replayed"] == "true"


def forged(issuer: TestIssuer, sub: str) -> dict[str, str]:
    """A well-formed token carrying ``sub``, signed with a key nobody trusts."""
    from cryptography.hazmat.primitives.asymmetric import ec

    token = issuer.token(roles=["analyst"], sub=sub, key=ec.generate_private_key(ec.SECP256R1()))
    return {"Authorization": f"Bearer {token}"}


async def test_a_forged_token_never_replays_the_victims_response(client: httpx.AsyncClient, issuer: TestIssuer) -> None:
    body = {"text": "Child A, born 2011-02-03", "count": 1}
    victim = await client.post(
        "/v1/notes", json=body, headers={**issuer.headers(roles=["analyst"], sub="victim-2"), "Idempotency-Key": "v-2"}
    )
    assert victim.status_code == 201
    attempt = await client.post(
        "/v1/notes", json=body, headers={**forged(issuer, "victim-2"), "Idempotency-Key": "v-2"}
    )
    assert attempt.status_code == 401
    assert attempt.json()["type"].endswith("/unauthorized")
    assert "Child A" not in attempt.text
    assert "idempotent-replayed" not in attempt.headers


async def test_an_unverified_caller_cannot_tell_whether_a_key_was_used(
    client: httpx.AsyncClient, issuer: TestIssuer
) -> None:
    owner = {**issuer.headers(roles=["analyst"], sub="victim-3"), "Idempotency-Key": "v-3"}
    assert (await client.post("/v1/notes", json={"text": "a", "count": 1}, headers=owner)).status_code == 201
    for headers in (forged(issuer, "victim-3"), {}, {"Authorization": "Bearer not.a.token"}):
        used = await client.post(
            "/v1/notes", json={"text": "b", "count": 1}, headers={**headers, "Idempotency-Key": "v-3"}
        )
        unused = await client.post(
            "/v1/notes", json={"text": "b", "count": 1}, headers={**headers, "Idempotency-Key": "never-used"}
        )
        assert used.status_code == unused.status_code == 401  # was 422 for a used key: an oracle
        assert used.json()["type"] == unused.json()["type"]


def test_openapi_declares_the_header_on_keyed_posts(db_urls: dict[str, str]) -> None:
    # A client generated from the document (clients/python) can send the key only if the operation declares it.
    paths = build_app(db_urls["referrals"]).openapi()["paths"]
    (declared,) = [p for p in paths["/v1/notes"]["post"]["parameters"] if p["name"] == "Idempotency-Key"]
    assert declared["in"] == "header"
    assert declared["required"] is False
    assert declared["schema"]["maxLength"] == 255
    # What the key can answer, whatever the route's own statuses: 409 in flight, 422 reused with another body.
    assert {"409", "422"} <= set(paths["/v1/notes"]["post"]["responses"])
    assert not any(p["name"] == "Idempotency-Key" for p in paths["/v1/notes/count"]["get"].get("parameters", []))
    streamed = [path for path in paths if path.startswith("/v1/imports/") and "post" in paths[path]]
    assert streamed  # the bulk route: its body is streamed, the key does not apply
    for path in streamed:
        assert not any(p["name"] == "Idempotency-Key" for p in paths[path]["post"].get("parameters", []))


def test_openapi_names_operations_after_their_route_functions(db_urls: dict[str, str]) -> None:
    # A generated client (clients/python) names its functions after the operationId: `create_note`, not
    # FastAPI's `create_note_v1_notes_post`.
    paths = build_app(db_urls["referrals"]).openapi()["paths"]
    assert paths["/v1/notes"]["post"]["operationId"] == "create_note"
    assert paths["/v1/notes/count"]["get"]["operationId"] == "count_notes"
