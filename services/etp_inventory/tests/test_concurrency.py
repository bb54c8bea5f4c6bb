"""Two changes made from the same read of a site: one wins, the other gets 412, nothing is lost.

These tests use the app's real sessionmaker (one connection per request, real commits), not the rolled-back
single connection of ``running_app``, so the requests truly run side by side; they delete what they commit.
"""

import asyncio
import uuid
from collections.abc import AsyncIterator

import asyncpg
import httpx
import pytest
from fastapi import FastAPI

from etp_inventory.main import create_app
from etp_inventory.settings import EtpInventorySettings
from vru_dev.kits.etp_inventory import STAFF, site_body
from vru_dev.testing import TEST_ISSUER, TestIssuer, live_app


@pytest.fixture
async def live(db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[httpx.AsyncClient]:
    settings = EtpInventorySettings(
        database_url=db_urls["etp_inventory"],
        token_issuer=TEST_ISSUER,
        crime_reference_recheck_seconds=3600,
        db_pool_size=10,
    )
    app: FastAPI = create_app(settings)
    async with live_app(app, issuer) as client:
        yield client


@pytest.fixture
async def site(live: httpx.AsyncClient, issuer: TestIssuer, pg_admin_url: str) -> AsyncIterator[str]:
    """A committed site, removed afterwards (as the superuser: the service may not delete locations)."""
    response = await live.post("/v1/sites", json=site_body("Race test site"), headers=issuer.headers(**STAFF))
    assert response.status_code == 201, response.text
    site_id = str(response.json()["id"])
    try:
        yield site_id
    finally:
        connection = await asyncpg.connect(pg_admin_url)
        try:
            async with connection.transaction():  # referential checks off: the ledger's table refuses them
                await connection.execute("SET LOCAL session_replication_role = replica")
                await connection.execute("DELETE FROM etp_inventory.locations WHERE id = $1", uuid.UUID(site_id))
        finally:
            await connection.close()


async def test_two_changes_from_the_same_read(live: httpx.AsyncClient, issuer: TestIssuer, site: str) -> None:
    staff = issuer.headers(**STAFF)
    read = await live.get(f"/v1/sites/{site}", headers=staff)
    etag, version = read.headers["ETag"], read.json()["version"]

    async def change(hours: str) -> httpx.Response:
        return await live.patch(f"/v1/sites/{site}", json={"access_hours": hours}, headers={**staff, "If-Match": etag})

    responses = await asyncio.gather(change("Mon-Fri 09:00-17:00"), change("24/7 except Christmas"))
    assert sorted(r.status_code for r in responses) == [200, 412]
    winner = next(r for r in responses if r.status_code == 200)
    loser = next(r for r in responses if r.status_code == 412)
    assert loser.json()["type"].endswith("/precondition-failed")
    assert winner.headers["ETag"] == f'"v{version + 1}"'
    stored = (await live.get(f"/v1/sites/{site}", headers=staff)).json()
    assert (stored["access_hours"], stored["version"]) == (winner.json()["access_hours"], version + 1)


async def test_if_match_star_names_no_version(live: httpx.AsyncClient, issuer: TestIssuer, site: str) -> None:
    response = await live.patch(
        f"/v1/sites/{site}", json={"access_hours": "24/7"}, headers={**issuer.headers(**STAFF), "If-Match": "*"}
    )
    assert response.status_code == 428
    assert response.json()["type"].endswith("/precondition-required")
