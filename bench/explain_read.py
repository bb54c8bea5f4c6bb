"""``EXPLAIN (ANALYZE, BUFFERS)`` of every statement the hot reads send, on the bench's data:
``.venv/bin/pytest bench/explain_read.py -s -q`` (``BENCH_BIG=1000000`` for the large table, as
``./vru bench``'s ``--big``; seeding a million incidents takes minutes). Not part of the test suite.

Each request is made once through the app (the statements and their parameters captured at the driver), then
each statement is explained with the same parameters in a transaction that is rolled back (the audit CTE's row
with it).
"""

from __future__ import annotations

import os

import asyncpg
import httpx
import pytest

from bench.profile_read import SEEDED, _seed
from bench.run import review_id, seed_incidents
from referrals.main import create_app
from referrals.settings import ReferralsSettings
from vru_dev.kits.referrals import Casework
from vru_dev.testing import TEST_ISSUER, TestIssuer, captured_statements


@pytest.mark.parametrize("record", ["review", "queue", "queue-deep"])
async def test_explain(db_urls: dict[str, str], issuer: TestIssuer, record: str) -> None:
    await _seed(db_urls["referrals"])
    dsn = db_urls["referrals"].replace("postgresql+asyncpg://", "postgresql://")
    big = int(os.environ.get("BENCH_BIG", "0"))
    if big > SEEDED:
        connection = await asyncpg.connect(dsn)
        try:
            have = await connection.fetchval("SELECT count(*) FROM referrals.incidents")
        finally:
            await connection.close()
        if have < big:
            await seed_incidents(dsn, SEEDED + 1, big)
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
            if record == "review":
                url, headers = f"/v1/reviews/{review_id(5)}", casework.headers(casework.ANALYST)
            else:
                url, headers = "/v1/reviews?limit=50", casework.headers(casework.MEDWAY_SWALE)
            if record == "queue-deep":  # the bench's deep page: 10,000 rows down the queue, as 50 pages of 200
                url = "/v1/reviews?limit=200"
                for _ in range(50):
                    link = (await client.get(url, headers=headers)).headers.get("link")
                    if not link:
                        break
                    url = link.split(";")[0].strip("<>").removeprefix("http://testserver")
                url = url.replace("limit=200", "limit=50")
            assert (await client.get(url, headers=headers)).status_code == 200
            with captured_statements() as statements:
                assert (await client.get(url, headers=headers)).status_code == 200
    connection = await asyncpg.connect(dsn)
    try:
        print(f"\n=== {record}: GET {url}")
        for sql, parameters in statements:
            transaction = connection.transaction()
            await transaction.start()
            try:
                plan = await connection.fetch("EXPLAIN (ANALYZE, BUFFERS) " + sql, *(parameters or ()))
            finally:
                await transaction.rollback()
            print("--- " + " ".join(sql.split())[:400])
            print("\n".join(row[0] for row in plan))
    finally:
        await connection.close()
