"""Reference data: districts and coordinator areas, and the shared mechanisms seen through them."""

from collections.abc import AsyncIterator

import httpx
import pytest

from referrals.main import create_app
from referrals.settings import ReferralsSettings
from vru_dev.testing import TEST_ISSUER, TestIssuer, running_app

STAFF = {"roles": ["analyst"]}


@pytest.fixture
async def client(db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[httpx.AsyncClient]:
    settings = ReferralsSettings(database_url=db_urls["referrals"], token_issuer=TEST_ISSUER)
    async with running_app(create_app(settings), issuer, db_urls["referrals"]) as client:
        yield client


class TestListDistricts:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/v1/districts")
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["www-authenticate"].startswith("Bearer")

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/districts", headers=issuer.headers(roles=["guardian"]))
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")
        assert response.json()["status"] == 403

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/districts", headers=issuer.headers(**STAFF), params={"limit": 200})
        assert response.status_code == 200
        items = response.json()["items"]
        assert len(items) == 13
        by_code = {d["code"]: d for d in items}
        assert by_code["swale"]["area_code"] == "medway-swale"
        assert by_code["tonbridge-malling"]["name"] == "Tonbridge & Malling"
        assert response.json()["next_cursor"] is None
        assert "link" not in response.headers

    async def test_pages_follow_link(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        headers = issuer.headers(**STAFF)
        seen: list[str] = []
        url: str | None = "/v1/districts?limit=5"
        pages = 0
        while url:
            response = await client.get(url, headers=headers)
            assert response.status_code == 200
            seen += [d["code"] for d in response.json()["items"]]
            link = response.headers.get("link")
            url = link.split(";")[0].strip("<>") if link else None
            pages += 1
        assert pages == 3
        assert seen == sorted(seen)
        assert len(set(seen)) == 13

    async def test_limit_capped(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/districts?limit=201", headers=issuer.headers(**STAFF))
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "limit"

    async def test_bad_cursor(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/districts?cursor=not-a-cursor", headers=issuer.headers(**STAFF))
        assert response.status_code == 400
        assert response.headers["content-type"] == "application/problem+json"


class TestGetDistrict:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/districts/medway")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/districts/medway", headers=issuer.headers(roles=["csp_officer"]))
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/districts/atlantis", headers=issuer.headers(**STAFF))
        assert response.status_code == 404
        assert response.json()["type"].endswith("/district-not-found")

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/districts/medway", headers=issuer.headers(**STAFF))
        assert response.status_code == 200
        assert response.json()["name"] == "Medway"


class TestCoordinatorAreas:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/coordinator-areas")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        refused = await client.get("/v1/coordinator-areas", headers=issuer.headers(roles=["guardian"]))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/coordinator-areas/north-pole", headers=issuer.headers(**STAFF))
        assert response.status_code == 404
        assert response.json()["type"].endswith("/coordinator-area-not-found")

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/coordinator-areas", headers=issuer.headers(roles=["coordinator"]))
        areas = {a["code"]: a["district_codes"] for a in response.json()["items"]}
        assert len(areas) == 5
        assert areas["thanet-canterbury"] == ["canterbury", "thanet"]
        assert sum(len(d) for d in areas.values()) == 13
