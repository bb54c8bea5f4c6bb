"""The reference: bare Starlette + asyncpg running the same SQL as the product, on the same data.

Every benchmark ratio is product ÷ this, measured minutes apart on the same machine. Started by
``bench/run.py`` as ``uvicorn bench.reference_app:app`` with ``BENCH_DSN`` set (the referrals role).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import AsyncIterator
from datetime import datetime
from uuid import UUID

import asyncpg
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

#: The product's review read (``referrals.review.repository.REVIEW_READ``, issue 17): the review with its codes,
#: districts, counts, incidents, young people and history, and its audit row, in one statement.
READ_REVIEW = """
WITH audit AS (
    INSERT INTO referrals_audit.audit_log (actor_subject, actor_kind, roles, action, record_type, record_ids, purpose)
    VALUES ($2, 'person', ARRAY['analyst'], 'read', 'review', ARRAY[$3::text], 'review')
)
SELECT r.id, r.status, a.code AS area, d.code AS district,
       (SELECT coalesce(array_agg(d2.code ORDER BY d2.code), '{}') FROM referrals.review_districts rd
        JOIN referrals.districts d2 ON d2.id = rd.district_id WHERE rd.review_id = r.id) AS districts,
       (SELECT count(*) FROM referrals.incidents WHERE review_id = r.id) AS incident_count,
       (SELECT count(*) FROM referrals.review_subjects WHERE review_id = r.id) AS subject_count,
       r.forum_case_ref, r.outcome_reason, r.created_at, r.updated_at, r.closed_at, r.version,
       (SELECT coalesce(json_agg(json_build_object('id', i.id, 'crime_reference', i.crime_reference,
                'occurred_at', i.occurred_at, 'district', id2.code, 'category', c.code,
                'weapon_knife', i.weapon_knife, 'weapon_firearm', i.weapon_firearm) ORDER BY i.occurred_at, i.id), '[]')
        FROM referrals.incidents i JOIN referrals.districts id2 ON id2.id = i.district_id
        JOIN referrals.offence_categories c ON c.id = i.category_id WHERE i.review_id = r.id)::text AS incidents,
       (SELECT coalesce(json_agg(json_build_object('id', s.id, 'given_name', s.given_name, 'family_name', s.family_name,
                'date_of_birth', s.date_of_birth) ORDER BY s.family_name, s.given_name, s.id), '[]')
        FROM referrals.review_subjects rs JOIN referrals.subjects s ON s.id = rs.subject_id
        WHERE rs.review_id = r.id)::text AS subjects,
       (SELECT coalesce(json_agg(json_build_object('kind', e.kind, 'from_status', e.from_status,
                'to_status', e.to_status, 'reason', e.reason, 'forum_case_ref', e.forum_case_ref,
                'incident_id', e.incident_id, 'actor', e.actor, 'actor_name', e.actor_name, 'at', e.at)
                ORDER BY e.at, e.id), '[]')
        FROM referrals.review_events e WHERE e.review_id = r.id)::text AS events
FROM referrals.reviews r
JOIN referrals.coordinator_areas a ON a.id = r.area_id
JOIN referrals.districts d ON d.id = r.district_id
WHERE r.id = $1
"""
NESTED = ("incidents", "subjects", "events")

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

#: The product's plan for a coordinator's page (``referrals.review.repository.in_queue_order``): each district's
#: newest reviews from ``ix_review_districts_queue``, the newest of them by key.
QUEUE_PAGE = """
SELECT r.id, r.status, r.created_at, a.code AS area_code
FROM referrals.reviews r
JOIN referrals.coordinator_areas a ON a.id = r.area_id
WHERE r.id = ANY(ARRAY(
    SELECT p.review_id FROM referrals.districts d
    CROSS JOIN LATERAL (
        SELECT rd.review_created_at, rd.review_id FROM referrals.review_districts rd WHERE rd.district_id = d.id
        ORDER BY rd.review_created_at DESC, rd.review_id DESC LIMIT $2
    ) p
    WHERE d.code = ANY($1::text[])
    GROUP BY p.review_created_at, p.review_id
    ORDER BY p.review_created_at DESC, p.review_id DESC LIMIT $2
))
ORDER BY r.created_at DESC, r.id DESC
LIMIT $2
"""


#: The mixed load's incident read (bench/mixed.py): the incident with its district and category and the audit row,
#: then its people with where they live, then its changes.
READ_INCIDENT = """
WITH audit AS (
    INSERT INTO referrals_audit.audit_log (actor_subject, actor_kind, roles, action, record_type, record_ids, purpose)
    VALUES ($2, 'person', ARRAY['analyst'], 'read', 'incident', ARRAY[$3::text], 'incident')
)
SELECT i.id, i.crime_reference, i.occurred_at, i.weapon_knife, i.weapon_firearm, i.location, i.screening,
       i.review_id, i.version, d.code AS district_code, c.code AS category_code
FROM referrals.incidents i
JOIN referrals.districts d ON d.id = i.district_id
JOIN referrals.offence_categories c ON c.id = i.category_id
WHERE i.id = $1
"""

INCIDENT_PEOPLE = """
SELECT p.id, p.role, p.given_name, p.family_name, p.date_of_birth, p.age, p.subject_id, h.code AS home_district
FROM referrals.incident_people p LEFT JOIN referrals.districts h ON h.id = p.home_district_id
WHERE p.incident_id = $1 ORDER BY p.position
"""

INCIDENT_CHANGES = "SELECT * FROM referrals.incident_changes WHERE incident_id = $1"

#: The first page of the incidents list (newest first, one row more than the page to know whether another follows).
INCIDENT_PAGE = """
SELECT i.id, i.crime_reference, i.occurred_at, i.weapon_knife, i.weapon_firearm, i.screening, i.review_id,
       i.version, d.code AS district_code, c.code AS category_code
FROM referrals.incidents i
JOIN referrals.districts d ON d.id = i.district_id
JOIN referrals.offence_categories c ON c.id = i.category_id
ORDER BY i.occurred_at DESC, i.id DESC
LIMIT $1
"""

#: The first page of the referrals list; ``$2`` a partner agency's code (its referrals once sent) or NULL (all).
REFERRAL_PAGE = """
SELECT r.id, r.status, r.reason, r.version, r.created_at, r.sent_at,
       s.id AS subject_id, s.given_name, s.family_name, s.date_of_birth,
       d.code AS district_code, f.code AS forum_code, p.code AS partner_code
FROM referrals.referrals r
JOIN referrals.subjects s ON s.id = r.subject_id
JOIN referrals.districts d ON d.id = r.district_id
LEFT JOIN referrals.forums f ON f.id = r.forum_id
LEFT JOIN referrals.partner_agencies p ON p.id = r.partner_agency_id
WHERE $2::text IS NULL OR (r.sent_at IS NOT NULL AND p.code = $2::text)
ORDER BY r.created_at DESC, r.id DESC
LIMIT $1
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
    # in a transaction, as the product's request is (BEGIN and COMMIT: a round trip each)
    async with request.app.state.pool.acquire() as connection, connection.transaction():
        row = await connection.fetchrow(READ_REVIEW, review_id, "bench-reference", str(review_id))
    if row is None:
        return JSONResponse({"status": 404}, status_code=404)
    body: dict[str, object] = {
        k: (json.loads(v) if k in NESTED else v.isoformat() if isinstance(v, datetime) else v)
        for k, v in dict(row).items()
    }
    body["id"] = str(row["id"])
    return JSONResponse(body)


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


async def read_incident(request: Request) -> Response:
    incident_id = UUID(request.path_params["incident_id"])
    async with request.app.state.pool.acquire() as connection, connection.transaction():
        row = await connection.fetchrow(READ_INCIDENT, incident_id, "bench-reference", str(incident_id))
        if row is None:
            return JSONResponse({"status": 404}, status_code=404)
        people = await connection.fetch(INCIDENT_PEOPLE, incident_id)
        changes = await connection.fetch(INCIDENT_CHANGES, incident_id)
    body = _jsonable(dict(row))
    body["people"] = [_jsonable(dict(p)) for p in people]
    body["changes"] = [_jsonable(dict(c)) for c in changes]
    return JSONResponse(body)


async def incidents(request: Request) -> Response:
    async with request.app.state.pool.acquire() as connection:
        rows = await connection.fetch(INCIDENT_PAGE, 51)
    return JSONResponse({"items": [_jsonable(dict(r)) for r in rows[:50]]})


async def referrals(request: Request) -> Response:
    partner = request.query_params.get("partner_agency")
    async with request.app.state.pool.acquire() as connection:
        rows = await connection.fetch(REFERRAL_PAGE, 51, partner)
    return JSONResponse({"items": [_jsonable(dict(r)) for r in rows[:50]]})


def _jsonable(row: dict[str, object]) -> dict[str, object]:
    return {k: (str(v) if v is not None and not isinstance(v, bool | int | str) else v) for k, v in row.items()}


async def static(_: Request) -> Response:
    """A static answer, no database: the gateway's own cost is the difference between this through Traefik and
    direct (bench/gateway.py)."""
    return JSONResponse({"status": "ok"})


async def healthz(_: Request) -> Response:
    return JSONResponse({"status": "alive"})


app = Starlette(
    routes=[
        Route("/reviews/{review_id}", read_review),
        Route("/referrals/{referral_id}", read_referral),
        Route("/queue", queue),
        Route("/incidents/{incident_id}", read_incident),
        Route("/incidents", incidents),
        Route("/referrals", referrals),
        # A path of the referrals service's prefixes (services/gateway/dynamic/routers.yml), so that a gateway whose
        # referrals backend is this app routes it here.
        Route("/v1/districts/bench-static", static),
        Route("/healthz", healthz),
    ],
    lifespan=lifespan,
)
