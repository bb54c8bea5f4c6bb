"""Two changes from the same read: one wins, the other is told 412 — also when they truly run side by side.

The live tests use the app's real sessionmaker (one connection per request, real commits), not the rolled-back
single connection of ``running_app``; they put back what they commit."""

import asyncio
import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.orm.exc import StaleDataError

from referrals.main import create_app
from referrals.reference.repository import PartnerAgencyRepository
from referrals.settings import ReferralsSettings
from vru_dev.testing import TEST_ISSUER, TestIssuer, live_app

CODE = "national-referral-mechanism"
PATH = f"/v1/partner-agencies/{CODE}"
ADMIN = {"roles": ["admin"], "sub": "admin-1"}


@pytest.fixture
async def restored(db_urls: dict[str, str]) -> AsyncIterator[None]:
    """The partner agency as it was, put back after the test."""
    engine = create_async_engine(db_urls["referrals"])
    query = "SELECT identity_agency_id, version, updated_at FROM partner_agencies WHERE code = :code"
    async with engine.connect() as connection:
        before = (await connection.execute(text(query), {"code": CODE})).one()
    try:
        yield
    finally:
        async with engine.begin() as connection:
            await connection.execute(
                text(
                    "UPDATE partner_agencies SET identity_agency_id = :agency, version = :version, "
                    "updated_at = :updated_at WHERE code = :code"
                ),
                {"agency": before[0], "version": before[1], "updated_at": before[2], "code": CODE},
            )
        await engine.dispose()


@pytest.fixture
async def live(db_urls: dict[str, str], issuer: TestIssuer, restored: None) -> AsyncIterator[httpx.AsyncClient]:
    settings = ReferralsSettings(
        database_url=db_urls["referrals"],
        token_issuer=TEST_ISSUER,
        audit_seal_interval_seconds=3600,
        funding_count_interval_seconds=3600,
    )
    app: FastAPI = create_app(settings)
    async with live_app(app, issuer) as client:
        yield client


async def test_two_links_from_the_same_read_one_wins(
    live: httpx.AsyncClient, issuer: TestIssuer, db_urls: dict[str, str]
) -> None:
    """Both requests read the same version and pass the If-Match check while another transaction holds the
    row; once it lets go, one write lands and the other finds the version moved on."""
    headers = issuer.headers(**ADMIN)
    read = await live.get(PATH, headers=headers)
    version = read.json()["version"]

    async def link(agency: str) -> httpx.Response:
        return await live.patch(
            PATH, json={"identity_agency_id": agency}, headers={**headers, "If-Match": read.headers["etag"]}
        )

    engine = create_async_engine(db_urls["referrals"])
    try:
        async with engine.connect() as holder:
            held = await holder.begin()
            await holder.execute(text("SELECT 1 FROM partner_agencies WHERE code = :code FOR UPDATE"), {"code": CODE})
            requests = [asyncio.create_task(link(str(uuid.uuid4()))) for _ in range(2)]
            await _until_waiting(engine, 2)
            await held.rollback()
        responses = await asyncio.gather(*requests)
    finally:
        await engine.dispose()
    assert sorted(r.status_code for r in responses) == [200, 412]
    winner = next(r for r in responses if r.status_code == 200)
    loser = next(r for r in responses if r.status_code == 412)
    assert loser.json()["type"].endswith("/precondition-failed")
    assert winner.headers["etag"] == f'"v{version + 1}"'
    stored = (await live.get(PATH, headers=headers)).json()
    assert (stored["identity_agency_id"], stored["version"]) == (winner.json()["identity_agency_id"], version + 1)


async def _until_waiting(engine: AsyncEngine, count: int) -> None:
    """Until ``count`` connections of this database wait for a lock (the requests' UPDATEs)."""
    query = text(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    for _ in range(200):
        async with engine.connect() as connection:
            if (await connection.execute(query)).scalar_one() >= count:
                return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{count} requests never waited for the row")


async def test_a_star_names_no_version(live: httpx.AsyncClient, issuer: TestIssuer) -> None:
    response = await live.patch(
        PATH, json={"identity_agency_id": None}, headers={**issuer.headers(**ADMIN), "If-Match": "*"}
    )
    assert response.status_code == 428
    assert response.json()["type"].endswith("/precondition-required")


async def test_the_version_is_checked_when_the_change_is_written(db_urls: dict[str, str], restored: None) -> None:
    """Both sessions read the same version; the second's write finds the row changed and is refused."""
    engine = create_async_engine(db_urls["referrals"])
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    try:
        async with sessions() as first, sessions() as second:
            mine = await PartnerAgencyRepository(first).get_by(code=CODE)
            theirs = await PartnerAgencyRepository(second).get_by(code=CODE)
            assert mine is not None
            assert theirs is not None
            assert mine.version == theirs.version
            await PartnerAgencyRepository(first).update(mine, {"identity_agency_id": uuid.uuid4()})
            await first.commit()
            assert mine.version == theirs.version + 1
            with pytest.raises(StaleDataError):
                await PartnerAgencyRepository(second).update(theirs, {"identity_agency_id": uuid.uuid4()})
    finally:
        await engine.dispose()
