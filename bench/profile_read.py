"""Profile ``GET /v1/referrals/{id}`` and ``GET /v1/reviews/{id}`` in-process, as the service runs them (its own
engine and pool, the middleware's commit): ``.venv/bin/pytest bench/profile_read.py -s -q``. Not part of the
test suite (the statement counts are pinned by ``services/referrals/tests/test_statement_counts.py``).

Prints the statements and round trips per request (:func:`vru_dev.testing.count_statements`) and the top of a
cProfile of N requests through ``httpx.ASGITransport``.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import time

import httpx
import pytest

from referrals.main import create_app
from referrals.settings import ReferralsSettings
from vru_dev.kits.referrals import Casework
from vru_dev.testing import TEST_ISSUER, TestIssuer, count_statements

N = 400


@pytest.mark.parametrize("record", ["referral", "review"])
async def test_profile_read(db_urls: dict[str, str], issuer: TestIssuer, record: str) -> None:
    settings = ReferralsSettings(
        database_url=db_urls["referrals"],
        token_issuer=TEST_ISSUER,
        audit_seal_interval_seconds=3600,
        funding_count_interval_seconds=3600,
    )
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        app.state.token_verifier = issuer.verifier()
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            casework = Casework(client, issuer, app)
            ids = await casework.young_person(f"46/{time.time_ns() % 1000}/26")
            referral = await casework.refer(ids, forum="mam-medway-swale")
            url = f"/v1/referrals/{referral['id']}" if record == "referral" else f"/v1/reviews/{ids['review']}"
            headers = casework.headers(casework.ANALYST)
            for _ in range(20):  # warm the statement caches
                assert (await client.get(url, headers=headers)).status_code == 200
            with count_statements() as log:
                response = await client.get(url, headers=headers)
            assert response.status_code == 200
            print(f"\n--- one request: {log}, {log.begins} begin, {log.commits} commit")
            profile = cProfile.Profile()
            started = time.perf_counter()
            profile.enable()
            for _ in range(N):
                await client.get(url, headers=headers)
            profile.disable()
            elapsed = time.perf_counter() - started
            print(f"--- {N} requests in-process: {N / elapsed:.0f} req/s, {elapsed / N * 1000:.2f} ms each")
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(60)
            print(out.getvalue())
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(30)
            print(out.getvalue())
