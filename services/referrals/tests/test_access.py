"""Who sees what: the police feed only submits, partner agencies see no casework, coordinators see their
districts; and every read of personal data is in the audit log."""

import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

from referrals.main import create_app
from referrals.settings import ReferralsSettings
from vru_dev.testing import TEST_ISSUER, TestIssuer, running_app

ANALYST = {"roles": ["analyst"], "sub": "analyst-1"}
MEDWAY_SWALE = {"roles": ["coordinator"], "districts": ["medway", "swale"], "sub": "coordinator-ms"}
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


def report(reference: str, district: str) -> dict[str, Any]:
    return {
        "crime_reference": reference,
        "occurred_at": "2025-06-14T22:40:00Z",
        "district": district,
        "category": "robbery",
        "weapon_knife": True,
        "people": [{"role": "victim", "given_name": "Robin", "family_name": district.title(), "age": 24}],
    }


@pytest.fixture
async def records(client: httpx.AsyncClient, issuer: TestIssuer) -> dict[str, dict[str, Any]]:
    """An incident, its review and its young person in Swale, and the same in Thanet."""
    response = await client.post(
        "/v1/imports/incidents",
        json={"reports": [report("46/500/25", "swale"), report("46/501/25", "thanet")]},
        headers=issuer.headers(**FEED),
    )
    assert response.json()["created"] == 2
    out = {}
    for reference, district in (("46/500/25", "swale"), ("46/501/25", "thanet")):
        headers = issuer.headers(**ANALYST)
        (item,) = (await client.get("/v1/incidents", params={"crime_reference": reference}, headers=headers)).json()[
            "items"
        ]
        found = (await client.get(f"/v1/incidents/{item['id']}", headers=headers)).json()
        out[district] = {
            "incident": found["id"],
            "review": found["review_id"],
            "subject": found["people"][0]["subject_id"],
        }
    return out


def reads(ids: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        ("GET", "/v1/incidents"),
        ("GET", f"/v1/incidents/{ids['incident']}"),
        ("GET", "/v1/reviews"),
        ("GET", f"/v1/reviews/{ids['review']}"),
        ("GET", "/v1/subjects"),
        ("GET", f"/v1/subjects/{ids['subject']}"),
        ("GET", "/v1/statistics/incidents?from=2025-01-01&to=2025-12-31"),
    ]


async def audit_entries(app: FastAPI, actor: str) -> list[tuple[str, str, list[str], str]]:
    async with app.state.sessionmaker() as session:
        rows = await session.execute(
            text(
                "SELECT action, record_type, record_ids, purpose FROM referrals_audit.audit_log "
                "WHERE actor_subject = :a ORDER BY id"
            ),
            {"a": actor},
        )
        return [(r[0], r[1], list(r[2]), r[3]) for r in rows.all()]


class TestIngestOnlyClient:
    async def test_reads_are_forbidden(
        self, client: httpx.AsyncClient, issuer: TestIssuer, records: dict[str, dict[str, Any]]
    ) -> None:
        for method, path in reads(records["swale"]):
            response = await client.request(method, path, headers=issuer.headers(**FEED))
            assert response.status_code == 403, path
            assert response.json()["type"].endswith("/forbidden"), path
        writes = [
            (f"/v1/reviews/{records['swale']['review']}/transitions", {"to": "in_review"}),
            (f"/v1/incidents/{records['swale']['incident']}/screening", {"decision": "out", "reason": "Not ours."}),
        ]
        for path, body in writes:
            refused = await client.post(path, json=body, headers=issuer.headers(**FEED))
            assert refused.status_code == 403, path
            assert refused.json()["type"].endswith("/forbidden"), path

    async def test_a_client_without_the_scope_cannot_submit(
        self, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        response = await client.post(
            "/v1/imports/incidents",
            json={"reports": [report("46/502/25", "swale")]},
            headers=issuer.headers(kind="client", scopes=["kits:read"]),
        )
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")


class TestPartnerAgency:
    async def test_sees_nothing_here(
        self, client: httpx.AsyncClient, issuer: TestIssuer, records: dict[str, dict[str, Any]]
    ) -> None:
        headers = issuer.headers(roles=["partner_agency"], agency=uuid.uuid4())
        for method, path in reads(records["swale"]):
            refused = await client.request(method, path, headers=headers)
            assert refused.status_code == 403, path
            assert refused.json()["type"].endswith("/forbidden"), path


class TestCoordinatorScope:
    async def test_own_districts_only(
        self, client: httpx.AsyncClient, issuer: TestIssuer, records: dict[str, dict[str, Any]]
    ) -> None:
        headers = issuer.headers(**MEDWAY_SWALE)
        listed = (await client.get("/v1/incidents", headers=headers)).json()["items"]
        assert [i["crime_reference"] for i in listed] == ["46/500/25"]
        for kind, path in (("incident", "/v1/incidents/"), ("review", "/v1/reviews/"), ("subject", "/v1/subjects/")):
            assert (await client.get(path + records["swale"][kind], headers=headers)).status_code == 200
            missing = await client.get(path + records["thanet"][kind], headers=headers)
            assert missing.status_code == 404
            assert missing.json()["type"].endswith(f"/{kind}-not-found")


class TestAuditOfReads:
    async def test_each_read_is_logged(
        self, client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI, records: dict[str, dict[str, Any]]
    ) -> None:
        swale, thanet = records["swale"], records["thanet"]
        headers = issuer.headers(**MEDWAY_SWALE)
        assert (await client.get("/v1/reviews", headers=headers)).status_code == 200
        assert (await client.get(f"/v1/reviews/{swale['review']}", headers=headers)).status_code == 200
        missing = await client.get(f"/v1/reviews/{thanet['review']}", headers=headers)
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("/review-not-found")
        assert (await client.get(f"/v1/subjects/{swale['subject']}", headers=headers)).status_code == 200
        assert (await client.get("/v1/incidents", headers=headers)).status_code == 200
        assert await audit_entries(app, "coordinator-ms") == [
            ("read", "review", [swale["review"]], "review queue"),
            ("read", "review", [swale["review"]], "review"),
            ("read", "subject", [swale["subject"]], "young person's page"),
            ("read", "incident", [swale["incident"]], "incident list"),
        ]

    async def test_intake_and_changes_are_logged(
        self, client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI, records: dict[str, dict[str, Any]]
    ) -> None:
        entries = await audit_entries(app, "police-feed-client")
        assert [(e[0], e[1], sorted(e[2]), e[3]) for e in entries] == [
            (
                "create",
                "incident",
                sorted([records["swale"]["incident"], records["thanet"]["incident"]]),
                "incident intake",
            ),
            (
                "create",
                "subject",
                sorted([records["swale"]["subject"], records["thanet"]["subject"]]),
                "incident intake",
            ),
            ("create", "review", sorted([records["swale"]["review"], records["thanet"]["review"]]), "incident intake"),
        ]
        await client.post(
            f"/v1/reviews/{records['swale']['review']}/transitions",
            json={"to": "in_review"},
            headers=issuer.headers(**MEDWAY_SWALE),
        )
        assert ("update", "review", [records["swale"]["review"]], "review in review") in await audit_entries(
            app, "coordinator-ms"
        )
