"""Profile the hot reads in-process, as the service runs them (its own engine and pool, the middleware's commit,
a real signed token verified by the app): ``.venv/bin/pytest bench/profile_read.py -s -q`` (``-k queue`` for
one). Not part of the test suite (the statement counts are pinned by
``services/referrals/tests/test_statement_counts.py``).

The data is the bench's (``bench/run.py``'s ``SEED_SQL``: 10,000 reviews, each with an incident, 2/13 of them in
Medway and Swale) plus one young person's referral. The routes, as ``./vru bench`` calls them:

- ``referral``: ``GET /v1/referrals/{id}`` as an analyst;
- ``review``: ``GET /v1/reviews/{id}`` of a seeded review, as an analyst;
- ``queue``: ``GET /v1/reviews?limit=50`` as the Medway and Swale coordinator (the review queue page).

For each it prints the statements and round trips of one request (:func:`vru_dev.testing.count_statements`), the
CPU milliseconds per request of this process without the profiler (``time.process_time``: the database's own
work is another process, and is not in it; it drifts with the machine's load), the Python function calls per
request (cProfile's count: deterministic, the figure to compare across runs), and the top of a cProfile of N
requests (by own time, and cumulative).

``PROFILE_RAW=1`` calls the app as the server would (one ASGI call per request, its messages kept in lists)
instead of through httpx's ASGI transport, whose own work — ~1,000 calls a request, among them an import of trio
tried every request — is otherwise in the figures: the service's cost alone.
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import time
from typing import Any

import asyncpg
import httpx
import pytest

from bench.run import review_id, seed_incidents
from referrals.main import create_app
from referrals.settings import ReferralsSettings
from vru_dev.kits.referrals import Casework
from vru_dev.testing import TEST_ISSUER, TestIssuer, count_statements

N = 400
SEEDED = 10_000
RAW = bool(os.environ.get("PROFILE_RAW"))


async def raw_get(app: Any, url: str, headers: dict[str, str]) -> int:
    """One GET through the ASGI app as a server calls it; the status."""
    path, _, query = url.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": query.encode(),
        "headers": [(b"host", b"testserver"), *((k.lower().encode(), v.encode()) for k, v in headers.items())],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return int(sent[0]["status"])


async def _seed(url: str) -> None:
    dsn = url.replace("postgresql+asyncpg://", "postgresql://")
    connection = await asyncpg.connect(dsn)
    try:
        seeded = await connection.fetchval("SELECT count(*) FROM referrals.incidents WHERE crime_reference = 'BENCH/1'")
    finally:
        await connection.close()
    if not seeded:
        await seed_incidents(dsn, 1, SEEDED)


@pytest.mark.parametrize("record", ["referral", "review", "queue"])
async def test_profile_read(db_urls: dict[str, str], issuer: TestIssuer, record: str) -> None:
    await _seed(db_urls["referrals"])
    settings = ReferralsSettings(
        database_url=db_urls["referrals"],
        token_issuer=TEST_ISSUER,
        audit_seal_interval_seconds=3600,
        funding_count_interval_seconds=3600,
        events_relay_interval_seconds=3600,
    )
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        app.state.token_verifier = issuer.verifier()
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            casework = Casework(client, issuer, app)
            headers = casework.headers(casework.ANALYST)
            if record == "referral":
                ids = await casework.young_person(f"46/{time.time_ns() % 100000}/26")
                referral = await casework.refer(ids, forum="mam-medway-swale")
                url = f"/v1/referrals/{referral['id']}"
            elif record == "review":
                url = f"/v1/reviews/{review_id(5)}"
            else:
                url = "/v1/reviews?limit=50"
                headers = casework.headers(casework.MEDWAY_SWALE)
            for _ in range(20):  # warm the statement caches
                assert (await client.get(url, headers=headers)).status_code == 200
            with count_statements() as log:
                response = await client.get(url, headers=headers)
            assert response.status_code == 200
            print(f"\n=== {record}: GET {url}" + (" (raw ASGI calls)" if RAW else ""))
            print(f"--- one request: {log}, {log.begins} begin, {log.commits} commit")

            async def get() -> None:
                if RAW:
                    assert await raw_get(app, url, headers) == 200
                else:
                    await client.get(url, headers=headers)

            cpu, wall = time.process_time(), time.perf_counter()
            for _ in range(N):
                await get()
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            each = f"{cpu / N * 1000:.2f} ms CPU, {wall / N * 1000:.2f} ms wall"
            print(f"--- {N} requests in-process, no profiler: {each} each")

            profile = cProfile.Profile()
            profile.enable()
            for _ in range(N):
                await get()
            profile.disable()
            if os.environ.get("PROFILE_DUMP"):  # a folder: keep the profile for pstats / snakeviz
                profile.dump_stats(os.path.join(os.environ["PROFILE_DUMP"], f"{record}.prof"))
            stats = pstats.Stats(profile)
            # Function calls per request: deterministic where CPU time on a shared machine is not.
            print(f"--- {stats.total_calls / N:,.0f} Python function calls per request (cProfile)")  # type: ignore[attr-defined]
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(25)
            print(out.getvalue())
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(60)
            print(out.getvalue())
