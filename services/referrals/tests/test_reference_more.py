"""Offence categories, forums and partner agencies (reference data)."""

from collections.abc import AsyncIterator

import httpx
import pytest

from referrals.main import create_app
from referrals.settings import ReferralsSettings
from vru_dev.testing import TEST_ISSUER, TestIssuer, running_app

STAFF = {"roles": ["coordinator"]}


@pytest.fixture
async def client(db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[httpx.AsyncClient]:
    settings = ReferralsSettings(
        database_url=db_urls["referrals"], token_issuer=TEST_ISSUER, audit_seal_interval_seconds=3600
    )
    async with running_app(create_app(settings), issuer, db_urls["referrals"]) as client:
        yield client


@pytest.mark.parametrize("path", ["/v1/offence-categories", "/v1/forums", "/v1/partner-agencies"])
async def test_anonymous_and_forbidden(client: httpx.AsyncClient, issuer: TestIssuer, path: str) -> None:
    assert (await client.get(path)).status_code == 401
    refused = await client.get(path, headers=issuer.headers(roles=["guardian"]))
    assert refused.status_code == 403
    assert refused.json()["type"].endswith("/forbidden")


class TestOffenceCategories:
    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/offence-categories", headers=issuer.headers(**STAFF))
        categories = {c["code"]: c for c in response.json()["items"]}
        assert categories["knife-sharp-instrument"]["serious_violence"] is True
        assert categories["knife-sharp-instrument"]["knife"] is True
        assert categories["public-order"]["serious_violence"] is False
        assert sum(c["knife"] for c in categories.values()) == 1

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/offence-categories/jaywalking", headers=issuer.headers(**STAFF))
        assert response.status_code == 404
        assert response.json()["type"].endswith("/offence-category-not-found")


class TestForums:
    async def test_one_dcsm_per_district(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/forums", params={"kind": "dcsm", "limit": 50}, headers=issuer.headers(**STAFF))
        forums = response.json()["items"]
        assert len(forums) == 13
        swale = next(f for f in forums if f["district_code"] == "swale")
        assert swale["area_code"] == "medway-swale"

    async def test_filter_by_district(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/forums", params={"district": "thanet"}, headers=issuer.headers(**STAFF))
        assert [f["code"] for f in response.json()["items"]] == ["dcsm-thanet"]

    async def test_carm_and_area_meetings(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        carm = await client.get("/v1/forums/carm", headers=issuer.headers(**STAFF))
        assert carm.json()["kind"] == "carm"
        meeting = await client.get("/v1/forums/mam-medway-swale", headers=issuer.headers(**STAFF))
        assert meeting.json()["area_code"] == "medway-swale"

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        missing = await client.get("/v1/forums/dcsm-atlantis", headers=issuer.headers(**STAFF))
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("/forum-not-found")

    async def test_bad_kind_is_422(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/forums", params={"kind": "tea-party"}, headers=issuer.headers(**STAFF))
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "kind"


class TestPartnerAgencies:
    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/partner-agencies", headers=issuer.headers(**STAFF))
        codes = {p["code"] for p in response.json()["items"]}
        assert {"childrens-social-work-services", "youth-justice-service", "national-referral-mechanism"} <= codes

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/partner-agencies/nobody", headers=issuer.headers(**STAFF))
        assert response.status_code == 404
        assert response.json()["type"].endswith("/partner-agency-not-found")
