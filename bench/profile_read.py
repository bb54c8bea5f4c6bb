"""Profile ``GET /v1/referrals/{id}`` in-process, as the service runs it (its own engine and pool, the
middleware's commit): ``.venv/bin/pytest bench/profile_read.py -s -q``. Not part of the test suite.

Prints the statements and transactions per request (SQLAlchemy events on every engine, pool checkouts — each
checkout runs ``pool_pre_ping``) and the top of a cProfile of N requests through ``httpx.ASGITransport``.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import time
from collections import Counter
from typing import Any

import httpx
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import Pool

from referrals.main import create_app
from referrals.settings import ReferralsSettings
from vru_dev.kits.referrals import Casework
from vru_dev.testing import TEST_ISSUER, TestIssuer

N = 400


async def test_profile_read_referral(db_urls: dict[str, str], issuer: TestIssuer) -> None:
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
            url = f"/v1/referrals/{referral['id']}"
            headers = casework.headers(casework.ANALYST)
            for _ in range(20):  # warm the statement caches
                assert (await client.get(url, headers=headers)).status_code == 200
            statements: list[str] = []
            counts: Counter[str] = Counter()

            def on_execute(*args: Any) -> None:
                statements.append(" ".join(str(args[2]).split())[:150])

            def on_checkout(*args: Any) -> None:
                counts["pool checkout (pre-ping round trip)"] += 1

            def on_commit(*args: Any) -> None:
                counts["commit"] += 1

            def on_begin(*args: Any) -> None:
                counts["begin"] += 1

            event.listen(Engine, "before_cursor_execute", on_execute)
            event.listen(Pool, "checkout", on_checkout)
            event.listen(Engine, "commit", on_commit)
            event.listen(Engine, "begin", on_begin)
            response = await client.get(url, headers=headers)
            assert response.status_code == 200
            event.remove(Engine, "before_cursor_execute", on_execute)
            event.remove(Pool, "checkout", on_checkout)
            event.remove(Engine, "commit", on_commit)
            event.remove(Engine, "begin", on_begin)
            print(f"\n--- one request: {len(statements)} statements, {dict(counts)}")
            for s in statements:
                print("  ", s)
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
