"""Component types: what an emergency trauma pack is made of, and how long each item keeps."""

from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import create_async_engine

from etp_inventory.main import create_app
from etp_inventory.settings import EtpInventorySettings
from vru_dev.testing import TEST_ISSUER, TestIssuer, running_app

STAFF = {"roles": ["csp_officer"], "districts": ["medway"]}
SEEDED = {
    "bag": None,
    "foil-blanket": None,
    "haemostatic-dressing": 36,
    "instruction-card": None,
    "nitrile-gloves": 60,
    "tourniquet": 60,
    "trauma-bandage": 60,
    "trauma-shears": None,
}


@pytest.fixture
async def client(db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[httpx.AsyncClient]:
    settings = EtpInventorySettings(database_url=db_urls["etp_inventory"], token_issuer=TEST_ISSUER)
    async with running_app(create_app(settings), issuer, db_urls["etp_inventory"]) as client:
        yield client


def next_url(response: httpx.Response) -> str | None:
    link = response.headers.get("link")
    return link.split(";")[0].strip("<>") if link else None


class TestListComponentTypes:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/v1/component-types")
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["www-authenticate"].startswith("Bearer")

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/component-types", headers=issuer.headers(roles=["partner_agency"]))
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")
        assert response.headers["content-type"] == "application/problem+json"

    @pytest.mark.parametrize(
        "role",
        ["guardian", "programme_officer", "director", "analyst", "coordinator", "auditor", "admin", "service"],
    )
    async def test_others_may_read(self, client: httpx.AsyncClient, issuer: TestIssuer, role: str) -> None:
        response = await client.get("/v1/component-types", headers=issuer.headers(roles=[role]))
        assert response.status_code == 200

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/component-types", headers=issuer.headers(**STAFF))
        assert response.status_code == 200
        items = response.json()["items"]
        assert {c["code"]: c["shelf_life_months"] for c in items} == SEEDED
        assert [c["code"] for c in items] == sorted(SEEDED)
        by_code = {c["code"]: c for c in items}
        assert by_code["trauma-bandage"]["name"] == "Trauma bandage"
        assert "Israeli" in by_code["trauma-bandage"]["description"]
        assert response.json()["next_cursor"] is None
        assert "link" not in response.headers

    async def test_pages_follow_link(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        headers = issuer.headers(**STAFF)
        seen: list[str] = []
        url: str | None = "/v1/component-types?limit=3"
        pages = 0
        while url:
            response = await client.get(url, headers=headers)
            assert response.status_code == 200
            seen += [c["code"] for c in response.json()["items"]]
            url = next_url(response)
            pages += 1
        assert pages == 3
        assert seen == sorted(SEEDED)

    async def test_limit_capped(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/component-types?limit=201", headers=issuer.headers(**STAFF))
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "limit"

    async def test_bad_cursor(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/component-types?cursor=not-a-cursor", headers=issuer.headers(**STAFF))
        assert response.status_code == 400
        assert response.headers["content-type"] == "application/problem+json"


class TestGetComponentType:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/component-types/tourniquet")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/component-types/tourniquet", headers=issuer.headers(roles=["partner_agency"]))
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/component-types/defibrillator", headers=issuer.headers(**STAFF))
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["type"].endswith("/component-type-not-found")

    async def test_malformed_code(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/component-types/Tourniquet", headers=issuer.headers(**STAFF))
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "code"

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/component-types/haemostatic-dressing", headers=issuer.headers(**STAFF))
        assert response.status_code == 200
        body = response.json()
        assert body["name"] == "Haemostatic dressing"
        assert body["shelf_life_months"] == 36
        assert body["id"] == "78890770-a1d6-50ae-ac43-8a59809d1df8"  # stable in every environment

    async def test_does_not_expire(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/component-types/trauma-shears", headers=issuer.headers(roles=["guardian"]))
        assert response.status_code == 200
        assert response.json()["shelf_life_months"] is None


class TestComponentTypeIntegrity:
    @pytest.mark.parametrize(("code", "months"), [("eye-wash", 0), ("eye-wash", -6), ("Eye Wash", 12)])
    async def test_refused(self, db_urls: dict[str, str], code: str, months: int) -> None:
        engine = create_async_engine(db_urls["etp_inventory"])
        try:
            async with engine.connect() as connection:
                with pytest.raises(IntegrityError, match="ck_component_types_"):
                    await connection.execute(
                        text(
                            "INSERT INTO component_types (id, code, name, shelf_life_months, description) "
                            "VALUES (gen_random_uuid(), :code, 'Eye wash', :months, 'Sterile saline pod.')"
                        ),
                        {"code": code, "months": months},
                    )
                await connection.rollback()
        finally:
            await engine.dispose()


class TestOpenAPI:
    async def test_operations_documented(self, client: httpx.AsyncClient) -> None:
        document = (await client.get("/openapi/etp_inventory.json")).json()
        assert document["info"]["title"] == "VRU ETP Inventory API"
        operations = [
            document["paths"][path]["get"] for path in document["paths"] if path.startswith("/v1/component-types")
        ]
        assert len(operations) == 2
        for operation in operations:
            assert operation["summary"]
            assert operation["description"]
            assert {"401", "403", "422"} <= operation["responses"].keys()
            assert "application/problem+json" in operation["responses"]["403"]["content"]
            assert operation["security"] == [{"HTTPBearer": []}]
        assert "404" in document["paths"]["/v1/component-types/{code}"]["get"]["responses"]
        examples = document["components"]["schemas"]["ComponentTypeRead"]["examples"]
        assert {e["code"] for e in examples} == {"haemostatic-dressing", "foil-blanket"}
