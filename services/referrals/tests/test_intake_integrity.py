"""Intake keeps the people it already holds (issue 14, items 1 and 3): a corrected crime report updates its
people in place instead of making new young people, a person dropped from it leaves the review, and the
people of a screened-out incident do not become young people's records."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

from referrals.intake.csv_reader import COLUMNS
from referrals.main import create_app
from referrals.screening.service import purge_screened_out
from referrals.settings import ReferralsSettings
from vru_dev.testing import TEST_ISSUER, TestIssuer, running_app

ANALYST = {"roles": ["analyst"], "sub": "analyst-1"}
FEED = {"kind": "client", "scopes": ["incidents:ingest"], "client_id": "police-feed", "sub": "police-feed-client"}


@pytest.fixture
def app(db_urls: dict[str, str]) -> FastAPI:
    settings = ReferralsSettings(
        database_url=db_urls["referrals"], token_issuer=TEST_ISSUER, audit_seal_interval_seconds=3600
    )
    return create_app(settings)


@pytest.fixture
async def client(app: FastAPI, db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[httpx.AsyncClient]:
    async with running_app(app, issuer, db_urls["referrals"]) as client:
        yield client


def victim(**overrides: Any) -> dict[str, Any]:
    """Given by age only: no date of birth, no police person id."""
    return {"role": "victim", "given_name": "Rowan", "family_name": "Ashdown", "age": 15} | overrides


def suspect(**overrides: Any) -> dict[str, Any]:
    return {
        "role": "suspect",
        "given_name": "Tobin",
        "family_name": "Carrow",
        "date_of_birth": "2008-02-11",
        "home_district": "medway",
    } | overrides


def report(reference: str, *people: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    return {
        "crime_reference": reference,
        "occurred_at": "2025-06-14T22:40:00Z",
        "district": "swale",
        "category": "robbery",
        "weapon_knife": True,
        "weapon_firearm": False,
        "location": "High Street",
        "people": list(people),
    } | overrides


def as_csv(*reports: dict[str, Any]) -> bytes:
    """The reports as the CSV export has them: one row per person."""
    lines = [",".join(COLUMNS)]
    for r in reports:
        for p in r["people"]:
            row = {**{k: v for k, v in r.items() if k != "people"}, **p}
            lines.append(",".join(_cell(row.get(column)) for column in COLUMNS))
    return ("\n".join(lines) + "\n").encode()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


async def send(client: httpx.AsyncClient, issuer: TestIssuer, how: str, *reports: dict[str, Any]) -> dict[str, Any]:
    if how == "json":
        response = await client.post(
            "/v1/imports/incidents", json={"reports": list(reports)}, headers=issuer.headers(**FEED)
        )
    else:
        response = await client.post(
            "/v1/imports/incidents.csv",
            content=as_csv(*reports),
            headers={**issuer.headers(**FEED), "Content-Type": "text/csv"},
        )
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    assert result["rejected"] == 0, result
    return result


async def scalar(app: FastAPI, sql: str, **params: Any) -> Any:
    async with app.state.sessionmaker() as session:
        return (await session.execute(text(sql), params)).scalar()


async def incident(client: httpx.AsyncClient, issuer: TestIssuer, reference: str) -> dict[str, Any]:
    headers = issuer.headers(**ANALYST)
    listed = await client.get("/v1/incidents", params={"crime_reference": reference}, headers=headers)
    (item,) = listed.json()["items"]
    found: dict[str, Any] = (await client.get(f"/v1/incidents/{item['id']}", headers=headers)).json()
    return found


async def review(client: httpx.AsyncClient, issuer: TestIssuer, review_id: str) -> dict[str, Any]:
    response = await client.get(f"/v1/reviews/{review_id}", headers=issuer.headers(**ANALYST))
    assert response.status_code == 200, response.text
    found: dict[str, Any] = response.json()
    return found


async def subject_count(client: httpx.AsyncClient, issuer: TestIssuer) -> int:
    response = await client.get("/v1/subjects", params={"limit": 200}, headers=issuer.headers(**ANALYST))
    assert response.status_code == 200, response.text
    return len(response.json()["items"])


@pytest.mark.parametrize("how", ["json", "csv"])
class TestCorrectedReports:
    async def test_re_sending_a_corrected_report_creates_nobody(
        self, client: httpx.AsyncClient, issuer: TestIssuer, how: str
    ) -> None:
        first = await send(client, issuer, how, report("46/700/25", victim(), suspect()))
        assert (first["created"], first["screened_in"], first["reviews_opened"]) == (1, 1, 1)
        held = await incident(client, issuer, "46/700/25")
        subjects = [p["subject_id"] for p in held["people"]]
        assert None not in subjects
        assert await subject_count(client, issuer) == 2
        assert (await review(client, issuer, held["review_id"]))["subject_count"] == 2

        # The next day's file: the narrative corrected, the victim's age corrected.
        corrected = report("46/700/25", victim(age=16), suspect(), location="Station Road")
        second = await send(client, issuer, how, corrected)
        assert second["updated"] == 1
        # ... and again the day after, with the location changed once more.
        third = await send(client, issuer, how, report("46/700/25", victim(age=16), suspect(), location="Station Rd"))
        assert third["updated"] == 1

        again = await incident(client, issuer, "46/700/25")
        assert [p["subject_id"] for p in again["people"]] == subjects
        assert [p["age"] for p in again["people"]] == [16, None]
        assert await subject_count(client, issuer) == 2
        assert again["review_id"] == held["review_id"]
        assert (await review(client, issuer, held["review_id"]))["subject_count"] == 2

    async def test_a_person_dropped_from_the_report_leaves_the_review(
        self, client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI, how: str
    ) -> None:
        await send(client, issuer, how, report("46/701/25", victim(), suspect()))
        # The suspect is in another incident too: dropped from this report, their record stays.
        await send(client, issuer, how, report("46/702/25", suspect(role="victim"), district="medway"))
        held = await incident(client, issuer, "46/701/25")
        victim_id, suspect_id = (p["subject_id"] for p in held["people"])
        assert (await incident(client, issuer, "46/702/25"))["people"][0]["subject_id"] == suspect_id
        assert (await review(client, issuer, held["review_id"]))["subject_count"] == 2

        await send(client, issuer, how, report("46/701/25", suspect(), location="Station Road"))  # victim dropped
        again = await incident(client, issuer, "46/701/25")
        assert [p["subject_id"] for p in again["people"]] == [suspect_id]
        assert (await review(client, issuer, held["review_id"]))["subject_count"] == 1
        gone = await client.get(f"/v1/subjects/{victim_id}", headers=issuer.headers(**ANALYST))
        assert (gone.status_code, gone.json()["type"].rsplit("/", 1)[-1]) == (404, "subject-not-found")
        assert await scalar(app, "SELECT count(*) FROM subjects WHERE id = :id", id=victim_id) == 0

        await send(client, issuer, how, report("46/701/25", victim(), location="Station Road"))  # suspect dropped
        assert (await client.get(f"/v1/subjects/{suspect_id}", headers=issuer.headers(**ANALYST))).status_code == 200
        last = await incident(client, issuer, "46/701/25")
        # 46/702/25 joined the suspect's open review, so they stay in it through that incident.
        assert (await incident(client, issuer, "46/702/25"))["review_id"] == held["review_id"]
        assert (await review(client, issuer, held["review_id"]))["subject_count"] == 2
        assert last["people"][0]["subject_id"] not in (None, suspect_id)


class TestScreenedOut:
    async def test_people_of_a_screened_out_incident_are_no_young_persons_records(
        self, client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI
    ) -> None:
        result = await send(client, issuer, "json", report("46/710/25", victim(), suspect(), category="public-order"))
        assert (result["created"], result["screened_in"]) == (1, 0)
        held = await incident(client, issuer, "46/710/25")
        assert held["screening"]["decision"] == "out"
        assert [p["subject_id"] for p in held["people"]] == [None, None]
        assert [p["family_name"] for p in held["people"]] == ["Ashdown", "Carrow"]  # the report as sent
        assert await subject_count(client, issuer) == 0
        assert await scalar(app, "SELECT count(*) FROM subjects") == 0

        # An analyst screens it in: now they are young people, matched as on intake.
        response = await client.post(
            f"/v1/incidents/{held['id']}/screening",
            json={"decision": "in", "reason": "Exploitation suspected."},
            headers=issuer.headers(**ANALYST),
        )
        assert response.status_code == 200, response.text
        subjects = [p["subject_id"] for p in response.json()["people"]]
        assert None not in subjects
        assert await subject_count(client, issuer) == 2
        assert (await review(client, issuer, response.json()["review_id"]))["subject_count"] == 2
        # the same young person in a later report is matched to that record
        await send(client, issuer, "json", report("46/711/25", suspect(role="victim")))
        assert (await incident(client, issuer, "46/711/25"))["people"][0]["subject_id"] == subjects[1]

        # ... and out again: unlinked; the record only this incident named goes, the other stays
        response = await client.post(
            f"/v1/incidents/{held['id']}/screening",
            json={"decision": "out", "reason": "Not serious violence after all."},
            headers=issuer.headers(**ANALYST),
        )
        assert response.status_code == 200, response.text
        assert [p["subject_id"] for p in response.json()["people"]] == [None, None]
        assert await scalar(app, "SELECT count(*) FROM subjects") == 1
        assert (await client.get(f"/v1/subjects/{subjects[1]}", headers=issuer.headers(**ANALYST))).status_code == 200

    @pytest.mark.parametrize("how", ["json", "csv"])
    async def test_a_corrected_report_moving_in_and_out_of_scope(
        self, client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI, how: str
    ) -> None:
        await send(client, issuer, how, report("46/712/25", victim(), category="public-order"))
        assert await scalar(app, "SELECT count(*) FROM subjects") == 0
        result = await send(client, issuer, how, report("46/712/25", victim(), category="robbery"))
        assert (result["updated"], result["screened_in"], result["reviews_opened"]) == (1, 1, 1)
        held = await incident(client, issuer, "46/712/25")
        assert held["people"][0]["subject_id"] is not None
        assert (await review(client, issuer, held["review_id"]))["subject_count"] == 1

        await send(client, issuer, how, report("46/712/25", victim(), category="public-order"))
        again = await incident(client, issuer, "46/712/25")
        assert (again["screening"]["decision"], again["review_id"], again["people"][0]["subject_id"]) == (
            "out",
            None,
            None,
        )
        assert await scalar(app, "SELECT count(*) FROM subjects") == 0
        assert (await review(client, issuer, held["review_id"]))["subject_count"] == 0

    async def test_after_the_retention_period_only_what_statistics_need_stays(
        self, client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI
    ) -> None:
        await send(
            client,
            issuer,
            "json",
            report("46/713/25", victim(), suspect(police_person_id="KP-713"), category="public-order"),
        )
        await send(client, issuer, "json", report("46/714/25", victim()))  # in scope: untouched
        period = {"from": "2025-06-01", "to": "2025-06-30"}
        headers = issuer.headers(**ANALYST)
        before = (await client.get("/v1/statistics/incidents", params=period, headers=headers)).json()
        async with app.state.sessionmaker() as session, session.begin():  # as the background loop does
            assert await purge_screened_out(session, now=datetime.now(UTC), retention_days=90) == []
            (purged,) = await purge_screened_out(session, now=datetime.now(UTC) + timedelta(days=91), retention_days=90)
            await session.flush()
        held = await incident(client, issuer, "46/713/25")
        assert purged == uuid.UUID(held["id"])
        assert [
            (p["role"], p["given_name"], p["family_name"], p["date_of_birth"], p["police_person_id"], p["age"])
            for p in held["people"]
        ] == [("victim", "", "", None, None, 15), ("suspect", "", "", None, None, 17)]
        assert [p["home_district"] for p in held["people"]] == [None, "medway"]
        assert (await incident(client, issuer, "46/714/25"))["people"][0]["family_name"] == "Ashdown"
        assert (await client.get("/v1/statistics/incidents", params=period, headers=headers)).json() == before
        entries = await scalar(
            app,
            "SELECT count(*) FROM referrals_audit.audit_log WHERE action = 'erase' AND :id = ANY(record_ids)",
            id=held["id"],
        )
        assert entries == 1
