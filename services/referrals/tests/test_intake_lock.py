"""Imports run one at a time, and "a second import waits for the first" (docs/referrals.md) is a wait: however
short the statement timeout, up to ``intake_lock_wait_seconds``; after that the import is answered 503
``service-unavailable`` with ``Retry-After`` and nothing imported — never a 500 (12 concurrent 3,000-row imports
gave 3 × 500 after the 15 s statement timeout cut their lock wait)."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from referrals.intake.repository import INTAKE_LOCK
from referrals.main import create_app
from referrals.settings import ReferralsSettings
from vru_dev.testing import TEST_ISSUER, TestIssuer, live_app

FEED = {"kind": "client", "scopes": ["incidents:ingest"], "client_id": "police-feed"}
UNAVAILABLE = "https://vru.example.org/problems/service-unavailable"


@asynccontextmanager
async def live(db_url: str, issuer: TestIssuer, **settings: float) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(
        ReferralsSettings(
            database_url=db_url,
            token_issuer=TEST_ISSUER,
            audit_seal_interval_seconds=3600,
            funding_count_interval_seconds=3600,
            **settings,  # type: ignore[arg-type]
        )
    )
    async with live_app(app, issuer) as client:
        yield client


@asynccontextmanager
async def intake_locked(db_url: str) -> AsyncIterator[asyncpg.Connection]:
    """Another import holding the intake lock (as a session lock here, released on leaving)."""
    connection = await asyncpg.connect(db_url.replace("postgresql+asyncpg://", "postgresql://", 1))
    try:
        await connection.execute("SELECT pg_advisory_lock($1)", INTAKE_LOCK)
        yield connection
    finally:
        await connection.close()


def report(reference: str) -> dict[str, object]:
    """An adult's robbery: out of scope, so it opens no review and matches no young person."""
    return {
        "crime_reference": reference,
        "occurred_at": "2025-06-14T22:40:00Z",
        "district": "swale",
        "category": "robbery",
        "people": [{"role": "victim", "given_name": "Lock", "family_name": "Waiter", "age": 40}],
    }


async def imported(db_url: str, reference: str, *, remove: bool = False) -> int:
    engine = create_async_engine(db_url)
    async with engine.begin() as connection:
        ids: list[uuid.UUID] = list(
            (await connection.execute(text("SELECT id FROM incidents WHERE crime_reference = :r"), {"r": reference}))
            .scalars()
            .all()
        )
        if remove:
            for id_ in ids:
                for table in ("incident_changes", "incident_people"):
                    await connection.execute(text(f"DELETE FROM {table} WHERE incident_id = :i"), {"i": id_})  # noqa: S608
                await connection.execute(text("DELETE FROM incidents WHERE id = :i"), {"i": id_})
    await engine.dispose()
    return len(ids)


async def test_a_second_import_waits_longer_than_the_statement_timeout(
    db_urls: dict[str, str], issuer: TestIssuer
) -> None:
    url, reference = db_urls["referrals"], f"46/lock-{uuid.uuid4().hex[:8]}/25"
    try:
        async with live(url, issuer, db_statement_timeout_ms=300, intake_lock_wait_seconds=10) as client:
            async with intake_locked(url):
                waiting = asyncio.create_task(
                    client.post(
                        "/v1/imports/incidents", json={"reports": [report(reference)]}, headers=issuer.headers(**FEED)
                    )
                )
                await asyncio.sleep(1.2)  # four statement timeouts
                assert not waiting.done()
            response = await waiting
            assert response.status_code == 200, response.text
            assert response.json()["created"] == 1
    finally:
        assert await imported(url, reference, remove=True) == 1


async def test_an_import_that_cannot_get_the_lock_in_time_is_503(db_urls: dict[str, str], issuer: TestIssuer) -> None:
    url, reference = db_urls["referrals"], f"46/lock-{uuid.uuid4().hex[:8]}/25"
    async with live(url, issuer, intake_lock_wait_seconds=0.5) as client, intake_locked(url):
        body = {"reports": [report(reference)]}
        response = await client.post("/v1/imports/incidents", json=body, headers=issuer.headers(**FEED))
        csv = await client.post(
            "/v1/imports/incidents.csv",
            content=b"crime_reference,occurred_at,district,category,weapon_knife,weapon_firearm,location,role,"
            b"police_person_id,given_name,family_name,date_of_birth,age,home_district\n"
            + f"{reference},2025-06-14T22:40:00Z,swale,robbery,false,false,,victim,,Lock,Waiter,,40,\n".encode(),
            headers={**issuer.headers(**FEED), "Content-Type": "text/csv"},
        )
    for refused in (response, csv):
        assert refused.status_code == 503, refused.text
        assert refused.json()["type"] == UNAVAILABLE
        assert int(refused.headers["retry-after"]) >= 1
        assert "Another import is still running" in refused.json()["detail"]
    assert await imported(url, reference) == 0
