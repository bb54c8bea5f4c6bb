"""Young people matched across incidents; uncertain matches flagged for a person, never merged silently."""

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
FEED = {"kind": "client", "scopes": ["incidents:ingest"], "client_id": "police-feed"}


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
    return {
        "role": "victim",
        "given_name": "Jordan",
        "family_name": "Testwood",
        "date_of_birth": "2006-04-03",
    } | overrides


def report(reference: str, *people: dict[str, Any], district: str = "swale") -> dict[str, Any]:
    return {
        "crime_reference": reference,
        "occurred_at": "2025-06-14T22:40:00Z",
        "district": district,
        "category": "violence-with-injury",
        "people": list(people) or [person()],
    }


async def send(client: httpx.AsyncClient, issuer: TestIssuer, *reports: dict[str, Any]) -> None:
    response = await client.post(
        "/v1/imports/incidents", json={"reports": list(reports)}, headers=issuer.headers(**FEED)
    )
    assert response.status_code == 200
    assert response.json()["rejected"] == 0, response.json()


async def subject_ids(client: httpx.AsyncClient, issuer: TestIssuer, reference: str) -> list[str]:
    headers = issuer.headers(**ANALYST)
    (item,) = (await client.get("/v1/incidents", params={"crime_reference": reference}, headers=headers)).json()[
        "items"
    ]
    found = (await client.get(f"/v1/incidents/{item['id']}", headers=headers)).json()
    return [p["subject_id"] for p in found["people"]]


async def subject(client: httpx.AsyncClient, issuer: TestIssuer, subject_id: str) -> dict[str, Any]:
    response = await client.get(f"/v1/subjects/{subject_id}", headers=issuer.headers(**ANALYST))
    assert response.status_code == 200
    found: dict[str, Any] = response.json()
    return found


class TestMatching:
    async def test_same_person_in_two_incidents_is_one_subject(
        self, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        await send(client, issuer, report("46/200/25"))
        await send(
            client,
            issuer,
            report(
                "46/201/25", person(role="suspect", given_name=" jordan ", family_name="TESTWOOD"), district="medway"
            ),
        )
        (first,), (second,) = (
            await subject_ids(client, issuer, "46/200/25"),
            await subject_ids(client, issuer, "46/201/25"),
        )
        assert first == second
        page = await subject(client, issuer, first)
        assert sorted(i["crime_reference"] for i in page["incidents"]) == ["46/200/25", "46/201/25"]
        assert len(page["reviews"]) == 1
        assert page["possible_duplicate"] is False

    async def test_police_person_id_matches_despite_spelling(
        self, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        await send(client, issuer, report("46/202/25", person(police_person_id="KP-202")))
        await send(client, issuer, report("46/203/25", person(police_person_id="KP-202", given_name="Jordon")))
        assert await subject_ids(client, issuer, "46/202/25") == await subject_ids(client, issuer, "46/203/25")

    async def test_different_police_ids_are_different_people(
        self, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        await send(client, issuer, report("46/204/25", person(police_person_id="KP-204")))
        await send(client, issuer, report("46/205/25", person(police_person_id="KP-205")))
        (a,), (b,) = await subject_ids(client, issuer, "46/204/25"), await subject_ids(client, issuer, "46/205/25")
        assert a != b
        reasons = [d["reason"] for d in (await subject(client, issuer, b))["possible_duplicates"]]
        assert reasons == ["same name and date of birth, different police person id"]

    @pytest.mark.parametrize(
        ("variant", "reason"),
        [
            ({"given_name": "Jordon"}, "same date of birth, similar name"),
            ({"given_name": "J."}, "same date of birth, similar name"),
            ({"date_of_birth": "2006-04-04"}, "same name, date of birth a day apart"),
            ({"date_of_birth": "2006-03-04"}, "same name, day and month of birth swapped"),
            ({"date_of_birth": None, "age": 19}, "same name, age fits the date of birth"),
        ],
    )
    async def test_near_miss_is_flagged_not_merged(
        self, client: httpx.AsyncClient, issuer: TestIssuer, variant: dict[str, Any], reason: str
    ) -> None:
        await send(client, issuer, report("46/210/25"))
        await send(client, issuer, report("46/211/25", person(**variant)))
        (original,), (near,) = (
            await subject_ids(client, issuer, "46/210/25"),
            await subject_ids(client, issuer, "46/211/25"),
        )
        assert original != near
        page = await subject(client, issuer, near)
        assert page["possible_duplicate"] is True
        assert [(d["other_id"], d["reason"], d["status"]) for d in page["possible_duplicates"]] == [
            (original, reason, "open")
        ]

    async def test_unrelated_people_are_not_flagged(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        await send(client, issuer, report("46/212/25"))
        await send(client, issuer, report("46/213/25", person(given_name="Robin", family_name="Fieldfare")))
        (other,) = await subject_ids(client, issuer, "46/213/25")
        assert (await subject(client, issuer, other))["possible_duplicates"] == []


class TestListSubjects:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/subjects")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        for token in ({"roles": ["partner_agency"]}, FEED, {"roles": ["programme_officer"]}):
            refused = await client.get("/v1/subjects", headers=issuer.headers(**token))
            assert refused.status_code == 403, token
            assert refused.json()["type"].endswith("/forbidden"), token

    async def test_valid_possible_duplicates(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        await send(client, issuer, report("46/220/25"), report("46/221/25", person(given_name="Jordon")))
        await send(client, issuer, report("46/222/25", person(given_name="Robin", family_name="Fieldfare")))
        flagged = (
            await client.get("/v1/subjects", params={"possible_duplicate": "true"}, headers=issuer.headers(**ANALYST))
        ).json()["items"]
        assert sorted(s["given_name"] for s in flagged) == ["Jordan", "Jordon"]
        everyone = (await client.get("/v1/subjects", headers=issuer.headers(**ANALYST))).json()["items"]
        assert {"Robin", "Jordan", "Jordon"} <= {s["given_name"] for s in everyone}

    async def test_coordinator_sees_own_districts_only(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        await send(
            client,
            issuer,
            report("46/223/25", person(given_name="Thanet", family_name="Testperson"), district="thanet"),
        )
        await send(client, issuer, report("46/224/25", person(given_name="Swale", family_name="Testperson")))
        headers = issuer.headers(roles=["coordinator"], districts=["medway", "swale"])
        names = {s["given_name"] for s in (await client.get("/v1/subjects", headers=headers)).json()["items"]}
        assert "Swale" in names
        assert "Thanet" not in names


class TestListPossibleDuplicates:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/subjects/possible-duplicates")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        for token in (
            {"roles": ["coordinator"], "districts": ["medway", "swale"]},
            {"roles": ["director"]},
            {"roles": ["auditor"]},
            FEED,
        ):
            refused = await client.get("/v1/subjects/possible-duplicates", headers=issuer.headers(**token))
            assert refused.status_code == 403, token
            assert refused.json()["type"].endswith("/forbidden"), token

    async def test_valid_oldest_first_paged_and_resolved_ones_leave(
        self, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        headers = issuer.headers(**ANALYST)
        await send(client, issuer, report("46/270/25", person(family_name="Queuewood")))
        await send(client, issuer, report("46/271/25", person(family_name="Queuewood", given_name="Jordon")))
        await send(client, issuer, report("46/272/25", person(family_name="Queuewood", date_of_birth="2006-04-04")))
        await send(client, issuer, report("46/273/25", person(given_name="Robin", family_name="Fieldfare")))
        (original,), (similar,), (day_apart,) = [await subject_ids(client, issuer, f"46/27{n}/25") for n in range(3)]

        first = await client.get("/v1/subjects/possible-duplicates", params={"limit": 1}, headers=headers)
        assert first.status_code == 200
        (pair,) = first.json()["items"]
        assert (pair["subject"]["id"], pair["other"]["id"], pair["reason"]) == (
            similar,
            original,
            "same date of birth, similar name",
        )
        assert (pair["subject"]["given_name"], pair["other"]["given_name"]) == ("Jordon", "Jordan")
        assert pair["subject"]["date_of_birth"] == "2006-04-03"
        assert 'rel="next"' in first.headers["link"]
        rest = await client.get(
            "/v1/subjects/possible-duplicates", params={"cursor": first.json()["next_cursor"]}, headers=headers
        )
        assert [(p["subject"]["id"], p["other"]["id"]) for p in rest.json()["items"]] == [(day_apart, original)]
        assert rest.json()["next_cursor"] is None

        split = await client.post(f"/v1/subjects/{similar}/duplicates/{original}/split", headers=headers)
        assert split.status_code == 200
        queue = (await client.get("/v1/subjects/possible-duplicates", headers=headers)).json()["items"]
        assert (similar, original) not in {(p["subject"]["id"], p["other"]["id"]) for p in queue}
        assert (day_apart, original) in {(p["subject"]["id"], p["other"]["id"]) for p in queue}


class TestGetSubject:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get(f"/v1/subjects/{uuid.uuid4()}")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get(f"/v1/subjects/{uuid.uuid4()}", headers=issuer.headers(roles=["partner_agency"]))
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        await send(client, issuer, report("46/230/25", district="thanet"))
        (thanet,) = await subject_ids(client, issuer, "46/230/25")
        for subject_id, token in (
            (str(uuid.uuid4()), ANALYST),
            (thanet, {"roles": ["coordinator"], "districts": ["medway", "swale"]}),
        ):
            response = await client.get(f"/v1/subjects/{subject_id}", headers=issuer.headers(**token))
            assert response.status_code == 404
            assert response.json()["type"].endswith("/subject-not-found")

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        await send(client, issuer, report("46/231/25", person(police_person_id="KP-231")))
        (subject_id,) = await subject_ids(client, issuer, "46/231/25")
        response = await client.get(f"/v1/subjects/{subject_id}", headers=issuer.headers(roles=["director"]))
        assert response.status_code == 200
        body = response.json()
        assert (body["given_name"], body["police_person_id"], body["date_of_birth"]) == (
            "Jordan",
            "KP-231",
            "2006-04-03",
        )
        assert body["incidents"][0] | {"id": None} == {
            "id": None,
            "crime_reference": "46/231/25",
            "occurred_at": "2025-06-14T22:40:00Z",
            "district": "swale",
            "category": "violence-with-injury",
            "role": "victim",
            "age_on_day": 19,
        }
        assert response.headers["etag"] == '"v1"'


class TestResolveDuplicates:
    async def flagged_pair(self, client: httpx.AsyncClient, issuer: TestIssuer, n: int) -> tuple[str, str]:
        await send(client, issuer, report(f"46/24{n}/25"))
        await send(
            client,
            issuer,
            report(f"46/25{n}/25", person(given_name="Jordon", police_person_id=f"KP-25{n}"), district="medway"),
        )
        (kept,), (other,) = (
            await subject_ids(client, issuer, f"46/24{n}/25"),
            await subject_ids(client, issuer, f"46/25{n}/25"),
        )
        return kept, other

    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        response = await client.post(f"/v1/subjects/{uuid.uuid4()}/duplicates/{uuid.uuid4()}/confirm")
        assert response.status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        kept, other = await self.flagged_pair(client, issuer, 0)
        headers = issuer.headers(roles=["coordinator"], districts=["swale", "medway"])
        for action in ("confirm", "split"):
            response = await client.post(f"/v1/subjects/{kept}/duplicates/{other}/{action}", headers=headers)
            assert response.status_code == 403
            assert response.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        await send(
            client,
            issuer,
            report("46/260/25"),
            report("46/261/25", person(given_name="Robin", family_name="Fieldfare")),
        )
        (a,), (b,) = await subject_ids(client, issuer, "46/260/25"), await subject_ids(client, issuer, "46/261/25")
        response = await client.post(f"/v1/subjects/{a}/duplicates/{b}/confirm", headers=issuer.headers(**ANALYST))
        assert response.status_code == 404
        assert response.json()["type"].endswith("/possible-duplicate-not-found")

    async def test_valid_confirm_merges(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        kept, other = await self.flagged_pair(client, issuer, 1)
        response = await client.post(
            f"/v1/subjects/{kept}/duplicates/{other}/confirm", headers=issuer.headers(**ANALYST)
        )
        assert response.status_code == 200
        merged = response.json()
        assert sorted(i["crime_reference"] for i in merged["incidents"]) == ["46/241/25", "46/251/25"]
        assert len(merged["reviews"]) == 2
        assert merged["police_person_id"] == "KP-251"
        assert merged["possible_duplicates"][0] | {"created_at": None, "resolved_at": None} == {
            "other_id": other,
            "reason": "same date of birth, similar name",
            "status": "confirmed",
            "created_at": None,
            "resolved_at": None,
            "resolved_by": "analyst-1",
        }
        gone = await subject(client, issuer, other)
        assert gone["merged_into_id"] == kept
        assert gone["incidents"] == []
        assert await subject_ids(client, issuer, "46/251/25") == [kept]
        listed = (await client.get("/v1/subjects", headers=issuer.headers(**ANALYST))).json()["items"]
        assert other not in {s["id"] for s in listed}
        again = await client.post(f"/v1/subjects/{kept}/duplicates/{other}/confirm", headers=issuer.headers(**ANALYST))
        assert again.status_code == 409
        assert again.json()["type"].endswith("/possible-duplicate-resolved")

    async def test_valid_split_dismisses(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        kept, other = await self.flagged_pair(client, issuer, 2)
        response = await client.post(f"/v1/subjects/{other}/duplicates/{kept}/split", headers=issuer.headers(**ANALYST))
        assert response.status_code == 200
        body = response.json()
        assert body["id"] == other
        assert body["possible_duplicate"] is False
        assert body["possible_duplicates"][0]["status"] == "dismissed"
        assert (await subject(client, issuer, kept))["merged_into_id"] is None
