"""The sum awarded and spent on a budget line never exceeds it, also when requests race.

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
from sqlalchemy.orm.exc import StaleDataError

from funding.grant.repository import GrantRepository
from funding.main import create_app
from funding.settings import FundingSettings
from vru_dev.testing import TEST_ISSUER, TestIssuer, live_app

FUND = "2b0ec1f4-df8c-5d24-b205-8fb95133db77"
MEDWAY_COUNCIL = "09584578-2b27-5431-b8e5-0cf718a55d7a"


@pytest.fixture
async def live(db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[tuple[httpx.AsyncClient, FastAPI]]:
    app = create_app(FundingSettings(database_url=db_urls["funding"], token_issuer=TEST_ISSUER, db_pool_size=10))
    async with live_app(app, issuer) as client:
        yield client, app


@pytest.fixture
async def line(
    live: tuple[httpx.AsyncClient, FastAPI], issuer: TestIssuer, db_urls: dict[str, str]
) -> AsyncIterator[str]:
    """A committed £1,000.00 budget line, removed (with everything on it) afterwards."""
    client, _ = live
    code = "race-" + uuid.uuid4().hex[:8]
    body = {
        "fund_id": FUND,
        "financial_year": "2026-27",
        "code": code,
        "name": "Race test line",
        "amount_pence": 100_000,
        "currency": "GBP",
    }
    response = await client.post("/v1/budget-lines", json=body, headers=issuer.headers(roles=["director"]))
    assert response.status_code == 201, response.text
    line_id = response.json()["id"]
    try:
        yield line_id
    finally:
        engine = create_async_engine(db_urls["funding"])
        async with engine.begin() as connection:
            params = {"line": line_id}
            await connection.execute(
                text("DELETE FROM grant_events WHERE grant_id IN (SELECT id FROM grants WHERE budget_line_id = :line)"),
                params,
            )
            await connection.execute(text("DELETE FROM grants WHERE budget_line_id = :line"), params)
            await connection.execute(text("DELETE FROM spend WHERE budget_line_id = :line"), params)
            await connection.execute(text("DELETE FROM budget_lines WHERE id = :line"), params)
        await engine.dispose()


async def grant_in_review(client: httpx.AsyncClient, issuer: TestIssuer, line_id: str, pence: int) -> dict[str, Any]:
    officer = issuer.headers(roles=["programme_officer"], sub="officer-1")
    body = {
        "title": "Race test grant",
        "description": "Two approvals at once.",
        "recipient_organisation_id": MEDWAY_COUNCIL,
        "budget_line_id": line_id,
        "amount_applied_pence": pence,
        "currency": "GBP",
    }
    grant = (await client.post("/v1/grants", json=body, headers=officer)).json()
    for to in ("submitted", "in_review"):
        response = await client.post(
            f"/v1/grants/{grant['id']}/transitions",
            json={"to": to},
            headers={**officer, "If-Match": f'"v{grant["version"]}"'},
        )
        grant = response.json()
    return dict(grant)


async def test_two_approvals_that_together_exceed_the_line(
    live: tuple[httpx.AsyncClient, FastAPI], issuer: TestIssuer, line: str
) -> None:
    client, _ = live
    grants = [await grant_in_review(client, issuer, line, 60_000) for _ in range(2)]
    director = issuer.headers(roles=["director"], sub="director-1")

    async def approve(grant: dict[str, Any]) -> httpx.Response:
        return await client.post(
            f"/v1/grants/{grant['id']}/transitions",
            json={"to": "approved"},
            headers={**director, "If-Match": f'"v{grant["version"]}"'},
        )

    responses = await asyncio.gather(*(approve(g) for g in grants))
    assert sorted(r.status_code for r in responses) == [200, 409]
    refused = next(r for r in responses if r.status_code == 409)
    assert refused.json()["type"].endswith("/budget-exceeded")
    state = (await client.get(f"/v1/budget-lines/{line}", headers=director)).json()
    assert (state["awarded_pence"], state["available_pence"]) == (60_000, 40_000)


async def test_many_approvals_and_spends_racing(
    live: tuple[httpx.AsyncClient, FastAPI], issuer: TestIssuer, line: str
) -> None:
    """Five £150 awards and five £150 spends on a £1,000 line at once: exactly six fit."""
    client, _ = live
    grants = [await grant_in_review(client, issuer, line, 15_000) for _ in range(5)]
    director = issuer.headers(roles=["director"], sub="director-1")
    service = issuer.headers(roles=["service"], kind="client", sub="etp-inventory-service")

    async def approve(grant: dict[str, Any]) -> httpx.Response:
        return await client.post(
            f"/v1/grants/{grant['id']}/transitions",
            json={"to": "approved"},
            headers={**director, "If-Match": f'"v{grant["version"]}"'},
        )

    async def spend(n: int) -> httpx.Response:
        body = {
            "amount_pence": 15_000,
            "currency": "GBP",
            "description": "Trauma packs",
            "source": "etp_inventory",
            "source_reference": f"{line}-{n}",
            "spent_on": "2026-05-01",
        }
        return await client.post(f"/v1/budget-lines/{line}/spend", json=body, headers=service)

    responses = await asyncio.gather(*(approve(g) for g in grants), *(spend(n) for n in range(5)))
    assert sum(r.status_code in (200, 201) for r in responses) == 6
    assert sum(r.status_code == 409 for r in responses) == 4
    assert all(r.json()["type"].endswith("/budget-exceeded") for r in responses if r.status_code == 409)
    state = (await client.get(f"/v1/budget-lines/{line}", headers=director)).json()
    assert state["awarded_pence"] + state["spent_pence"] == 90_000
    assert state["available_pence"] == 10_000


async def patch_twice(client: httpx.AsyncClient, url: str, headers: dict[str, str], etag: str) -> list[httpx.Response]:
    """Two changes of the same record sent at once, both from the same read (the same ETag)."""

    async def patch(name: str) -> httpx.Response:
        return await client.patch(url, json={name_field(url): name}, headers={**headers, "If-Match": etag})

    return list(await asyncio.gather(patch("First writer"), patch("Second writer")))


def name_field(url: str) -> str:
    return "title" if "/grants/" in url else "name"


async def assert_one_wins(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], responses: list[httpx.Response]
) -> None:
    assert sorted(r.status_code for r in responses) == [200, 412], [r.text for r in responses]
    winner = next(r for r in responses if r.status_code == 200)
    loser = next(r for r in responses if r.status_code == 412)
    assert loser.json()["type"].endswith("/precondition-failed")
    assert winner.headers["etag"] == '"v2"'
    stored = await client.get(url, headers=headers)
    field = name_field(url)
    assert (stored.json()[field], stored.json()["version"]) == (winner.json()[field], 2)
    assert stored.headers["etag"] == '"v2"'


async def draft_grant(client: httpx.AsyncClient, issuer: TestIssuer, line_id: str) -> dict[str, Any]:
    body = {
        "title": "Race test grant",
        "description": "Two changes at once.",
        "recipient_organisation_id": MEDWAY_COUNCIL,
        "budget_line_id": line_id,
        "amount_applied_pence": 10_000,
        "currency": "GBP",
    }
    response = await client.post("/v1/grants", json=body, headers=issuer.headers(roles=["programme_officer"]))
    assert response.status_code == 201, response.text
    return dict(response.json())


async def test_two_changes_of_a_budget_line_from_the_same_read(
    live: tuple[httpx.AsyncClient, FastAPI], issuer: TestIssuer, line: str
) -> None:
    client, _ = live
    director = issuer.headers(roles=["director"], sub="director-1")
    url = f"/v1/budget-lines/{line}"
    etag = (await client.get(url, headers=director)).headers["etag"]
    assert etag == '"v1"'
    await assert_one_wins(client, url, director, await patch_twice(client, url, director, etag))


async def test_two_changes_of_a_grant_from_the_same_read(
    live: tuple[httpx.AsyncClient, FastAPI], issuer: TestIssuer, line: str
) -> None:
    client, _ = live
    officer = issuer.headers(roles=["programme_officer"], sub="officer-1")
    url = f"/v1/grants/{(await draft_grant(client, issuer, line))['id']}"
    etag = (await client.get(url, headers=officer)).headers["etag"]
    assert etag == '"v1"'
    await assert_one_wins(client, url, officer, await patch_twice(client, url, officer, etag))


async def test_if_match_star_names_no_version(
    live: tuple[httpx.AsyncClient, FastAPI], issuer: TestIssuer, line: str
) -> None:
    client, _ = live
    officer = issuer.headers(roles=["programme_officer"], sub="officer-1")
    grant = await draft_grant(client, issuer, line)
    for url, body in ((f"/v1/budget-lines/{line}", {"name": "x"}), (f"/v1/grants/{grant['id']}", {"title": "x"})):
        response = await client.patch(url, json=body, headers={**officer, "If-Match": "*"})
        assert response.status_code == 428, response.text
        assert response.json()["type"].endswith("/precondition-required")


async def test_the_orm_refuses_a_write_from_a_stale_read(
    live: tuple[httpx.AsyncClient, FastAPI], issuer: TestIssuer, line: str
) -> None:
    """Without any row lock, the second of two writes from the same read finds the version moved on."""
    client, app = live
    grant_id = uuid.UUID((await draft_grant(client, issuer, line))["id"])
    async with app.state.sessionmaker() as first, app.state.sessionmaker() as second:
        mine, theirs = await GrantRepository(first).get(grant_id), await GrantRepository(second).get(grant_id)
        assert mine is not None
        assert theirs is not None
        await GrantRepository(first).update(mine, {"title": "Mine"})
        await first.commit()
        with pytest.raises(StaleDataError):
            await GrantRepository(second).update(theirs, {"title": "Theirs"})
        await second.rollback()
    stored = (await client.get(f"/v1/grants/{grant_id}", headers=issuer.headers(roles=["director"]))).json()
    assert (stored["title"], stored["version"]) == ("Mine", 2)
