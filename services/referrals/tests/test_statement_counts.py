"""Round trips to PostgreSQL per request (issue 17): counted, not timed — statements are deterministic where
timings on a shared machine are not (``vru_dev.testing.count_statements``).

A single-record read writes its audit row in the read's own SELECT (``WITH audit AS (INSERT …) SELECT …``);
a list page costs the same statements for 1 row as for 50 (eager loads are a fixed number, never per row)."""

import uuid
from typing import Any

import httpx
import pytest

from vru_dev.kits.referrals import Casework
from vru_dev.testing import StatementLog, count_statements

AUDIT_CTE = "WITH audit AS (INSERT INTO referrals_audit.audit_log"
MAM = "mam-medway-swale"
THANET = str(Casework.THANET["sub"])
MEDWAY_SWALE = str(Casework.MEDWAY_SWALE["sub"])


async def counted(client: httpx.AsyncClient, url: str, headers: dict[str, str], **params: Any) -> StatementLog:
    await client.get(url, headers=headers, params=params)  # warm the caches (JWKS, compiled statements)
    with count_statements() as log:
        response = await client.get(url, headers=headers, params=params)
    assert response.status_code == 200, response.text
    return log


@pytest.fixture
async def three(casework: Casework) -> list[dict[str, Any]]:
    """Three young people, each with an incident, a review and a referral sent with one meeting action."""
    made = []
    for n in range(3):
        ids = await casework.young_person(f"46/9{n}1/26")
        referral = await casework.refer(ids, send=True, forum=MAM)
        meeting = await casework.client.post(
            "/v1/meetings",
            json={"forum": MAM, "held_at": "2026-11-24T10:00:00Z"},
            headers=casework.headers(casework.MEDWAY_SWALE),
        )
        assert meeting.status_code == 201, meeting.text
        decided = await casework.client.post(
            f"/v1/meetings/{meeting.json()['id']}/decisions",
            json={
                "referral_id": referral["id"],
                "decision": "Safety plan agreed.",
                "actions": [
                    {"owner_agency": "youth-justice-service", "description": "Arrange a tag.", "due_on": "2026-12-24"}
                ],
            },
            headers=casework.headers(casework.MEDWAY_SWALE),
        )
        assert decided.status_code == 201, decided.text
        made.append(ids | {"referral": referral["id"]})
    return made


class TestReadOneRecord:
    """The read and its audit row are one statement; what the response model nests is a fixed number more."""

    @pytest.mark.parametrize("token", ["ANALYST", "MEDWAY_SWALE"])
    async def test_a_referral_is_one_statement(
        self, casework: Casework, three: list[dict[str, Any]], token: str
    ) -> None:
        referral = three[0]["referral"]
        log = await counted(casework.client, f"/v1/referrals/{referral}", casework.headers(getattr(casework, token)))
        # the referral with its subject, district, forum, partner agency, funding count and events, and its
        # audit row. Was 3: the events in a statement of their own (selectinload), and the audit INSERT.
        assert log.count == 1, log
        assert log.statements[0].startswith(AUDIT_CTE), log
        assert not any(s.startswith("INSERT") for s in log.statements), log

    @pytest.mark.parametrize("token", ["ANALYST", "MEDWAY_SWALE"])
    async def test_a_review_is_one_statement(self, casework: Casework, three: list[dict[str, Any]], token: str) -> None:
        review = three[0]["review"]
        log = await counted(casework.client, f"/v1/reviews/{review}", casework.headers(getattr(casework, token)))
        # the review with its districts, counts, incidents, young people and history (JSON lists), and its audit
        # row: a Core statement built once (review.repository.REVIEW_READ). Was 4 (its young people, history and
        # incidents each a selectinload), and before that 8: its districts, two counts (of its incidents and young
        # people) and the audit INSERT each a statement of their own.
        assert log.count == 1, log
        assert log.statements[0].startswith(AUDIT_CTE), log
        assert not any(s.startswith("INSERT") or ("count(*)" in s and "GROUP BY" in s) for s in log.statements), log

    @pytest.mark.parametrize("token", ["ANALYST", "MEDWAY_SWALE"])
    async def test_an_incident_is_three_statements(
        self, casework: Casework, three: list[dict[str, Any]], token: str
    ) -> None:
        incident = three[0]["incident"]
        log = await counted(casework.client, f"/v1/incidents/{incident}", casework.headers(getattr(casework, token)))
        # the incident with its district, category and audit row (its purpose computed in the statement); its
        # people and changes (selectinload, each a fixed one). Was 4: the audit INSERT a statement of its own.
        assert log.count == 3, log
        assert log.statements[0].startswith(AUDIT_CTE), log
        assert not any(s.startswith("INSERT") for s in log.statements), log

    @pytest.mark.parametrize("token", ["ANALYST", "MEDWAY_SWALE"])
    async def test_a_young_persons_page_writes_its_audit_row_in_its_first_statement(
        self, casework: Casework, three: list[dict[str, Any]], token: str
    ) -> None:
        subject = three[0]["subject"]
        log = await counted(casework.client, f"/v1/subjects/{subject}", casework.headers(getattr(casework, token)))
        # the young person and the audit row; then their incidents, reviews, referrals, support plans and possible
        # duplicates, each a fixed statement. Was 7, the audit INSERT one of them.
        assert log.count == 6, log
        assert log.statements[0].startswith(AUDIT_CTE), log
        assert not any(s.startswith("INSERT") for s in log.statements), log

    async def test_the_audit_row_is_written_once_and_only_for_a_visible_record(
        self, casework: Casework, three: list[dict[str, Any]]
    ) -> None:
        first = three[0]
        headers = casework.headers(casework.THANET)  # another district's coordinator: sees none of them
        before = await casework.audit(THANET)
        for url, slug in (
            (f"/v1/referrals/{first['referral']}", "/referral-not-found"),
            (f"/v1/reviews/{first['review']}", "/review-not-found"),
            (f"/v1/incidents/{first['incident']}", "/incident-not-found"),
            (f"/v1/subjects/{first['subject']}", "/subject-not-found"),
        ):
            refused = await casework.client.get(url, headers=headers)
            assert refused.status_code == 404
            assert refused.json()["type"].endswith(slug)
        assert await casework.audit(THANET) == before
        assert (await casework.client.get(f"/v1/referrals/{uuid.uuid4()}", headers=headers)).status_code == 404

        headers = casework.headers(casework.MEDWAY_SWALE)
        before = await casework.audit(MEDWAY_SWALE)
        assert (await casework.client.get(f"/v1/referrals/{first['referral']}", headers=headers)).status_code == 200
        assert (await casework.client.get(f"/v1/reviews/{first['review']}", headers=headers)).status_code == 200
        added = (await casework.audit(MEDWAY_SWALE))[len(before) :]
        assert added == [
            ("read", "referral", [first["referral"], first["subject"]], "referrals", None),
            ("read", "review", [first["review"]], "review", None),
        ]


class TestListPage:
    """No per-row queries: a page of 50 costs what a page of 1 does."""

    @pytest.mark.parametrize(
        ("url", "statements"),
        [
            ("/v1/referrals", 3),  # page, events (selectinload), audit row
            # the page with codes, districts and counts (no ORM objects) and its audit row (a CTE reading the page's
            # own CTE) — was 3 (the districts a selectinload, the audit INSERT), and before that 5
            ("/v1/reviews", 1),
            ("/v1/incidents", 2),
            ("/v1/subjects", 2),
            ("/v1/actions", 2),  # page, audit row
        ],
    )
    @pytest.mark.parametrize("token", ["ANALYST", "MEDWAY_SWALE"])
    async def test_a_page_of_50_costs_what_a_page_of_1_does(
        self, casework: Casework, three: list[dict[str, Any]], url: str, statements: int, token: str
    ) -> None:
        headers = casework.headers(getattr(casework, token))
        full = await casework.client.get(url, headers=headers, params={"limit": 50})
        assert len(full.json()["items"]) >= 3, full.text
        one = await counted(casework.client, url, headers, limit=1)
        fifty = await counted(casework.client, url, headers, limit=50)
        assert one.count == fifty.count == statements, f"page of 1: {one}\npage of 50: {fifty}"


class TestOneStatementReads:
    """The hot reads built once as Core statements (issue 17, item 2) answer exactly what the ORM read did."""

    @pytest.mark.parametrize("token", ["ANALYST", "MEDWAY_SWALE", "THANET"])
    async def test_a_review_reads_as_the_orm_read_it(self, casework: Casework, token: str) -> None:
        from referrals.review import service
        from referrals.review.repository import ReviewRepository
        from referrals.review.schemas import ReviewRead

        # one young person in two incidents, Swale then Thanet: one review drawn into both districts, with history
        first = await casework.young_person("46/901/26", "swale")
        second = await casework.young_person("46/90/126", "thanet")
        assert first["review"] == second["review"]
        moved = await casework.client.post(
            f"/v1/reviews/{first['review']}/transitions",
            json={"to": "in_review"},
            headers=casework.headers(casework.ANALYST),
        )
        assert moved.status_code == 200, moved.text
        principal = getattr(casework, token)
        response = await casework.client.get(f"/v1/reviews/{first['review']}", headers=casework.headers(principal))
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["districts"] == ["swale", "thanet"]
        assert body["incident_count"] == 2
        assert body["events"], body

        scope = None if token == "ANALYST" else frozenset(principal["districts"])
        target = casework.app.state.settings.review_target
        async with casework.app.state.sessionmaker() as session:
            repo = ReviewRepository(session)
            review = await repo.read(uuid.UUID(first["review"]), scope)
            assert review is not None
            orm = await service._read(repo, review, target)
        assert body == ReviewRead.model_validate(orm).model_dump(mode="json")
        seen = {i["district"] for i in body["incidents"]}
        assert seen == ({"swale", "thanet"} if scope is None else {"swale", "thanet"} & scope)  # their districts' only

    @pytest.mark.parametrize("token", ["ANALYST", "MEDWAY_SWALE"])
    @pytest.mark.parametrize("destination", ["forum", "partner_agency", "project"])
    async def test_a_referral_reads_as_the_orm_read_it(self, casework: Casework, token: str, destination: str) -> None:
        from datetime import UTC, datetime

        from sqlalchemy import insert, select, update

        from referrals.access import CaseworkScope
        from referrals.reference.models import PartnerAgency
        from referrals.referral.models import FundingCount, Referral
        from referrals.referral.repository import ReferralRepository
        from referrals.referral.schemas import ReferralRead

        ids = await casework.young_person("46/905/26", "swale")
        referral_id = uuid.UUID((await casework.refer(ids, send=True, forum=MAM))["id"])
        async with casework.app.state.sessionmaker() as session, session.begin():
            values: dict[str, Any] = {}
            if destination == "project":  # the other destinations, as their own referrals store them
                values = {"forum_id": None, "project_id": uuid.uuid4(), "project_code": "box-it", "project_name": "Box"}
            elif destination == "partner_agency":
                values = {"forum_id": None, "partner_agency_id": await session.scalar(select(PartnerAgency.id))}
            if values:
                await session.execute(update(Referral).where(Referral.id == referral_id).values(**values))
            now = datetime.now(UTC)
            await session.execute(  # a funded project's count, delivered
                insert(FundingCount).values(
                    referral_id=referral_id,
                    project_id=uuid.uuid4(),
                    accepted_at=now,
                    status="delivered",
                    attempts=1,
                    grant_id=uuid.uuid4(),
                    period="2026-27 Q3",
                    delivered_at=now,
                )
            )
        principal = getattr(casework, token)
        response = await casework.client.get(f"/v1/referrals/{referral_id}", headers=casework.headers(principal))
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["destination"]["kind"] == destination
        assert body["funding_count"]["status"] == "delivered"
        assert body["events"], body

        districts = None if token == "ANALYST" else frozenset(principal["districts"])
        async with casework.app.state.sessionmaker() as session:
            orm = await ReferralRepository(session).get_visible(referral_id, CaseworkScope(districts))
            assert orm is not None
            assert body == ReferralRead.model_validate(orm).model_dump(mode="json")

    @pytest.mark.parametrize("token", ["ANALYST", "MEDWAY_SWALE"])
    async def test_a_read_is_the_response_models_json_serialised_once(
        self, casework: Casework, three: list[dict[str, Any]], token: str
    ) -> None:
        """The two hot reads return their model as JSON themselves (``vru_shared.etag.versioned_response``) instead
        of letting FastAPI validate and serialise it again: the bytes, ``ETag`` and headers are what the declared
        response model gave, and the operation still declares it."""
        import json

        headers = casework.headers(getattr(casework, token))
        openapi = casework.app.openapi()["paths"]
        for url, path, model in (
            (f"/v1/referrals/{three[0]['referral']}", "/v1/referrals/{referral_id}", "SharedReferralRead"),
            (f"/v1/reviews/{three[0]['review']}", "/v1/reviews/{review_id}", "ReviewRead"),
        ):
            response = await casework.client.get(url, headers=headers)
            assert response.status_code == 200, response.text
            # pydantic's compact JSON, as FastAPI's serialiser writes it (the body's content: test_*_as_the_orm_*)
            assert response.content == json.dumps(response.json(), separators=(",", ":"), ensure_ascii=False).encode()
            assert response.headers["content-type"] == "application/json"
            assert response.headers["etag"] == f'"v{response.json()["version"]}"'
            assert response.headers["cache-control"] == "no-store"
            assert response.headers["x-request-id"]
            declared = openapi[path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
            assert model in json.dumps(declared), (path, declared)

    @pytest.mark.parametrize("token", ["ANALYST", "MEDWAY_SWALE"])
    async def test_the_review_queue_reads_as_the_orm_read_it(
        self, casework: Casework, three: list[dict[str, Any]], token: str
    ) -> None:
        from referrals.calendar import london_today
        from referrals.review import service
        from referrals.review.repository import ReviewRepository
        from vru_shared.pagination import PageParams

        await casework.young_person("46/90/126", "thanet")  # the first's young person again: drawn into Thanet
        principal = getattr(casework, token)
        response = await casework.client.get("/v1/reviews", params={"limit": 50}, headers=casework.headers(principal))
        assert response.status_code == 200, response.text
        items = response.json()["items"]
        assert len(items) >= 3

        scope = None if token == "ANALYST" else frozenset(principal["districts"])
        target = casework.app.state.settings.review_target
        async with casework.app.state.sessionmaker() as session:
            repo = ReviewRepository(session)
            before = service.overdue_before(london_today(), target)
            reviews = await repo.search(
                PageParams(limit=50), scope, area=None, district=None, status=None, overdue_before=before, overdue=None
            )
            orm = await service._summaries(repo, reviews[:50], target)
        assert items == [summary.model_dump(mode="json") for summary in orm]

    @pytest.mark.parametrize("feed", [False, True])
    async def test_the_queue_page_audits_the_rows_it_shows_in_their_order(
        self, casework: Casework, three: list[dict[str, Any]], feed: bool
    ) -> None:
        """The audit entry written by the queue page's own statement names the page's rows (not the extra row
        fetched to know there is a next page), in the page's order; an empty page writes none."""
        headers = casework.headers(casework.MEDWAY_SWALE)
        params: dict[str, Any] = {"limit": 2} | ({"updated_since": "2020-01-01"} if feed else {})
        before = await casework.audit(MEDWAY_SWALE)
        page = await casework.client.get("/v1/reviews", headers=headers, params=params)
        assert page.status_code == 200, page.text
        shown = [item["id"] for item in page.json()["items"]]
        assert len(shown) == 2
        assert page.json()["next_cursor"]
        empty = await casework.client.get("/v1/reviews", headers=headers, params=params | {"status": "closed"})
        assert empty.status_code == 200
        assert empty.json()["items"] == []
        added = (await casework.audit(MEDWAY_SWALE))[len(before) :]
        assert added == [("read", "review", shown, "review queue", None)]
