"""Serious Violence Reviews: the coordinators' queue, district access, the lifecycle and the overdue flag."""

import json
import uuid
from collections.abc import AsyncIterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

from referrals.calendar import WorkingDays, local_day
from referrals.main import create_app
from referrals.review.service import overdue_before
from referrals.settings import ReferralsSettings
from vru_dev.testing import TEST_ISSUER, TestIssuer, running_app
from vru_shared.bank_holidays import BankHolidays, InvalidBankHolidays

ANALYST = {"roles": ["analyst"], "sub": "analyst-1", "name": "Analyst (example.org)"}
MEDWAY_SWALE = {"roles": ["coordinator"], "districts": ["medway", "swale"], "sub": "coordinator-ms"}
FEED = {"kind": "client", "scopes": ["incidents:ingest"], "client_id": "police-feed"}


@pytest.fixture
def app(db_urls: dict[str, str]) -> FastAPI:
    settings = ReferralsSettings(
        database_url=db_urls["referrals"],
        token_issuer=TEST_ISSUER,
        audit_seal_interval_seconds=3600,
        review_target_working_days=10,
    )
    return create_app(settings)


@pytest.fixture
async def client(app: FastAPI, db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[httpx.AsyncClient]:
    async with running_app(app, issuer, db_urls["referrals"]) as client:
        yield client


def report(reference: str, district: str, given_name: str) -> dict[str, Any]:
    return {
        "crime_reference": reference,
        "occurred_at": "2025-06-14T22:40:00Z",
        "district": district,
        "category": "knife-sharp-instrument",
        "weapon_knife": True,
        "people": [{"role": "victim", "given_name": given_name, "family_name": "Testperson", "age": 17}],
    }


async def open_reviews(client: httpx.AsyncClient, issuer: TestIssuer, *districts: str) -> dict[str, str]:
    """One review per district (in order of opening); returns {district: review id}."""
    out = {}
    for n, district in enumerate(districts):
        reference = f"46/3{n:02d}/25"
        response = await client.post(
            "/v1/imports/incidents",
            json={"reports": [report(reference, district, f"Young{n}")]},
            headers=issuer.headers(**FEED),
        )
        assert response.json()["created"] == 1
        listed = await client.get(
            "/v1/incidents", params={"crime_reference": reference}, headers=issuer.headers(**ANALYST)
        )
        out[district] = listed.json()["items"][0]["review_id"]
    return out


async def move(
    client: httpx.AsyncClient, issuer: TestIssuer, review_id: str, token: dict[str, Any] = ANALYST, **body: Any
) -> httpx.Response:
    return await client.post(f"/v1/reviews/{review_id}/transitions", json=body, headers=issuer.headers(**token))


async def backdate(app: FastAPI, review_id: str, days: int) -> None:
    async with app.state.sessionmaker() as session, session.begin():
        await session.execute(
            text("UPDATE reviews SET created_at = created_at - make_interval(days => :days) WHERE id = :id"),
            {"days": days, "id": uuid.UUID(review_id)},
        )


TEN = WorkingDays(10, BankHolidays.load())


class TestWorkingDays:
    def test_weekends_are_skipped(self) -> None:
        assert WorkingDays(1, TEN.holidays).after(date(2026, 11, 20)) == date(2026, 11, 23)  # Friday → Monday
        assert TEN.after(date(2026, 11, 21)) == date(2026, 12, 4)  # from a Saturday

    def test_bank_holidays_are_skipped(self) -> None:
        # Christmas Day (Friday), Boxing Day's substitute (Monday 28th) and New Year's Day (Friday) are not
        # working days: ten working days from Monday 21 December 2026 end on Thursday 7 January, not the 4th.
        assert TEN.after(date(2026, 12, 21)) == date(2027, 1, 7)
        assert WorkingDays(1, TEN.holidays).after(date(2026, 4, 2)) == date(2026, 4, 7)  # Easter: Fri and Mon off
        assert TEN.holidays.covers_until >= date(2027, 12, 31)

    def test_a_list_of_another_shape_is_refused(self, tmp_path: Path) -> None:
        documents: list[dict[str, Any]] = [
            {},
            {"scotland": {"events": [{"date": "2026-11-30"}]}},
            {"england-and-wales": {"events": []}},
            {"england-and-wales": {"events": [{"date": "30/11/2026"}]}},
        ]
        for document in documents:
            (tmp_path / "holidays.json").write_text(json.dumps(document))
            with pytest.raises(InvalidBankHolidays):
                BankHolidays.load(tmp_path / "holidays.json")

    def test_a_due_date_is_counted_once_per_opening_day(self) -> None:
        """A queue page asks for 50 reviews' due dates, mostly of the same day: counted day by day each time, that
        was half of the page's CPU (issue 17). The answer is remembered, per list of holidays."""
        from vru_shared.bank_holidays import _working_days_after

        other = BankHolidays(days=frozenset({date(2031, 3, 4)}), covers_until=date(2031, 12, 31))
        before = _working_days_after.cache_info()
        assert TEN.after(date(2031, 3, 3)) == TEN.after(date(2031, 3, 3)) == date(2031, 3, 17)
        assert WorkingDays(10, other).after(date(2031, 3, 3)) == date(2031, 3, 18)  # its own holidays
        after = _working_days_after.cache_info()
        assert (after.misses - before.misses, after.hits - before.hits) == (2, 1)

    def test_overdue_boundary(self) -> None:
        cutoff = overdue_before(date(2026, 12, 7), TEN)  # Monday
        # Opened by Sunday 22 November: due Friday 4 December, overdue now; opened Monday 23rd: due today.
        assert cutoff == datetime(2026, 11, 23, tzinfo=cutoff.tzinfo)


class TestListReviews:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/reviews")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        for token in ({"roles": ["partner_agency"]}, FEED, {"roles": ["auditor"]}, {"roles": ["service"]}):
            refused = await client.get("/v1/reviews", headers=issuer.headers(**token))
            assert refused.status_code == 403, token
            assert refused.json()["type"].endswith("/forbidden"), token

    async def test_valid_newest_first_with_pages(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        ids = await open_reviews(client, issuer, "medway", "swale", "thanet")
        first = await client.get("/v1/reviews", params={"limit": 2}, headers=issuer.headers(**ANALYST))
        assert first.status_code == 200
        assert [r["id"] for r in first.json()["items"]] == [ids["thanet"], ids["swale"]]
        link = first.headers["link"].split(";")[0].strip("<>")
        second = await client.get(link, headers=issuer.headers(**ANALYST))
        assert [r["id"] for r in second.json()["items"]] == [ids["medway"]]
        item = first.json()["items"][0]
        assert (item["status"], item["area"], item["districts"], item["overdue"]) == (
            "new",
            "thanet-canterbury",
            ["thanet"],
            False,
        )

    async def test_filters(self, client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI) -> None:
        ids = await open_reviews(client, issuer, "medway", "swale", "thanet", "dover")
        await move(client, issuer, ids["swale"], to="in_review")
        await backdate(app, ids["dover"], 30)
        headers = issuer.headers(**ANALYST)

        async def listed(**params: str) -> set[str]:
            response = await client.get("/v1/reviews", params=params, headers=headers)
            assert response.status_code == 200, response.text
            return {r["id"] for r in response.json()["items"]}

        assert await listed(area="medway-swale") == {ids["medway"], ids["swale"]}
        assert await listed(district="thanet") == {ids["thanet"]}
        assert await listed(status="in_review") == {ids["swale"]}
        assert await listed(overdue="true") == {ids["dover"]}
        assert ids["dover"] not in await listed(overdue="false")

    async def test_coordinator_lists_only_their_districts(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        ids = await open_reviews(client, issuer, "medway", "swale", "thanet", "canterbury")
        response = await client.get("/v1/reviews", headers=issuer.headers(**MEDWAY_SWALE))
        assert {r["id"] for r in response.json()["items"]} == {ids["medway"], ids["swale"]}
        nobody = issuer.headers(roles=["coordinator"], districts=[])
        assert (await client.get("/v1/reviews", headers=nobody)).json()["items"] == []


class TestGetReview:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get(f"/v1/reviews/{uuid.uuid4()}")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        ids = await open_reviews(client, issuer, "swale")
        for token in ({"roles": ["partner_agency"]}, FEED):
            response = await client.get(f"/v1/reviews/{ids['swale']}", headers=issuer.headers(**token))
            assert response.status_code == 403
            assert response.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        ids = await open_reviews(client, issuer, "thanet")
        for review_id in (str(uuid.uuid4()), ids["thanet"]):
            response = await client.get(f"/v1/reviews/{review_id}", headers=issuer.headers(**MEDWAY_SWALE))
            assert response.status_code == 404
            assert response.json()["type"].endswith("/review-not-found")

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        ids = await open_reviews(client, issuer, "swale")
        for token in (MEDWAY_SWALE, {"roles": ["director"]}):
            response = await client.get(f"/v1/reviews/{ids['swale']}", headers=issuer.headers(**token))
            assert response.status_code == 200
            assert response.headers["etag"] == '"v1"'
        body = response.json()
        assert [i["crime_reference"] for i in body["incidents"]] == ["46/300/25"]
        assert [s["given_name"] for s in body["subjects"]] == ["Young0"]
        created = datetime.fromisoformat(body["created_at"])
        assert body["due_on"] == TEN.after(local_day(created)).isoformat()

    async def test_due_on_skips_bank_holidays(
        self, app: FastAPI, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        review_id = (await open_reviews(client, issuer, "swale"))["swale"]
        async with app.state.sessionmaker() as session, session.begin():
            await session.execute(
                text("UPDATE reviews SET created_at = '2026-12-21T10:00:00+00:00' WHERE id = :id"),
                {"id": uuid.UUID(review_id)},
            )
        body = (await client.get(f"/v1/reviews/{review_id}", headers=issuer.headers(**ANALYST))).json()
        assert body["due_on"] == "2027-01-07"  # over Christmas, Boxing Day's substitute and New Year's Day


class TestTransitions:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        response = await client.post(f"/v1/reviews/{uuid.uuid4()}/transitions", json={"to": "in_review"})
        assert response.status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        ids = await open_reviews(client, issuer, "swale")
        for token in ({"roles": ["director"]}, {"roles": ["partner_agency"]}, FEED):
            refused = await move(client, issuer, ids["swale"], token, to="in_review")
            assert refused.status_code == 403, token
            assert refused.json()["type"].endswith("/forbidden"), token

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        ids = await open_reviews(client, issuer, "thanet")
        other_district = await move(client, issuer, ids["thanet"], MEDWAY_SWALE, to="in_review")
        assert other_district.status_code == 404
        assert other_district.json()["type"].endswith("/review-not-found")
        unknown = await move(client, issuer, str(uuid.uuid4()), to="in_review")
        assert unknown.status_code == 404
        assert unknown.json()["type"].endswith("/review-not-found")

    async def test_valid_lifecycle_records_who_and_when(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        ids = await open_reviews(client, issuer, "swale")
        review_id = ids["swale"]
        assert (await move(client, issuer, review_id, MEDWAY_SWALE, to="in_review")).status_code == 200
        managed = await move(client, issuer, review_id, to="already_managed", forum_case_ref="DCSM-SW-2025-041")
        assert managed.json()["forum_case_ref"] == "DCSM-SW-2025-041"
        closed = await move(client, issuer, review_id, MEDWAY_SWALE, to="closed")
        body = closed.json()
        assert (body["status"], body["overdue"], body["version"]) == ("closed", False, 4)
        assert body["closed_at"] is not None
        assert closed.headers["etag"] == '"v4"'
        steps = [(e["from_status"], e["to_status"], e["actor"]) for e in body["events"] if e["kind"] == "transition"]
        assert steps == [
            ("new", "in_review", "coordinator-ms"),
            ("in_review", "already_managed", "analyst-1"),
            ("already_managed", "closed", "coordinator-ms"),
        ]
        assert all(e["at"] for e in body["events"])

    async def test_disallowed_step_is_409(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        ids = await open_reviews(client, issuer, "swale")
        response = await move(client, issuer, ids["swale"], to="referred", reason="Referred to the DCSM.")
        assert response.status_code == 409
        assert response.json()["type"].endswith("/review-transition-not-allowed")
        assert response.json()["allowed"] == ["in_review"]
        await move(client, issuer, ids["swale"], to="in_review")
        await move(client, issuer, ids["swale"], to="referred")
        await move(client, issuer, ids["swale"], to="closed")
        clash = await move(client, issuer, ids["swale"], to="in_review")
        assert clash.status_code == 409
        assert clash.json()["type"].endswith("/review-transition-not-allowed")

    async def test_no_further_action_needs_a_reason(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        ids = await open_reviews(client, issuer, "swale")
        await move(client, issuer, ids["swale"], to="in_review")
        assert (await move(client, issuer, ids["swale"], to="no_further_action")).status_code == 422
        assert (await move(client, issuer, ids["swale"], to="already_managed")).status_code == 422
        done = await move(client, issuer, ids["swale"], to="no_further_action", reason="Family moved out of county.")
        assert done.status_code == 200
        assert done.json()["outcome_reason"] == "Family moved out of county."

    async def test_stale_if_match_is_412(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        ids = await open_reviews(client, issuer, "swale")
        await move(client, issuer, ids["swale"], to="in_review")
        response = await client.post(
            f"/v1/reviews/{ids['swale']}/transitions",
            json={"to": "referred"},
            headers={**issuer.headers(**ANALYST), "If-Match": '"v1"'},
        )
        assert response.status_code == 412
        assert response.headers["etag"] == '"v2"'

    async def test_overdue_until_closed(self, client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI) -> None:
        ids = await open_reviews(client, issuer, "swale")
        await backdate(app, ids["swale"], 20)
        headers = issuer.headers(**ANALYST)
        assert (await client.get(f"/v1/reviews/{ids['swale']}", headers=headers)).json()["overdue"] is True
        for step in ("in_review", "referred"):
            assert (await move(client, issuer, ids["swale"], to=step)).json()["overdue"] is True
        assert (await move(client, issuer, ids["swale"], to="closed")).json()["overdue"] is False
