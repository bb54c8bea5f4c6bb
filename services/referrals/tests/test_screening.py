"""Screening incidents into Serious Violence Reviews: automatic on intake, and by an analyst's hand."""

import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from referrals.main import create_app
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


def person(**overrides: Any) -> dict[str, Any]:
    return {"role": "victim", "given_name": "Alex", "family_name": "Example", "date_of_birth": "2001-01-10"} | overrides


def report(reference: str, **overrides: Any) -> dict[str, Any]:
    return {
        "crime_reference": reference,
        "occurred_at": "2025-06-14T22:40:00Z",
        "district": "swale",
        "category": "robbery",
        "weapon_knife": True,
        "location": "High Street",
        "people": [person()],
    } | overrides


async def send(client: httpx.AsyncClient, issuer: TestIssuer, *reports: dict[str, Any]) -> dict[str, Any]:
    response = await client.post(
        "/v1/imports/incidents", json={"reports": list(reports)}, headers=issuer.headers(**FEED)
    )
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    assert result["rejected"] == 0, result
    return result


async def incident(client: httpx.AsyncClient, issuer: TestIssuer, reference: str) -> dict[str, Any]:
    headers = issuer.headers(**ANALYST)
    listed = await client.get("/v1/incidents", params={"crime_reference": reference}, headers=headers)
    (item,) = listed.json()["items"]
    found: dict[str, Any] = (await client.get(f"/v1/incidents/{item['id']}", headers=headers)).json()
    return found


async def review(client: httpx.AsyncClient, issuer: TestIssuer, review_id: str) -> dict[str, Any]:
    response = await client.get(f"/v1/reviews/{review_id}", headers=issuer.headers(**ANALYST))
    assert response.status_code == 200
    found: dict[str, Any] = response.json()
    return found


class TestAutomaticScreening:
    async def test_young_victim_of_knife_robbery_opens_a_review_for_the_area(
        self, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        await send(client, issuer, report("46/100/25", people=[person(home_district="swale")]))
        found = await incident(client, issuer, "46/100/25")
        assert found["screening"]["decision"] == "in"
        assert found["screening"]["source"] == "automatic"
        assert found["people"][0]["age_on_day"] == 24
        opened = await review(client, issuer, found["review_id"])
        assert (opened["status"], opened["area"], opened["district"]) == ("new", "medway-swale", "swale")
        assert opened["districts"] == ["swale"]
        assert [s["given_name"] for s in opened["subjects"]] == ["Alex"]
        assert opened["events"][0]["kind"] == "opened"
        assert opened["events"][0]["actor"] == "police-feed-client"
        assert opened["events"][0]["actor_name"] == "police-feed"

    async def test_thirty_year_olds_only_do_not_open_a_review(
        self, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        old = [person(date_of_birth="1995-01-10"), person(role="suspect", given_name="Sam", age=30, date_of_birth=None)]
        await send(client, issuer, report("46/101/25", people=old))
        found = await incident(client, issuer, "46/101/25")
        assert found["screening"]["decision"] == "out"
        assert found["review_id"] is None
        assert all(p["subject_id"] is None for p in found["people"])

    async def test_not_serious_violence_is_out_whatever_the_age(
        self, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        await send(
            client, issuer, report("46/102/25", category="public-order", people=[person(age=16, date_of_birth=None)])
        )
        assert (await incident(client, issuer, "46/102/25"))["review_id"] is None

    async def test_cross_district_review_draws_in_where_people_live(
        self, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        people = [
            person(home_district="medway"),
            person(
                role="suspect",
                given_name="Sam",
                family_name="Sample",
                age=19,
                date_of_birth=None,
                home_district="canterbury",
            ),
        ]
        await send(client, issuer, report("46/103/25", people=people))
        found = await incident(client, issuer, "46/103/25")
        opened = await review(client, issuer, found["review_id"])
        assert opened["area"] == "medway-swale"
        assert opened["districts"] == ["canterbury", "medway", "swale"]
        assert opened["subject_count"] == 2
        # The Thanet & Canterbury coordinator is drawn in and sees it too.
        canterbury = issuer.headers(roles=["coordinator"], districts=["thanet", "canterbury"])
        assert (await client.get(f"/v1/reviews/{opened['id']}", headers=canterbury)).status_code == 200

    async def test_second_incident_joins_the_young_persons_open_review(
        self, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        await send(client, issuer, report("46/104/25", people=[person(police_person_id="KP-104")]))
        await send(
            client,
            issuer,
            report("46/105/25", district="medway", people=[person(police_person_id="KP-104", role="suspect")]),
        )
        first, second = await incident(client, issuer, "46/104/25"), await incident(client, issuer, "46/105/25")
        assert first["review_id"] == second["review_id"]
        joined = await review(client, issuer, first["review_id"])
        assert joined["incident_count"] == 2
        assert joined["districts"] == ["medway", "swale"]
        assert [e["kind"] for e in joined["events"]] == ["opened", "incident_linked"]

    async def test_rescreening_an_updated_report_is_safe(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        await send(client, issuer, report("46/106/25"))
        before = await incident(client, issuer, "46/106/25")
        await send(client, issuer, report("46/106/25", location="Station Road"))
        await send(client, issuer, report("46/106/25", location="Station Road"))
        after = await incident(client, issuer, "46/106/25")
        assert after["review_id"] == before["review_id"]
        kept = await review(client, issuer, after["review_id"])
        assert [e["kind"] for e in kept["events"]] == ["opened", "incident_updated"]
        # Now only a 30-year-old is involved: out, and the review records it.
        await send(client, issuer, report("46/106/25", people=[person(date_of_birth="1995-01-10")]))
        out = await incident(client, issuer, "46/106/25")
        assert (out["screening"]["decision"], out["review_id"]) == ("out", None)
        assert (await review(client, issuer, before["review_id"]))["events"][-1]["kind"] == "incident_screened_out"


class TestManualScreening:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        response = await client.post(f"/v1/incidents/{uuid.uuid4()}/screening", json={"decision": "in", "reason": "x"})
        assert response.status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        await send(client, issuer, report("46/110/25"))
        found = await incident(client, issuer, "46/110/25")
        for token in ({"roles": ["coordinator"], "districts": ["swale"]}, {"roles": ["director"]}, FEED):
            response = await client.post(
                f"/v1/incidents/{found['id']}/screening",
                json={"decision": "out", "reason": "Known to another forum."},
                headers=issuer.headers(**token),
            )
            assert response.status_code == 403, token
            assert response.json()["type"].endswith("/forbidden"), token

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.post(
            f"/v1/incidents/{uuid.uuid4()}/screening",
            json={"decision": "in", "reason": "Analyst judgement."},
            headers=issuer.headers(**ANALYST),
        )
        assert response.status_code == 404
        assert response.json()["type"].endswith("/incident-not-found")

    async def test_reason_required(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        await send(client, issuer, report("46/111/25"))
        found = await incident(client, issuer, "46/111/25")
        response = await client.post(
            f"/v1/incidents/{found['id']}/screening", json={"decision": "out"}, headers=issuer.headers(**ANALYST)
        )
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "reason"

    async def test_valid_screen_in_sticks(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        adult = [person(date_of_birth="1995-01-10")]
        await send(client, issuer, report("46/112/25", people=adult))
        found = await incident(client, issuer, "46/112/25")
        response = await client.post(
            f"/v1/incidents/{found['id']}/screening",
            json={"decision": "in", "reason": "Known to exploit younger people locally."},
            headers=issuer.headers(**ANALYST),
        )
        assert response.status_code == 200
        screened = response.json()
        assert screened["screening"] == screened["screening"] | {
            "decision": "in",
            "source": "manual",
            "reason": "Known to exploit younger people locally.",
            "by": "analyst-1",
        }
        assert screened["review_id"] is not None
        assert response.headers["etag"] == f'"v{screened["version"]}"'
        # A changed report, screened automatically, would be out; the analyst's decision stands.
        await send(client, issuer, report("46/112/25", people=adult, location="Elsewhere"))
        again = await incident(client, issuer, "46/112/25")
        assert (again["screening"]["decision"], again["screening"]["source"]) == ("in", "manual")
        assert again["review_id"] == screened["review_id"]

    async def test_valid_screen_out_takes_it_out_of_its_review(
        self, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        await send(client, issuer, report("46/113/25"))
        found = await incident(client, issuer, "46/113/25")
        response = await client.post(
            f"/v1/incidents/{found['id']}/screening",
            json={"decision": "out", "reason": "Duplicate of a report already under review."},
            headers=issuer.headers(**ANALYST),
        )
        assert response.status_code == 200
        assert response.json()["review_id"] is None
        history = (await review(client, issuer, found["review_id"]))["events"]
        assert history[-1] | {"at": None} == history[-1] | {
            "kind": "incident_screened_out",
            "reason": "Duplicate of a report already under review.",
            "actor": "analyst-1",
            "at": None,
        }
        await send(client, issuer, report("46/113/25", location="Changed"))
        assert (await incident(client, issuer, "46/113/25"))["screening"]["decision"] == "out"
