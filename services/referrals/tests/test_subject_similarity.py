"""Possible duplicates by similar names (issue 14, item 2): trigram similarity computed in PostgreSQL with
its built-ins (pg_trgm's rule; the embedded PostgreSQL ships no contrib), candidates from a GIN index,
flagged into the possible-duplicates queue for a person to confirm or split — never merged silently."""

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

from referrals.main import create_app
from referrals.settings import ReferralsSettings
from referrals.subject.repository import MAX_FLAGS, SIMILAR_NAMES
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
    return {"role": "victim", "given_name": "Zara", "family_name": "Okafor-Mills", "date_of_birth": "2009-05-02"} | (
        overrides
    )


def report(reference: str, *people: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    return {
        "crime_reference": reference,
        "occurred_at": "2025-06-14T22:40:00Z",
        "district": "swale",
        "category": "robbery",
        "people": list(people) or [person()],
    } | overrides


async def send(client: httpx.AsyncClient, issuer: TestIssuer, *reports: dict[str, Any]) -> None:
    response = await client.post(
        "/v1/imports/incidents", json={"reports": list(reports)}, headers=issuer.headers(**FEED)
    )
    assert response.status_code == 200, response.text
    assert response.json()["rejected"] == 0, response.json()


async def subject_of(client: httpx.AsyncClient, issuer: TestIssuer, reference: str) -> str:
    headers = issuer.headers(**ANALYST)
    (item,) = (await client.get("/v1/incidents", params={"crime_reference": reference}, headers=headers)).json()[
        "items"
    ]
    found = (await client.get(f"/v1/incidents/{item['id']}", headers=headers)).json()
    subject_id: str = found["people"][0]["subject_id"]
    return subject_id


async def queue(client: httpx.AsyncClient, issuer: TestIssuer) -> list[tuple[str, str, str]]:
    response = await client.get("/v1/subjects/possible-duplicates", headers=issuer.headers(**ANALYST))
    assert response.status_code == 200, response.text
    return [(p["subject"]["id"], p["other"]["id"], p["reason"]) for p in response.json()["items"]]


def pg_trgm(name: str) -> set[str]:
    """pg_trgm's trigrams of a name: lower case, words of letters and digits, each padded "  word "."""
    words = "".join(c if c.isalnum() else " " for c in name.lower()).split()
    return {f"  {w} "[i : i + 3] for w in words for i in range(len(w) + 1)}


class TestTrigrams:
    @pytest.mark.parametrize("name", ["okafor-mills|zara", "o'neil|jo", "testwood|j", "a|b c", "x1 2y|zz"])
    async def test_the_sql_function_follows_pg_trgm_rule(
        self, client: httpx.AsyncClient, app: FastAPI, name: str
    ) -> None:
        async with app.state.sessionmaker() as session:
            got = (await session.execute(text("SELECT referrals.name_trigrams(:n)"), {"n": name})).scalar_one()
            similarity = (
                await session.execute(
                    text(
                        "SELECT referrals.trigram_similarity(referrals.name_trigrams(:a), referrals.name_trigrams(:b))"
                    ),
                    {"a": "okafor-mills|zara", "b": "okafor|zara"},
                )
            ).scalar_one()
        assert got == sorted(pg_trgm(name))
        a, b = pg_trgm("okafor mills zara"), pg_trgm("okafor zara")
        assert similarity == pytest.approx(len(a & b) / len(a | b))
        assert similarity == pytest.approx(12 / 18)

    async def test_candidates_come_from_the_gin_index(self, client: httpx.AsyncClient, app: FastAPI) -> None:
        """A few thousand young people: the flagging statement finds its candidates with a Bitmap Index Scan on
        ``ix_subjects_name_trigrams``, not by reading every subject."""
        async with app.state.sessionmaker() as session:
            await session.execute(
                text(
                    "INSERT INTO subjects (id, given_name, family_name, name_key, date_of_birth, version) "
                    "SELECT gen_random_uuid(), g, f, f || '|' || g, "
                    "CASE WHEN n % 3 = 0 THEN NULL ELSE date '2004-01-01' + (n % 3000) END, 1 "
                    "FROM generate_series(1, 4000) AS n, "
                    "LATERAL (SELECT substr(md5(n::text), 1, 6) AS g, substr(md5((n * 7)::text), 1, 8) AS f) AS names"
                )
            )
            await session.execute(text("ANALYZE subjects"))
            # a report's young people: one known by age only, one by date of birth
            age_only = "SELECT id FROM subjects WHERE date_of_birth IS NULL LIMIT 1"
            born = "SELECT id FROM subjects WHERE date_of_birth IS NOT NULL LIMIT 1"
            ids = [(await session.execute(text(sql))).scalar() for sql in (age_only, born)]
            connection = await session.connection()
            raw = (await connection.get_raw_connection()).driver_connection
            assert raw is not None
            rows = await raw.fetch("EXPLAIN " + SIMILAR_NAMES, ids, 0.5, MAX_FLAGS, "open")
            plan = "\n".join(row[0] for row in rows)
            await session.rollback()
        assert "Bitmap Index Scan on ix_subjects_name_trigrams " in plan, plan  # people known by age only
        assert "Bitmap Index Scan on ix_subjects_name_trigrams_age_only " in plan, plan  # ... among them


TRANSPOSED = "same date of birth, given and family names transposed"


class TestSimilarNames:
    async def test_a_hyphenated_family_name_is_flagged(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        await send(client, issuer, report("46/800/25"))
        await send(client, issuer, report("46/801/25", person(family_name="Okafor"), district="medway"))
        first, second = await subject_of(client, issuer, "46/800/25"), await subject_of(client, issuer, "46/801/25")
        assert first != second  # never merged silently
        assert await queue(client, issuer) == [(second, first, "same date of birth, similar name")]

        split = await client.post(f"/v1/subjects/{second}/duplicates/{first}/split", headers=issuer.headers(**ANALYST))
        assert split.status_code == 200, split.text
        assert await queue(client, issuer) == []

    @pytest.mark.parametrize(
        ("variant", "reason"),
        [
            (
                {"given_name": "Okafor-Mills", "family_name": "Zara"},
                "same date of birth, given and family names transposed",
            ),
            ({"given_name": "Zara", "family_name": "Okafor Mils"}, "same date of birth, similar name"),
            ({"given_name": "Zarah", "family_name": "Mills"}, "same date of birth, similar name"),
        ],
    )
    async def test_name_variants_are_flagged(
        self, client: httpx.AsyncClient, issuer: TestIssuer, variant: dict[str, Any], reason: str
    ) -> None:
        await send(client, issuer, report("46/802/25"))
        await send(client, issuer, report("46/803/25", person(**variant)))
        first, second = await subject_of(client, issuer, "46/802/25"), await subject_of(client, issuer, "46/803/25")
        assert await queue(client, issuer) == [(second, first, reason)]

    async def test_different_people_are_not_flagged(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        await send(client, issuer, report("46/804/25"))
        await send(client, issuer, report("46/805/25", person(given_name="Zara", family_name="Whitlock")))
        await send(client, issuer, report("46/806/25", person(date_of_birth="2009-05-09", family_name="Okafor")))
        assert await queue(client, issuer) == []

    async def test_age_only_people_of_one_district_and_age_band_are_flagged(
        self, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        age_only = {"date_of_birth": None, "given_name": "Rowan", "family_name": "Ashdown"}
        await send(client, issuer, report("46/807/25", person(**age_only, age=15)))
        await send(client, issuer, report("46/808/25", person(**age_only, age=16), occurred_at="2026-02-01T10:00:00Z"))
        # the same name and age, but elsewhere (and living elsewhere): not flagged
        await send(client, issuer, report("46/809/25", person(**age_only, age=15), district="dover"))
        # living in Swale, though it happened in Thanet; a hyphenated name
        await send(
            client,
            issuer,
            report(
                "46/810/25",
                person(**age_only | {"family_name": "Ashdown-Reeve"}, age=15, home_district="swale"),
                district="thanet",
            ),
        )
        first, second, elsewhere, living_here = [
            await subject_of(client, issuer, f"46/8{n}/25") for n in ("07", "08", "09", "10")
        ]
        assert len({first, second, elsewhere, living_here}) == 4
        flagged = await queue(client, issuer)
        assert (second, first, "same name, same age band in the same district") in flagged
        assert (living_here, first, "similar name, same age band in the same district") in flagged
        assert not any(elsewhere in pair[:2] for pair in flagged)
        assert len(flagged) == 3  # and the one living in Swale with the second
