"""Two admins who read the same version change the same record at once: one wins, the other gets 412 and
nothing is overwritten (the ORM's ``UPDATE … WHERE version = :read``, no version bumped by hand).

These tests use the app's real sessionmaker (one connection per request, real commits), not the rolled-back
single connection of ``running_app``, so the requests truly run side by side; they delete what they commit.
"""

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from identity.hashing import SecretHasher
from identity.main import create_app
from identity.settings import IdentitySettings
from vru_dev.kits.identity import client_token
from vru_dev.testing import TestIssuer, live_app

ADMIN = {"roles": ["admin"]}


@pytest.fixture
async def live(settings: IdentitySettings, issuer: TestIssuer) -> AsyncIterator[httpx.AsyncClient]:
    app: FastAPI = create_app(settings.model_copy(update={"db_pool_size": 10}))
    async with live_app(app, issuer) as client:
        yield client


@pytest.fixture
async def records(
    live: httpx.AsyncClient, issuer: TestIssuer, db_urls: dict[str, str]
) -> AsyncIterator[dict[str, dict[str, Any]]]:
    """A committed agency, person and API client, removed afterwards."""
    suffix = uuid.uuid4().hex[:8]
    headers = issuer.headers(**ADMIN)
    agency = await live.post(
        "/v1/agencies", json={"code": f"race-{suffix}", "name": "Race agency", "kind": "other"}, headers=headers
    )
    assert agency.status_code == 201, agency.text
    agency_id = agency.json()["id"]
    person = await live.post(
        "/v1/people",
        json={"email": f"race-{suffix}@example.org", "display_name": "Race person", "agency_id": agency_id},
        headers=headers,
    )
    api_client = await live.post(
        "/v1/clients",
        json={"client_id": f"race-{suffix}", "name": "Race client", "agency_id": agency_id},
        headers=headers,
    )
    assert (person.status_code, api_client.status_code) == (201, 201), (person.text, api_client.text)
    try:
        yield {"agencies": agency.json(), "people": person.json(), "clients": api_client.json()}
    finally:
        engine = create_async_engine(db_urls["identity"])
        async with engine.begin() as connection:
            params = {"agency": agency_id}
            await connection.execute(text("DELETE FROM identity.people WHERE agency_id = :agency"), params)
            await connection.execute(text("DELETE FROM identity.api_clients WHERE agency_id = :agency"), params)
            await connection.execute(text("DELETE FROM identity.agencies WHERE id = :agency"), params)
        await engine.dispose()


NAME = {"agencies": "name", "people": "display_name", "clients": "name"}


@pytest.mark.parametrize("collection", ["agencies", "people", "clients"])
async def test_two_changes_from_the_same_version(
    live: httpx.AsyncClient, issuer: TestIssuer, records: dict[str, dict[str, Any]], collection: str
) -> None:
    url = f"/v1/{collection}/{records[collection]['id']}"
    etag = (await live.get(url, headers=issuer.headers(**ADMIN))).headers["etag"]
    assert etag == '"v1"'

    async def rename(name: str) -> httpx.Response:
        headers = issuer.headers(**ADMIN) | {"If-Match": etag}
        return await live.patch(url, json={NAME[collection]: name}, headers=headers)

    responses = await asyncio.gather(rename("First"), rename("Second"))
    assert sorted(r.status_code for r in responses) == [200, 412], [r.text for r in responses]
    winner = next(r for r in responses if r.status_code == 200)
    loser = next(r for r in responses if r.status_code == 412)
    assert loser.json()["type"].endswith("/precondition-failed")
    assert winner.headers["etag"] == '"v2"'
    stored = await live.get(url, headers=issuer.headers(**ADMIN))
    assert stored.json()[NAME[collection]] == winner.json()[NAME[collection]]
    assert (stored.json()["version"], stored.headers["etag"]) == (2, '"v2"')


async def test_two_secret_rotations_at_once_both_succeed(
    live: httpx.AsyncClient, issuer: TestIssuer, records: dict[str, dict[str, Any]]
) -> None:
    """No If-Match here: the row lock puts one rotation after the other instead of refusing either."""
    url = f"/v1/clients/{records['clients']['id']}"
    responses = await asyncio.gather(*(live.post(f"{url}/secret", headers=issuer.headers(**ADMIN)) for _ in range(2)))
    assert [r.status_code for r in responses] == [200, 200], [r.text for r in responses]
    assert (await live.get(url, headers=issuer.headers(**ADMIN))).json()["version"] == 3


@pytest.mark.parametrize("collection", ["agencies", "people", "clients"])
async def test_if_match_star_names_no_version(
    live: httpx.AsyncClient, issuer: TestIssuer, records: dict[str, dict[str, Any]], collection: str
) -> None:
    url = f"/v1/{collection}/{records[collection]['id']}"
    headers = issuer.headers(**ADMIN) | {"If-Match": "*"}
    response = await live.patch(url, json={NAME[collection]: "Anything"}, headers=headers)
    assert response.status_code == 428
    assert response.json()["type"].endswith("/precondition-required")
    assert (await live.get(url, headers=issuer.headers(**ADMIN))).json()["version"] == 1


async def test_logins_that_rehash_a_client_secret_at_once(
    live: httpx.AsyncClient,
    issuer: TestIssuer,
    records: dict[str, dict[str, Any]],
    db_urls: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A secret hashed with other argon2 parameters is rehashed at the next login; logins racing to do it are
    put one after the other (a row lock), so none is refused as stale and the secret is rehashed once."""
    created = records["clients"]
    secret = (await live.post(f"/v1/clients/{created['id']}/secret", headers=issuer.headers(**ADMIN))).json()
    old_parameters = await SecretHasher(time_cost=2, memory_kib=8, parallelism=1).hash(secret["client_secret"])
    engine = create_async_engine(db_urls["identity"])
    async with engine.begin() as connection:
        await connection.execute(
            text("UPDATE identity.api_clients SET secret_hash = :hash WHERE id = :id"),
            {"hash": old_parameters, "id": created["id"]},
        )
    await engine.dispose()
    hash_now = SecretHasher.hash

    async def slow_hash(self: SecretHasher, value: str) -> str:  # all logins read the old hash before one commits
        await asyncio.sleep(0.3)
        return await hash_now(self, value)

    monkeypatch.setattr(SecretHasher, "hash", slow_hash)
    logins = [client_token(live, created["client_id"], secret["client_secret"]) for _ in range(3)]
    assert [r.status_code for r in await asyncio.gather(*logins)] == [200, 200, 200]
    stored = await live.get(f"/v1/clients/{created['id']}", headers=issuer.headers(**ADMIN))
    assert stored.json()["version"] == 3  # created, rotated, rehashed once
