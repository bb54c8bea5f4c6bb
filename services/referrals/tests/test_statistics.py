"""Incident counts by district, month and category, for the funding service and the unit's reports."""

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from referrals.main import create_app
from referrals.settings import ReferralsSettings
from vru_dev.testing import TEST_ISSUER, TestIssuer, read_csv, read_xlsx, running_app

FEED = {"kind": "client", "scopes": ["incidents:ingest"], "client_id": "police-feed"}
SERVICE = {"kind": "client", "roles": ["service"], "client_id": "funding"}
PERIOD = {"from": "2025-03-01", "to": "2025-05-31"}


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


def report(n: int, occurred_at: str, district: str, category: str, knife: bool = False) -> dict[str, Any]:
    return {
        "crime_reference": f"46/4{n:02d}/25",
        "occurred_at": occurred_at,
        "district": district,
        "category": category,
        "weapon_knife": knife,
        "people": [{"role": "victim", "given_name": "Casey", "family_name": "Testperson", "age": 30}],
    }


@pytest.fixture
async def incidents(client: httpx.AsyncClient, issuer: TestIssuer) -> None:
    reports = [
        report(1, "2025-03-10T12:00:00Z", "medway", "knife-sharp-instrument"),
        report(2, "2025-03-11T12:00:00Z", "medway", "robbery", knife=True),
        report(3, "2025-03-12T12:00:00Z", "medway", "robbery"),
        report(4, "2025-04-30T23:30:00Z", "swale", "violence-with-injury", knife=True),  # 1 May in the UK
        report(5, "2025-05-31T22:59:00Z", "swale", "public-order"),  # 31 May 23:59 BST: in
        report(6, "2025-05-31T23:00:00Z", "swale", "public-order"),  # 1 June in the UK: out
        report(7, "2025-02-28T23:59:00Z", "thanet", "robbery"),  # before: out
    ]
    response = await client.post("/v1/imports/incidents", json={"reports": reports}, headers=issuer.headers(**FEED))
    assert response.json()["created"] == 7


class TestIncidentStatistics:
    @pytest.mark.usefixtures("incidents")
    async def test_a_coordinator_counts_their_own_districts_only(
        self, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        """Issue 14: coordinators got 403 even for their own area; now their own districts' figures, never
        another district's."""
        params = {**PERIOD, "group_by": "district"}
        own = await client.get(
            "/v1/statistics/incidents",
            params=params,
            headers=issuer.headers(roles=["coordinator"], districts=["medway"]),
        )
        assert own.status_code == 200, own.text
        body = own.json()
        assert body["districts"] == ["medway"]
        assert [(g["district"], g["count"]) for g in body["groups"]] == [("medway", 3)]
        assert body["total"] == 3
        nothing = await client.get(
            "/v1/statistics/incidents", params=params, headers=issuer.headers(roles=["coordinator"], districts=[])
        )
        assert (nothing.status_code, nothing.json()["total"], nothing.json()["groups"]) == (200, 0, [])
        everyone = await client.get(
            "/v1/statistics/incidents", params=params, headers=issuer.headers(roles=["analyst"])
        )
        assert everyone.json()["districts"] is None
        assert {g["district"] for g in everyone.json()["groups"]} == {"medway", "swale"}

    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/statistics/incidents", params=PERIOD)).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        for token in ({"roles": ["partner_agency"]}, {"roles": ["guardian"]}, FEED):
            response = await client.get("/v1/statistics/incidents", params=PERIOD, headers=issuer.headers(**token))
            assert response.status_code == 403, token
            assert response.json()["type"].endswith("/forbidden"), token

    @pytest.mark.usefixtures("incidents")
    async def test_valid_by_district_and_month(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get(
            "/v1/statistics/incidents",
            params={**PERIOD, "group_by": "district,month"},
            headers=issuer.headers(**SERVICE),
        )
        assert response.status_code == 200
        body = response.json()
        assert (body["from"], body["to"], body["group_by"], body["knife"], body["total"]) == (
            "2025-03-01",
            "2025-05-31",
            ["district", "month"],
            None,
            5,
        )
        assert [(g["district"], g["month"], g["category"], g["count"]) for g in body["groups"]] == [
            ("medway", "2025-03", None, 3),
            ("swale", "2025-05", None, 2),
        ]

    @pytest.mark.usefixtures("incidents")
    async def test_valid_knife_by_category(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        for role in ("programme_officer", "director", "analyst"):
            response = await client.get(
                "/v1/statistics/incidents",
                params={**PERIOD, "group_by": "category", "knife": "true"},
                headers=issuer.headers(roles=[role]),
            )
            assert response.status_code == 200, role
        groups = {g["category"]: g["count"] for g in response.json()["groups"]}
        assert groups == {"knife-sharp-instrument": 1, "robbery": 1, "violence-with-injury": 1}
        total = await client.get(
            "/v1/statistics/incidents", params={**PERIOD, "knife": "false"}, headers=issuer.headers(**SERVICE)
        )
        assert total.json()["total"] == 2
        assert total.json()["groups"] == [{"district": None, "month": None, "category": None, "count": 2}]

    @pytest.mark.usefixtures("incidents")
    async def test_the_export_has_the_same_groups_in_documented_columns(
        self, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        """Issue 14 item 8: the figures as CSV or xlsx, same parameters, same districts (a coordinator's own)."""
        params = {**PERIOD, "group_by": "district,month"}
        response = await client.get(
            "/v1/statistics/incidents/export", params=params, headers=issuer.headers(roles=["analyst"])
        )
        assert response.status_code == 200, response.text
        assert response.headers["content-disposition"] == 'attachment; filename="incident-statistics.csv"'
        assert read_csv(response.content) == [
            ["district", "month", "category", "count"],
            ["medway", "2025-03", "", "3"],
            ["swale", "2025-05", "", "2"],
        ]
        coordinator = issuer.headers(roles=["coordinator"], districts=["medway"])
        response = await client.get(
            "/v1/statistics/incidents/export", params={**params, "format": "xlsx"}, headers=coordinator
        )
        sheet = read_xlsx(response.content)
        assert [[(c.kind, c.text) if c else None for c in row] for row in sheet[1:]] == [
            [("inlineStr", "medway"), ("inlineStr", "2025-03"), None, ("n", "3")]
        ]
        unknown = await client.get(
            "/v1/statistics/incidents/export", params={**params, "format": "ods"}, headers=coordinator
        )
        assert unknown.status_code == 422
        assert unknown.json()["type"].endswith("/validation-error")
        partner = await client.get(
            "/v1/statistics/incidents/export", params=params, headers=issuer.headers(roles=["partner_agency"])
        )
        assert partner.status_code == 403

    async def test_bad_parameters(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        headers = issuer.headers(**SERVICE)
        for params in (
            {**PERIOD, "group_by": "district,weather"},
            {"from": "2025-06-01", "to": "2025-05-01"},
            {"from": "2025-06-01"},
        ):
            response = await client.get("/v1/statistics/incidents", params=params, headers=headers)
            assert response.status_code == 422, params
