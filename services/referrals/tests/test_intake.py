"""Incident intake: JSON batches and streamed CSV uploads, idempotent on the crime reference."""

import hashlib
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

from referrals.intake.csv_reader import COLUMNS
from referrals.intake.schemas import IncidentReport, Report
from referrals.intake.service import report_hash
from referrals.main import create_app
from referrals.settings import ReferralsSettings
from vru_dev.testing import TEST_ISSUER, TestIssuer, running_app
from vru_shared.kent_medway import DISTRICT_CODES

ANALYST = {"roles": ["analyst"]}
FEED = {"kind": "client", "scopes": ["incidents:ingest"], "client_id": "police-feed"}
DISTRICTS = list(DISTRICT_CODES)
CATEGORIES = ["violence-with-injury", "knife-sharp-instrument", "robbery", "firearm", "public-order"]


@pytest.fixture
def app(db_urls: dict[str, str]) -> FastAPI:
    settings = ReferralsSettings(
        database_url=db_urls["referrals"],
        token_issuer=TEST_ISSUER,
        audit_seal_interval_seconds=3600,
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
        "weapon_firearm": False,
        "location": "High Street",
        "people": [person()],
    } | overrides


async def scalar(app: FastAPI, sql: str, **params: Any) -> Any:
    async with app.state.sessionmaker() as session:
        return (await session.execute(text(sql), params)).scalar()


def name(i: int) -> str:
    """A made-up, distinctive family name per row (no two are one edit apart)."""
    return "Fam" + hashlib.sha256(str(i).encode()).hexdigest()[:10]


GIVEN_NAMES = ["Alex", "Sam", "Jo", "Kit", "Lee", "Mo", "Pat", "Ash", "Bo", "Cal", "Dee", "Eli"]
GIVEN_NAMES += ["Fin", "Gus", "Hal", "Ira", "Jem", "Kai", "Lou", "Max", "Ned", "Oli", "Ray"]
BAD_KINDS = {
    0: ("district", "atlantis", "unknown district 'atlantis'"),
    1: ("occurred_at", "2025-13-40T25:00:00Z", "occurred_at"),
    2: ("date_of_birth", "", "give date_of_birth or age"),
    3: ("category", "jaywalking", "unknown category 'jaywalking'"),
    4: ("role", "bystander", "role"),
}


def csv_file(rows: int, bad_every: int = 0) -> tuple[bytes, dict[int, str]]:
    """A CSV of ``rows`` one-person reports; every ``bad_every``-th row is broken in one of five ways.
    Returns the file and {line: expected part of the reason} for the bad rows."""
    lines = [",".join(COLUMNS)]
    bad: dict[int, str] = {}
    for i in range(rows):
        values = {
            "crime_reference": f"46/{i:06d}/25",
            "occurred_at": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:15:00Z",
            "district": DISTRICTS[i % 13],
            "category": CATEGORIES[i % 5],
            "weapon_knife": "true" if i % 3 == 0 else "false",
            "weapon_firearm": "false",
            "location": f'"{i} Example Road, Kent"',
            "role": "victim" if i % 2 else "suspect",
            "police_person_id": f"KP-{i:07d}",
            "given_name": GIVEN_NAMES[i % len(GIVEN_NAMES)],
            "family_name": name(i),
            "date_of_birth": f"{1995 + i % 15}-{1 + i % 12:02d}-{1 + i % 27:02d}",
            "age": "",
            "home_district": DISTRICTS[(i * 7) % 13],
        }
        if bad_every and i % bad_every == bad_every // 2:
            column, value, reason = BAD_KINDS[(i // bad_every) % 5]
            values[column] = value
            bad[i + 2] = reason
        lines.append(",".join(values[c] for c in COLUMNS))
    return ("\n".join(lines) + "\n").encode(), bad


async def upload(client: httpx.AsyncClient, issuer: TestIssuer, body: bytes, **token: Any) -> httpx.Response:
    return await client.post(
        "/v1/imports/incidents.csv",
        content=body,
        headers={**issuer.headers(**(token or FEED)), "Content-Type": "text/csv"},
    )


class TestImportJson:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/v1/imports/incidents", json={"reports": [report("46/1/25")]})
        assert response.status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        for token in ({"roles": ["coordinator"], "districts": ["swale"]}, {"roles": ["director"]}, {"kind": "client"}):
            response = await client.post(
                "/v1/imports/incidents", json={"reports": [report("46/1/25")]}, headers=issuer.headers(**token)
            )
            assert response.status_code == 403, token
            assert response.json()["type"].endswith("/forbidden"), token

    async def test_valid_creates_then_unchanged_then_updated(
        self, client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI
    ) -> None:
        body = {"reports": [report("46/1/25"), report("46/2/25", district="medway")]}
        first = await client.post("/v1/imports/incidents", json=body, headers=issuer.headers(**FEED))
        assert first.status_code == 200
        assert first.json() | {"rejected_rows": None} == {
            "received": 2,
            "created": 2,
            "updated": 0,
            "unchanged": 0,
            "rejected": 0,
            "screened_in": 2,
            "reviews_opened": 1,
            "rejected_rows": None,
        }
        again = await client.post("/v1/imports/incidents", json=body, headers=issuer.headers(**ANALYST))
        assert (again.json()["created"], again.json()["unchanged"], again.json()["screened_in"]) == (0, 2, 0)

        body["reports"][0]["location"] = "High Street, Sittingbourne"
        changed = await client.post("/v1/imports/incidents", json=body, headers=issuer.headers(**FEED))
        assert (changed.json()["updated"], changed.json()["unchanged"], changed.json()["screened_in"]) == (1, 1, 1)
        assert await scalar(app, "SELECT count(*) FROM incidents WHERE crime_reference LIKE '46/_/25'") == 2

        listed = await client.get(
            "/v1/incidents", params={"crime_reference": "46/1/25"}, headers=issuer.headers(**ANALYST)
        )
        (item,) = listed.json()["items"]
        incident = (await client.get(f"/v1/incidents/{item['id']}", headers=issuer.headers(**ANALYST))).json()
        assert incident["version"] == 2
        assert incident["location"] == "High Street, Sittingbourne"
        assert incident["changes"][0]["changes"] == {
            "location": {"from": "High Street", "to": "High Street, Sittingbourne"}
        }

    async def test_invalid_reports_are_listed_and_valid_ones_land(
        self, client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI
    ) -> None:
        reports = [
            report("46/10/25"),
            report("46/11/25", district="atlantis"),
            report("46/12/25", people=[person(date_of_birth=None)]),
            report("46/13/25", occurred_at="yesterday"),
            report("46/10/25", location="again"),
            report("46/14/25", people=[person(), person(home_district="narnia", given_name="Sam")]),
        ]
        response = await client.post("/v1/imports/incidents", json={"reports": reports}, headers=issuer.headers(**FEED))
        assert response.status_code == 200
        result = response.json()
        assert (result["received"], result["created"], result["rejected"]) == (6, 1, 5)
        reasons = {row["line"]: (row["crime_reference"], row["reason"]) for row in result["rejected_rows"]}
        assert reasons[2] == ("46/11/25", "unknown district 'atlantis'")
        assert "give date_of_birth or age" in reasons[3][1]
        assert reasons[4][1].startswith("occurred_at")
        assert "more than once" in reasons[5][1]
        assert reasons[6] == ("46/14/25", "unknown home_district 'narnia'")
        # Nothing of a rejected report was written: not the incident, not its valid first person.
        assert await scalar(app, "SELECT count(*) FROM incidents WHERE crime_reference = '46/14/25'") == 0
        people = "SELECT count(*) FROM incident_people p JOIN incidents i ON i.id = p.incident_id"
        assert await scalar(app, people + " WHERE i.crime_reference LIKE '46/1_/25'") == 1

    async def test_unknown_field_rejects_only_that_report(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        reports = [report("46/20/25"), report("46/21/25", colour="red")]
        result = (
            await client.post("/v1/imports/incidents", json={"reports": reports}, headers=issuer.headers(**FEED))
        ).json()
        assert (result["created"], result["rejected"]) == (1, 1)
        assert "colour" in result["rejected_rows"][0]["reason"]

    async def test_too_many_reports(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        body: dict[str, list[dict[str, str]]] = {"reports": [{}] * 10_001}
        response = await client.post("/v1/imports/incidents", json=body, headers=issuer.headers(**FEED))
        assert response.status_code == 422


class TestImportCsv:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/v1/imports/incidents.csv", content=b"x", headers={"Content-Type": "text/csv"})
        assert response.status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        body, _ = csv_file(1)
        response = await upload(client, issuer, body, roles=["partner_agency"])
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_wrong_media_type(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.post("/v1/imports/incidents.csv", json={"reports": []}, headers=issuer.headers(**FEED))
        assert response.status_code == 415
        assert response.json()["type"].endswith("/csv-expected")
        assert response.json()["detail"] == "Send the body as text/csv."
        # A type no route takes is refused before the route; the answer still names what this one takes.
        for media_type in ("text/plain", "application/vnd.ms-excel"):
            headers = {**issuer.headers(**FEED), "content-type": media_type}
            response = await client.post("/v1/imports/incidents.csv", content=b"crime_reference\n", headers=headers)
            assert response.status_code == 415
            assert response.json()["type"].endswith("/unsupported-media-type")
            assert response.json()["detail"] == "Send the body as text/csv."
            assert response.headers["accept"] == "text/csv"

    async def test_bad_header_rejects_the_file(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await upload(client, issuer, b"crime_ref,when\n46/1/25,2025-06-14T10:00:00Z\n")
        assert response.status_code == 422
        assert "missing column(s)" in response.json()["detail"]

    async def test_rows_of_one_report_form_one_incident(
        self, client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI
    ) -> None:
        header = "crime_reference,occurred_at,district,category,weapon_knife,location,role,given_name,family_name,age"
        body = (
            f"{header}\r\n"
            '46/30/25,2025-06-14T22:40:00Z,thanet,robbery,yes,"Harbour Parade,\nRamsgate",victim,Alex,Example,19\r\n'
            '46/30/25,2025-06-14T22:40:00Z,thanet,robbery,yes,"Harbour Parade,\nRamsgate",suspect,Sam,Sample,17\r\n'
            "46/31/25,2025-06-14T22:40:00Z,thanet,robbery,yes,Somewhere,victim,Jo,Example,\r\n"
            "46/31/25,2025-06-14T22:40:00Z,thanet,robbery,yes,Somewhere,suspect,Kit,Sample,40\r\n"
            "46/32/25,2025-06-14T22:40:00Z,thanet,robbery,yes,Somewhere,victim,Lee,Example,20\r\n"
            "46/32/25,2025-06-14T22:40:00Z,dover,robbery,yes,Somewhere,suspect,Mo,Sample,20\r\n"
        ).encode()
        response = await upload(client, issuer, body)
        assert response.status_code == 200
        result = response.json()
        assert (result["received"], result["created"], result["rejected"]) == (3, 1, 2)
        by_line = {row["line"]: row["reason"] for row in result["rejected_rows"]}
        # The quoted line break makes each of the first two rows span two lines.
        assert "give date_of_birth or age" in by_line[6]
        assert by_line[7] == "another row of this crime_reference was rejected (line 6)"
        assert by_line[8] == by_line[9] == "rows of this crime_reference disagree on district"
        people = "SELECT count(*) FROM incident_people p JOIN incidents i ON i.id = p.incident_id"
        assert await scalar(app, people + " WHERE i.crime_reference = '46/30/25'") == 2
        assert await scalar(app, "SELECT location FROM incidents WHERE crime_reference = '46/30/25'") == (
            "Harbour Parade,\nRamsgate"
        )

    async def test_lines_are_counted_across_chunks_blank_lines_and_quoted_line_breaks(
        self, client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI
    ) -> None:
        body, _ = csv_file(1_500)
        lines = body.decode().split("\n")
        # The report on line 402 gets a location with a line break (lines 402-403), a blank line follows
        # (404), and the report after it has an unknown district: it starts on line 405 of the file.
        lines[401] = lines[401].replace('"400 Example Road, Kent"', '"400 Example Road,\nKent"')
        lines[402] = lines[402].replace(f",{DISTRICTS[401 % 13]},", ",atlantis,", 1)
        lines.insert(402, "")

        async def in_small_chunks() -> AsyncIterator[bytes]:
            data = "\n".join(lines).encode()
            for start in range(0, len(data), 997):  # records split across chunks
                yield data[start : start + 997]

        response = await client.post(
            "/v1/imports/incidents.csv",
            content=in_small_chunks(),
            headers={**issuer.headers(**FEED), "Content-Type": "text/csv"},
        )
        assert response.status_code == 200, response.text
        result = response.json()
        assert (result["received"], result["created"], result["rejected"]) == (1_500, 1_499, 1)
        assert result["rejected_rows"] == [
            {"line": 405, "crime_reference": "46/000401/25", "reason": "unknown district 'atlantis'"}
        ]
        location = "SELECT location FROM incidents WHERE crime_reference = '46/000400/25'"
        assert await scalar(app, location) == "400 Example Road,\nKent"
        assert await scalar(app, "SELECT count(*) FROM incidents WHERE crime_reference LIKE '46/______/25'") == 1_499

    async def test_ten_thousand_rows_with_fifty_bad(
        self, client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI
    ) -> None:
        body, bad = csv_file(10_000, bad_every=200)
        assert len(bad) == 50
        started = time.perf_counter()
        response = await upload(client, issuer, body)
        elapsed = time.perf_counter() - started
        print(f"\n10,000-row CSV ({len(body) / 1e6:.1f} MB) imported in {elapsed:.2f} s")
        assert response.status_code == 200, response.text
        result = response.json()
        assert (result["received"], result["created"], result["rejected"]) == (10_000, 9_950, 50)
        assert {row["line"] for row in result["rejected_rows"]} == set(bad)
        for row in result["rejected_rows"]:
            assert bad[row["line"]] in row["reason"], row
        assert await scalar(app, "SELECT count(*) FROM incidents WHERE crime_reference LIKE '46/______/25'") == 9_950

        again = (await upload(client, issuer, body)).json()
        assert (again["created"], again["updated"], again["unchanged"], again["rejected"]) == (0, 0, 9_950, 50)

        lines = body.decode().split("\n")
        edited = lines[102].split(",")  # 46/000101/25: a young victim of a knife offence in Thanet, in scope
        assert (edited[0], edited[-1]) == ("46/000101/25", "gravesham")
        edited[-1] = "dover"  # where the victim lives
        lines[102] = ",".join(edited)
        third = (await upload(client, issuer, "\n".join(lines).encode())).json()
        assert (third["created"], third["updated"], third["unchanged"]) == (0, 1, 9_949)

        headers = issuer.headers(**ANALYST)
        (item,) = (
            await client.get("/v1/incidents", params={"crime_reference": "46/000101/25"}, headers=headers)
        ).json()["items"]
        assert item["version"] == 2
        review = (await client.get(f"/v1/reviews/{item['review_id']}", headers=headers)).json()
        assert review["districts"] == ["dover", "gravesham", "thanet"]
        assert review["version"] == 2
        assert [e["kind"] for e in review["events"]] == ["opened", "incident_updated"]

    async def test_a_report_the_database_refuses_keeps_nothing_of_the_request(
        self, client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI
    ) -> None:
        body, _ = csv_file(3_000)
        lines = body.decode().split("\n")
        lines[1_501] = lines[1_501].replace("Example Road", "Example\x00Road")  # PostgreSQL stores no NUL
        response = await upload(client, issuer, "\n".join(lines).encode())
        assert response.status_code != 200
        # Its chunk (the second) was being written while the third was read, after the first was written.
        assert await scalar(app, "SELECT count(*) FROM incidents WHERE crime_reference LIKE '46/______/25'") == 0
        again = await upload(client, issuer, body)
        assert again.json()["created"] == 3_000

    async def test_too_many_rows(self, client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI) -> None:
        body, _ = csv_file(10_001)
        response = await upload(client, issuer, body)
        assert response.status_code == 413
        # Nothing of the request was kept, although its first chunks had been written.
        assert await scalar(app, "SELECT count(*) FROM incidents WHERE crime_reference LIKE '46/______/25'") == 0

    async def test_body_over_the_limit(self, db_urls: dict[str, str], issuer: TestIssuer) -> None:
        settings = ReferralsSettings(
            database_url=db_urls["referrals"], token_issuer=TEST_ISSUER, import_max_body_bytes=1024 * 1024
        )
        body, _ = csv_file(8_000)
        assert len(body) > settings.import_max_body_bytes
        assert len(body) > settings.max_body_bytes  # the import route's own limit is what applies
        async with running_app(create_app(settings), issuer, db_urls["referrals"]) as client:
            response = await upload(client, issuer, body)
        assert response.status_code == 413


def test_report_hash_is_stable() -> None:
    """Incidents hold the hash of the report as last received: a change in how it is computed would make
    every re-sent report "updated" instead of "unchanged"."""
    validated = IncidentReport.model_validate(
        report(
            "46/1/25",
            occurred_at="2025-06-14T22:40:00+01:00",
            location='Hi "St"\\ \u00e9\u2028 \x01\tend',
            people=[
                person(
                    given_name="Zo\u00eb",
                    family_name="O'Neil \U0001f600",
                    home_district="medway",
                    police_person_id="KP-1",
                ),
                person(role="suspect", given_name="Sam", family_name="Sample", date_of_birth=None, age=19),
            ],
        )
    )
    assert report_hash(Report.of(validated)) == "8a796ee8af8850f39e1b22075963583bc95b5258cdbc7fafb7b25cd6c2674232"


class TestPlausibleDates:
    """Issue 13 ("Trust"): an incident in 1900 with a person born in 1800 was accepted. Each implausible date
    rejects its report, naming the field; the other reports are imported (ranges: ``referrals.plausible``)."""

    async def test_a_json_batch_rejects_implausible_dates_report_by_report(
        self, client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI
    ) -> None:
        reports = [
            report("46/40/25"),
            report("46/41/25", occurred_at="1900-06-14T22:40:00Z"),
            report("46/42/25", people=[person(date_of_birth="1800-01-10")]),
            report("46/43/25", occurred_at="2003-06-14T22:40:00Z", people=[person(date_of_birth="1880-01-10")]),
            report("46/44/25", people=[person(date_of_birth="2025-06-15")]),
            report("46/45/25", occurred_at="2099-06-14T22:40:00Z"),
            report("46/46/25", people=[person(date_of_birth=None, age=121)]),
        ]
        response = await client.post("/v1/imports/incidents", json={"reports": reports}, headers=issuer.headers(**FEED))
        assert response.status_code == 200
        result = response.json()
        assert (result["received"], result["created"], result["rejected"]) == (7, 1, 6), result
        reasons = {row["line"]: row["reason"] for row in result["rejected_rows"]}
        assert reasons[2].startswith("occurred_at: is before 2000-01-01"), reasons[2]
        assert reasons[3].startswith("people.0.date_of_birth: is before 1880-01-01"), reasons[3]
        assert reasons[4] == "people.0.date_of_birth: is more than 120 years before occurred_at"
        assert reasons[5] == "people.0.date_of_birth: is after occurred_at"
        assert reasons[6].startswith("occurred_at: is in the future"), reasons[6]
        assert reasons[7].startswith("people.0.age:"), reasons[7]
        assert await scalar(app, "SELECT count(*) FROM incidents WHERE crime_reference LIKE '46/4_/25'") == 1

    async def test_a_csv_upload_rejects_implausible_dates_row_by_row(
        self, client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI
    ) -> None:
        header = "crime_reference,occurred_at,district,category,role,given_name,family_name,date_of_birth"
        body = (
            f"{header}\r\n"
            "46/50/25,2025-06-14T22:40:00Z,thanet,robbery,victim,Alex,Example,2001-01-10\r\n"
            "46/51/25,1900-06-14T22:40:00Z,thanet,robbery,victim,Sam,Example,1890-01-10\r\n"
            "46/52/25,2025-06-14T22:40:00Z,thanet,robbery,victim,Jo,Example,1800-01-10\r\n"
        ).encode()
        response = await upload(client, issuer, body)
        assert response.status_code == 200
        result = response.json()
        assert (result["received"], result["created"], result["rejected"]) == (3, 1, 2), result
        reasons = {row["line"]: row["reason"] for row in result["rejected_rows"]}
        assert "occurred_at: is before 2000-01-01" in reasons[3], reasons[3]
        assert "date_of_birth: is before 1880-01-01" in reasons[4], reasons[4]
        assert await scalar(app, "SELECT count(*) FROM incidents WHERE crime_reference LIKE '46/5_/25'") == 1


class TestStrictTypes:
    """Issue 13 ("Trust", the lax class): a JSON report's values must be of their JSON type — ``"true"`` or ``1``
    is not a boolean, ``"15"`` or ``15.0`` not an age, a number not a time — each rejects its report, naming the
    field. A CSV cell is text by nature: ``yes``, ``true`` and ``15`` are parsed from it on purpose."""

    async def test_a_json_batch_rejects_values_of_another_type_report_by_report(
        self, client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI
    ) -> None:
        reports = [
            report("46/60/25"),
            report("46/61/25", weapon_knife="true"),
            report("46/62/25", weapon_firearm=0),
            report("46/63/25", people=[person(date_of_birth=None, age="15")]),
            report("46/64/25", people=[person(date_of_birth=None, age=15.0)]),
            report("46/65/25", occurred_at=1_750_000_000),
            report("46/66/25", people=[person(date_of_birth=0)]),
        ]
        response = await client.post("/v1/imports/incidents", json={"reports": reports}, headers=issuer.headers(**FEED))
        assert response.status_code == 200
        result = response.json()
        assert (result["received"], result["created"], result["rejected"]) == (7, 1, 6), result
        reasons = {row["line"]: row["reason"] for row in result["rejected_rows"]}
        for line, field in (
            (2, "weapon_knife"),
            (3, "weapon_firearm"),
            (4, "people.0.age"),
            (5, "people.0.age"),
            (6, "occurred_at"),
            (7, "people.0.date_of_birth"),
        ):
            assert reasons[line].startswith(f"{field}:"), (line, reasons[line])
        assert await scalar(app, "SELECT count(*) FROM incidents WHERE crime_reference LIKE '46/6_/25'") == 1

    async def test_a_csv_upload_parses_its_text_cells(
        self, client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI
    ) -> None:
        header = (
            "crime_reference,occurred_at,district,category,weapon_knife,weapon_firearm,role,given_name,family_name,age"
        )
        body = (
            f"{header}\r\n"
            "46/70/25,2025-06-14T22:40:00Z,thanet,robbery,yes,false,victim,Alex,Example,15\r\n"
            "46/71/25,2025-06-14T22:40:00Z,thanet,robbery,true,1,victim,Sam,Example,16\r\n"
        ).encode()
        response = await upload(client, issuer, body)
        assert response.status_code == 200
        result = response.json()
        assert (result["received"], result["created"], result["rejected"]) == (2, 2, 0), result
        knives = "SELECT count(*) FROM incidents WHERE crime_reference LIKE '46/7_/25' AND weapon_knife"
        assert await scalar(app, knives) == 2
        firearm = "SELECT weapon_firearm FROM incidents WHERE crime_reference = '46/71/25'"
        assert await scalar(app, firearm) is True
        ages = "SELECT p.age FROM incident_people p JOIN incidents i ON i.id = p.incident_id"
        assert await scalar(app, ages + " WHERE i.crime_reference = '46/70/25'") == 15
