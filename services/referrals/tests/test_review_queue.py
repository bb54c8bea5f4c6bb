"""The coordinators' review queue read in its order from ``ix_review_districts_queue`` (issue 17): the pages are the
reviews drawing in one of the coordinator's districts, newest first, whatever the filters and the cursor; the
page's statement reads each district's reviews from the index instead of finding all of them to sort."""

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

from referrals.calendar import london_today
from referrals.review.service import overdue_before
from vru_dev.kits.referrals import Casework
from vru_dev.testing import captured_statements

#: 13 districts × 100 reviews; about one in five also draws in
#: the district two further on in code order (Medway's: Swale); three reviews opened each minute
#: (ties on ``created_at``, ordered by id); statuses in turn; opened over the last ~8 months (some overdue).
SEED = """
WITH d AS (SELECT (row_number() OVER (ORDER BY code) - 1)::int AS n, id, area_id FROM referrals.districts),
     g AS (SELECT g FROM generate_series(1, 1300) g),
     r AS (
        INSERT INTO referrals.reviews (id, status, area_id, district_id, version, created_at, updated_at)
        SELECT md5('queue' || g)::uuid,
               (ARRAY['new', 'in_review', 'referred', 'closed', 'no_further_action'])[1 + g % 5],
               d.area_id, d.id, 1, now() - interval '240 days' + (g / 3) * interval '4 hours', now()
        FROM g JOIN d ON d.n = g % 13
        RETURNING id, district_id, created_at
     )
INSERT INTO referrals.review_districts (review_id, district_id, review_created_at)
SELECT r.id, r.district_id, r.created_at FROM r
UNION ALL
SELECT r.id, (SELECT d2.id FROM d d1 JOIN d d2 ON d2.n = (d1.n + 2) % 13 WHERE d1.id = r.district_id), r.created_at
FROM r WHERE left(r.id::text, 1) IN ('0', '1', '2')
"""

SWALE = {"roles": ["coordinator"], "districts": ["swale"], "sub": "coordinator-swale"}


async def seed(app: FastAPI) -> None:
    async with app.state.sessionmaker() as session, session.begin():
        await session.execute(text(SEED))
        await session.execute(text("ANALYZE referrals.reviews"))
        await session.execute(text("ANALYZE referrals.review_districts"))


async def expected(app: FastAPI, districts: list[str]) -> list[dict[str, Any]]:
    """Every review drawing in one of ``districts``, newest first, by the plain filter (no index needed)."""
    async with app.state.sessionmaker() as session:
        rows = await session.execute(
            text(
                "SELECT r.id, r.status, r.created_at, array(SELECT d.code FROM review_districts rd "
                "JOIN districts d ON d.id = rd.district_id WHERE rd.review_id = r.id) AS codes FROM reviews r "
                "WHERE EXISTS (SELECT FROM review_districts rd JOIN districts d ON d.id = rd.district_id "
                "WHERE rd.review_id = r.id AND d.code = ANY(:codes)) ORDER BY r.created_at DESC, r.id DESC"
            ),
            {"codes": districts},
        )
        return [dict(row) for row in rows.mappings()]


async def walk(client: httpx.AsyncClient, headers: dict[str, str], **params: Any) -> list[str]:
    """Every page of the queue with these filters, following ``next_cursor``: the ids in order."""
    ids: list[str] = []
    cursor: str | None = None
    while True:
        query = params | ({"cursor": cursor} if cursor else {})
        response = await client.get("/v1/reviews", headers=headers, params=query)
        assert response.status_code == 200, response.text
        ids += [item["id"] for item in response.json()["items"]]
        cursor = response.json()["next_cursor"]
        if cursor is None:
            return ids


class TestCoordinatorQueue:
    @pytest.mark.parametrize("token", ["MEDWAY_SWALE", "SWALE"])
    async def test_every_page_is_the_queue_in_order(self, casework: Casework, app: FastAPI, token: str) -> None:
        """Paged by cursor with each filter, a coordinator of one or two districts gets exactly the reviews drawing
        in their districts, newest first (ties by id), each once — also a review drawn into both, and one whose
        ``created_at`` was corrected after it was opened."""
        await seed(app)
        principal = SWALE if token == "SWALE" else casework.MEDWAY_SWALE
        districts = list(principal["districts"])
        async with app.state.sessionmaker() as session, session.begin():  # corrected: now the oldest
            await session.execute(
                text("UPDATE reviews SET created_at = created_at - interval '2 years' WHERE id = :id"),
                {"id": (await expected(app, districts))[3]["id"]},
            )
        every = await expected(app, districts)
        assert len(every) > 100  # pages of 37: several
        assert any(len(set(row["codes"]) & set(districts)) == 2 for row in every) == (len(districts) == 2)
        before = overdue_before(london_today(), app.state.settings.review_target)

        def late(row: dict[str, Any]) -> bool:
            return bool(row["status"] != "closed" and row["created_at"] < before)

        cases: list[tuple[dict[str, Any], Callable[[dict[str, Any]], bool]]] = [
            ({}, lambda row: True),
            ({"status": "in_review"}, lambda row: row["status"] == "in_review"),
            ({"district": districts[-1]}, lambda row: districts[-1] in row["codes"]),
            ({"district": "thanet"}, lambda row: "thanet" in row["codes"]),
            ({"overdue": "true"}, late),
            ({"overdue": "false"}, lambda row: not late(row)),
        ]
        headers = casework.headers(principal)
        for filters, keep in cases:
            want = [str(row["id"]) for row in every if keep(row)]
            assert want or filters == {"district": "thanet"}, filters  # none drawn into Thanet: none shown
            assert await walk(casework.client, headers, limit=37, **filters) == want, filters
        assert (await walk(casework.client, headers, limit=200))[-1] == str(every[-1]["id"])  # the corrected one

    async def test_the_page_is_read_from_the_queue_index(self, casework: Casework, app: FastAPI) -> None:
        """The coordinator's first page reads each district's newest reviews from ``ix_review_districts_queue``,
        not every review of the districts (a hash join and a sort of all of them before)."""
        await seed(app)
        headers = casework.headers(casework.MEDWAY_SWALE)
        assert (await casework.client.get("/v1/reviews", headers=headers, params={"limit": 50})).status_code == 200
        with captured_statements() as found:
            response = await casework.client.get("/v1/reviews", headers=headers, params={"limit": 50})
        assert response.status_code == 200
        [(sql, parameters)] = [(s, p) for s, p in found if "FROM referrals.reviews" in s]
        async with app.state.sessionmaker() as session:
            raw = await (await session.connection()).get_raw_connection()
            plan = "\n".join(r[0] for r in await raw.driver_connection.fetch("EXPLAIN " + sql, *parameters))
        assert "ix_review_districts_queue" in plan, plan
        assert "Seq Scan on reviews" not in plan, plan
        assert "Seq Scan on review_districts" not in plan, plan

    async def test_the_page_statement_is_built_once_per_shape(self, casework: Casework) -> None:
        """Coordinators of other districts, other values of the same filters and another cursor reuse one statement
        (every value bound): its cache key and SQL are not made again per request (issue 17)."""
        from referrals.review.repository import queue_page

        for principal, status in ((casework.MEDWAY_SWALE, "new"), (casework.THANET, "closed"), (SWALE, "in_review")):
            response = await casework.client.get(
                "/v1/reviews", headers=casework.headers(principal), params={"limit": 50, "status": status}
            )
            assert response.status_code == 200, response.text
            if principal is casework.MEDWAY_SWALE:
                built = queue_page.cache_info().currsize
        assert queue_page.cache_info().currsize == built
