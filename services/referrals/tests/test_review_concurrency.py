"""Two people move the same review at once with the ETag they both read: one wins, the other gets 412.

The race runs on the app's real sessionmaker (one connection per request, real commits), not the rolled-back
single connection of ``running_app``, so the requests truly run side by side; it deletes what it commits.
"""

import asyncio
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm.exc import StaleDataError

from referrals.main import create_app
from referrals.review.models import Review
from referrals.settings import ReferralsSettings
from vru_dev.testing import TEST_ISSUER, TestIssuer, live_app

ANALYST = {"roles": ["analyst"], "sub": "analyst-1", "name": "Analyst (example.org)"}
FEED = {"kind": "client", "scopes": ["incidents:ingest"], "client_id": "police-feed"}


@pytest.fixture
async def live(db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[httpx.AsyncClient]:
    settings = ReferralsSettings(
        database_url=db_urls["referrals"],
        token_issuer=TEST_ISSUER,
        audit_seal_interval_seconds=3600,
        funding_count_interval_seconds=3600,
        db_pool_size=10,
    )
    app: FastAPI = create_app(settings)
    async with live_app(app, issuer) as client:
        yield client


@pytest.fixture
async def review(live: httpx.AsyncClient, issuer: TestIssuer, db_urls: dict[str, str]) -> AsyncIterator[str]:
    """A committed new review of one incident and one young person, removed (with both) afterwards."""
    tag = uuid.uuid4().hex[:8]
    reference = f"46/race-{tag}/25"
    body = {
        "crime_reference": reference,
        "occurred_at": "2025-06-14T22:40:00Z",
        "district": "swale",
        "category": "knife-sharp-instrument",
        "weapon_knife": True,
        "people": [{"role": "victim", "given_name": f"Race{tag}", "family_name": f"Racer{tag}", "age": 17}],
    }
    response = await live.post("/v1/imports/incidents", json={"reports": [body]}, headers=issuer.headers(**FEED))
    assert response.json()["created"] == 1, response.text
    listed = await live.get("/v1/incidents", params={"crime_reference": reference}, headers=issuer.headers(**ANALYST))
    incident = listed.json()["items"][0]
    try:
        yield incident["review_id"]
    finally:
        engine = create_async_engine(db_urls["referrals"])
        async with engine.begin() as connection:
            params = {"incident": uuid.UUID(incident["id"]), "review": uuid.UUID(incident["review_id"])}
            subjects = "SELECT subject_id FROM incident_people WHERE incident_id = :incident"
            await connection.execute(text("DELETE FROM review_events WHERE review_id = :review"), params)
            await connection.execute(text("DELETE FROM review_districts WHERE review_id = :review"), params)
            await connection.execute(text("DELETE FROM review_subjects WHERE review_id = :review"), params)
            await connection.execute(text(f"DELETE FROM subject_duplicates WHERE subject_id IN ({subjects})"), params)  # noqa: S608
            await connection.execute(text("DELETE FROM incident_changes WHERE incident_id = :incident"), params)
            people: list[uuid.UUID] = list((await connection.execute(text(subjects), params)).scalars().all())
            await connection.execute(text("DELETE FROM incident_people WHERE incident_id = :incident"), params)
            await connection.execute(text("DELETE FROM incidents WHERE id = :incident"), params)
            await connection.execute(text("DELETE FROM reviews WHERE id = :review"), params)
            for subject in people:
                await connection.execute(text("DELETE FROM subjects WHERE id = :id"), {"id": subject})
        await engine.dispose()


async def test_two_moves_with_the_same_etag(live: httpx.AsyncClient, issuer: TestIssuer, review: str) -> None:
    read = await live.get(f"/v1/reviews/{review}", headers=issuer.headers(**ANALYST))
    etag = read.headers["ETag"]
    assert read.json()["version"] == 1

    async def move(to: str) -> httpx.Response:
        return await live.post(
            f"/v1/reviews/{review}/transitions",
            json={"to": to},
            headers={**issuer.headers(**ANALYST), "If-Match": etag},
        )

    responses = await asyncio.gather(move("in_review"), move("in_review"))
    assert sorted(r.status_code for r in responses) == [200, 412], [r.text for r in responses]
    refused = next(r for r in responses if r.status_code == 412)
    assert refused.json()["type"].endswith("/precondition-failed")
    winner = next(r for r in responses if r.status_code == 200)
    assert winner.headers["ETag"] == '"v2"'
    stored = await live.get(f"/v1/reviews/{review}", headers=issuer.headers(**ANALYST))
    assert (stored.json()["status"], stored.json()["version"]) == ("in_review", 2)
    assert stored.headers["ETag"] == '"v2"'
    assert [e["to_status"] for e in stored.json()["events"] if e["kind"] == "transition"] == ["in_review"]


async def test_a_stale_write_is_refused_by_the_version(review: str, db_urls: dict[str, str]) -> None:
    """Without any row lock: of two sessions that read version 1, the second to write finds no row at v1."""
    engine = create_async_engine(db_urls["referrals"])
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    try:
        async with sessions() as first, sessions() as second:
            mine, theirs = [await s.get_one(Review, uuid.UUID(review)) for s in (first, second)]
            mine.outcome_reason = "first"
            await first.commit()
            theirs.outcome_reason = "second"
            with pytest.raises(StaleDataError):
                await second.commit()
        async with sessions() as check:
            stored = await check.get_one(Review, uuid.UUID(review))
            assert (stored.outcome_reason, stored.version) == ("first", 2)
    finally:
        await engine.dispose()


async def test_if_match_star_is_428(client: httpx.AsyncClient, issuer: TestIssuer) -> None:
    body = {
        "crime_reference": "46/428/25",
        "occurred_at": "2025-06-14T22:40:00Z",
        "district": "swale",
        "category": "knife-sharp-instrument",
        "weapon_knife": True,
        "people": [{"role": "victim", "given_name": "Star", "family_name": "Testperson", "age": 17}],
    }
    await client.post("/v1/imports/incidents", json={"reports": [body]}, headers=issuer.headers(**FEED))
    listed = await client.get(
        "/v1/incidents", params={"crime_reference": "46/428/25"}, headers=issuer.headers(**ANALYST)
    )
    review = listed.json()["items"][0]["review_id"]
    response = await client.post(
        f"/v1/reviews/{review}/transitions",
        json={"to": "in_review"},
        headers={**issuer.headers(**ANALYST), "If-Match": "*"},
    )
    assert response.status_code == 428
    assert response.json()["type"].endswith("/precondition-required")
    stored = await client.get(f"/v1/reviews/{review}", headers=issuer.headers(**ANALYST))
    assert (stored.json()["status"], stored.json()["version"]) == ("new", 1)
