"""The reference: bare Starlette + asyncpg running the same SQL as the product, on the same data.

Every benchmark ratio is product ÷ this, measured minutes apart on the same machine. Started by
``bench/run.py`` as ``uvicorn bench.reference_app:app`` with ``BENCH_DSN`` set (the referrals role).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator
from uuid import UUID

import asyncpg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

#: One round trip: the audit row rides in the same statement as the read (DESIGN §9).
READ_REVIEW = """
WITH audit AS (
    INSERT INTO referrals_audit.audit_log (actor_subject, actor_kind, roles, action, record_type, record_ids, purpose)
    VALUES ($2, 'person', ARRAY['analyst'], 'read', 'review', ARRAY[$3::text], 'review')
)
SELECT r.id, r.status, r.version, r.created_at, a.code AS area_code, d.code AS district_code
FROM referrals.reviews r
JOIN referrals.coordinator_areas a ON a.id = r.area_id
JOIN referrals.districts d ON d.id = r.district_id
WHERE r.id = $1
"""

#: The product's referral read: the row with its subject and destination, the audit row, then the history.
READ_REFERRAL = """
WITH audit AS (
    INSERT INTO referrals_audit.audit_log (actor_subject, actor_kind, roles, action, record_type, record_ids, purpose)
    VALUES ($2, 'person', ARRAY['analyst'], 'read', 'referral', ARRAY[$3::text], 'referral')
)
SELECT r.id, r.status, r.reason, r.lawful_basis, r.consent, r.version, r.created_at, r.sent_at,
       s.id AS subject_id, s.given_name, s.family_name, s.date_of_birth,
       d.code AS district_code, f.code AS forum_code, p.code AS partner_code
FROM referrals.referrals r
JOIN referrals.subjects s ON s.id = r.subject_id
JOIN referrals.districts d ON d.id = r.district_id
LEFT JOIN referrals.forums f ON f.id = r.forum_id
LEFT JOIN referrals.partner_agencies p ON p.id = r.partner_agency_id
WHERE r.id = $1
"""

REFERRAL_EVENTS = """
SELECT kind, from_status, to_status, note, actor_name, at
FROM referrals.referral_events WHERE referral_id = $1 ORDER BY at, id
"""

QUEUE_PAGE = """
SELECT r.id, r.status, r.created_at, a.code AS area_code
FROM referrals.reviews r
JOIN referrals.coordinator_areas a ON a.id = r.area_id
WHERE EXISTS (
    SELECT 1 FROM referrals.review_districts rd JOIN referrals.districts d ON d.id = rd.district_id
    WHERE rd.review_id = r.id AND d.code = ANY($1::text[])
)
ORDER BY r.created_at DESC, r.id DESC
LIMIT $2
"""


@contextlib.asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    app.state.pool = await asyncpg.create_pool(os.environ["BENCH_DSN"], min_size=4, max_size=10)
    try:
        yield
    finally:
        await app.state.pool.close()


async def read_review(request: Request) -> Response:
    review_id = UUID(request.path_params["review_id"])
    async with request.app.state.pool.acquire() as connection:
        row = await connection.fetchrow(READ_REVIEW, review_id, "bench-reference", str(review_id))
    if row is None:
        return JSONResponse({"status": 404}, status_code=404)
    return JSONResponse({**dict(row), "id": str(row["id"]), "created_at": row["created_at"].isoformat()})


async def read_referral(request: Request) -> Response:
    referral_id = UUID(request.path_params["referral_id"])
    async with request.app.state.pool.acquire() as connection, connection.transaction():
        row = await connection.fetchrow(READ_REFERRAL, referral_id, "bench-reference", str(referral_id))
        if row is None:
            return JSONResponse({"status": 404}, status_code=404)
        events = await connection.fetch(REFERRAL_EVENTS, referral_id)
    body: dict[str, object] = {
        k: (str(v) if v is not None and not isinstance(v, int | str) else v) for k, v in dict(row).items()
    }
    body["events"] = [{k: str(v) if v is not None else None for k, v in dict(e).items()} for e in events]
    return JSONResponse(body)


async def queue(request: Request) -> Response:
    async with request.app.state.pool.acquire() as connection:
        rows = await connection.fetch(QUEUE_PAGE, ["medway", "swale"], 50)
    return JSONResponse([{"id": str(r["id"]), "status": r["status"]} for r in rows])


async def healthz(_: Request) -> Response:
    return JSONResponse({"status": "alive"})


app = Starlette(
    routes=[
        Route("/reviews/{review_id}", read_review),
        Route("/referrals/{referral_id}", read_referral),
        Route("/queue", queue),
        Route("/healthz", healthz),
    ],
    lifespan=lifespan,
)
