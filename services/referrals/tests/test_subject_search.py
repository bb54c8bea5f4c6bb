"""Finding a young person (issue 14, item 4): by name (fuzzy), date of birth, police person id and crime
reference, within the caller's visibility, recorded in the audit log; an unknown query parameter is a 422, not
the whole list."""

from typing import Any

import asyncpg
import pytest
from sqlalchemy import select
from sqlalchemy.dialects import postgresql

from referrals.casefile.repository import name_matches
from referrals.subject.models import Subject
from vru_dev.kits.referrals import Casework


def _report(reference: str, district: str, *people: dict[str, Any]) -> dict[str, Any]:
    return {
        "crime_reference": reference,
        "occurred_at": "2026-10-14T22:40:00Z",
        "district": district,
        "category": "violence-with-injury",
        "people": list(people),
    }


def _person(given: str, family: str, born: str, police_id: str | None = None) -> dict[str, Any]:
    return {
        "role": "victim",
        "given_name": given,
        "family_name": family,
        "date_of_birth": born,
        **({"police_person_id": police_id} if police_id else {}),
    }


@pytest.fixture
async def people(casework: Casework) -> dict[str, str]:
    """Zara Okafor-Mills and Callum Smith in Swale; Zara Okafor (another child) in Thanet."""
    reports = [
        _report(
            "46/770001/26",
            "swale",
            _person("Zara", "Okafor-Mills", "2010-05-02", "KP-SEARCH-1"),
            _person("Callum", "Smith", "2009-01-20"),
        ),
        _report("46/770002/26", "thanet", _person("Zara", "Okafor", "2011-07-09", "KP-SEARCH-2")),
    ]
    response = await casework.client.post(
        "/v1/imports/incidents", json={"reports": reports}, headers=casework.headers(casework.FEED)
    )
    assert response.json()["created"] == 2, response.text
    ids: dict[str, str] = {}
    for reference in ("46/770001/26", "46/770002/26"):
        listed = await casework.client.get(
            "/v1/incidents", params={"crime_reference": reference}, headers=casework.headers(casework.ANALYST)
        )
        incident = (
            await casework.client.get(
                f"/v1/incidents/{listed.json()['items'][0]['id']}", headers=casework.headers(casework.ANALYST)
            )
        ).json()
        for person in incident["people"]:
            ids[person["family_name"]] = person["subject_id"]
    return ids


async def _find(casework: Casework, token: dict[str, Any], **params: str) -> list[dict[str, Any]]:
    response = await casework.client.get("/v1/subjects", params=params, headers=casework.headers(token))
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


class TestFindYoungPeople:
    async def test_anonymous(self, casework: Casework) -> None:
        assert (await casework.client.get("/v1/subjects", params={"q": "Zara"})).status_code == 401

    async def test_forbidden(self, casework: Casework) -> None:
        response = await casework.client.get(
            "/v1/subjects", params={"q": "Zara"}, headers=casework.headers(casework.AUDITOR)
        )
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_by_name_in_any_order_closest_first(self, casework: Casework, people: dict[str, str]) -> None:
        found = await _find(casework, casework.ANALYST, q="Zara Okafor")
        assert [s["id"] for s in found] == [people["Okafor"], people["Okafor-Mills"]]  # the exact name first
        # the names the other way round, the start of a word, lower case, punctuation: still found
        for query in ("okafor zara", "okaf", "OKAFOR-MILLS", "mills, z"):
            assert people["Okafor-Mills"] in {s["id"] for s in await _find(casework, casework.ANALYST, q=query)}
        assert [s["id"] for s in await _find(casework, casework.ANALYST, q="Callum")] == [people["Smith"]]
        assert await _find(casework, casework.ANALYST, q="Zara Smith") == []
        assert await _find(casework, casework.ANALYST, q="!!") == []

    async def test_by_date_of_birth_police_id_and_crime_reference(
        self, casework: Casework, people: dict[str, str]
    ) -> None:
        analyst = casework.ANALYST
        assert [s["id"] for s in await _find(casework, analyst, date_of_birth="2011-07-09")] == [people["Okafor"]]
        assert [s["id"] for s in await _find(casework, analyst, police_person_id="KP-SEARCH-1")] == [
            people["Okafor-Mills"]
        ]
        by_reference = await _find(casework, analyst, crime_reference="46/770001/26")
        assert {s["id"] for s in by_reference} == {people["Okafor-Mills"], people["Smith"]}
        # every criterion given must hold
        assert await _find(casework, analyst, q="Zara Okafor", date_of_birth="2009-01-20") == []

    async def test_a_coordinator_finds_only_the_young_people_of_their_districts(
        self, casework: Casework, people: dict[str, str]
    ) -> None:
        medway_swale = casework.MEDWAY_SWALE
        assert [s["id"] for s in await _find(casework, medway_swale, q="Zara Okafor")] == [people["Okafor-Mills"]]
        assert await _find(casework, medway_swale, police_person_id="KP-SEARCH-2") == []
        assert await _find(casework, medway_swale, crime_reference="46/770002/26") == []
        thanet = casework.THANET
        assert [s["id"] for s in await _find(casework, thanet, q="Zara Okafor")] == [people["Okafor"]]

    async def test_unknown_query_parameters_are_refused(self, casework: Casework, people: dict[str, str]) -> None:
        for params in ({"family_name": "Okafor"}, {"q": "Zara", "categry": "x"}):
            response = await casework.client.get(
                "/v1/subjects", params=params, headers=casework.headers(casework.ANALYST)
            )
            assert response.status_code == 422, params
            assert response.json()["errors"][0]["field"] in params
        too_short = await casework.client.get(
            "/v1/subjects", params={"q": "Z"}, headers=casework.headers(casework.ANALYST)
        )
        assert too_short.status_code == 422
        bad_date = await casework.client.get(
            "/v1/subjects", params={"date_of_birth": "20100502"}, headers=casework.headers(casework.ANALYST)
        )
        assert bad_date.status_code == 422

    async def test_pages_through_ranked_results(self, casework: Casework, people: dict[str, str]) -> None:
        first = await casework.client.get(
            "/v1/subjects", params={"q": "Zara Okafor", "limit": 1}, headers=casework.headers(casework.ANALYST)
        )
        cursor = first.json()["next_cursor"]
        assert cursor
        second = await casework.client.get(
            "/v1/subjects",
            params={"q": "Zara Okafor", "limit": 1, "cursor": cursor},
            headers=casework.headers(casework.ANALYST),
        )
        assert [s["id"] for s in first.json()["items"] + second.json()["items"]] == [
            people["Okafor"],
            people["Okafor-Mills"],
        ]
        assert second.json()["next_cursor"] is None

    async def test_a_search_is_recorded_in_the_audit_log(self, casework: Casework, people: dict[str, str]) -> None:
        await _find(casework, casework.MEDWAY_SWALE, q="Zara Okafor")
        log = await casework.client.get(
            "/v1/audit-log",
            params={"record_id": people["Okafor-Mills"]},
            headers=casework.headers(casework.AUDITOR),
        )
        entries = log.json()["items"]
        assert any(e["purpose"] == "young people search" and e["actor_subject"] == "coordinator-ms" for e in entries), (
            entries
        )


async def test_a_name_search_reads_the_name_index(db_urls: dict[str, str]) -> None:
    """Not a scan of every young person: the words of the name are a GIN index (``ix_subjects_name_words``)."""
    statement = select(Subject.id).where(name_matches("zara okafor"))
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    sql = str(statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
    connection = await asyncpg.connect(db_urls["referrals"].replace("postgresql+asyncpg://", "postgresql://"))
    try:
        await connection.execute("SET enable_seqscan = off")  # an empty table: the planner would scan it anyway
        plan = "\n".join(row[0] for row in await connection.fetch("EXPLAIN " + sql))
    finally:
        await connection.close()
    assert "Bitmap Index Scan on ix_subjects_name_words" in plan, plan
