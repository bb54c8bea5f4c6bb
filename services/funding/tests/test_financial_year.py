"""Financial years: the April–March years that budgets, grants and reports refer to."""

from collections.abc import AsyncIterator
from datetime import date

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import create_async_engine

from funding.main import create_app
from funding.settings import FundingSettings
from vru_dev.testing import TEST_ISSUER, TestIssuer, running_app

STAFF = {"roles": ["programme_officer"]}
SEEDED = [f"{y}-{(y + 1) % 100:02d}" for y in range(2019, 2028)]


@pytest.fixture
async def client(db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[httpx.AsyncClient]:
    settings = FundingSettings(database_url=db_urls["funding"], token_issuer=TEST_ISSUER)
    async with running_app(create_app(settings), issuer, db_urls["funding"]) as client:
        yield client


def next_url(response: httpx.Response) -> str | None:
    link = response.headers.get("link")
    return link.split(";")[0].strip("<>") if link else None


class TestListFinancialYears:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/v1/financial-years")
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["www-authenticate"].startswith("Bearer")

    @pytest.mark.parametrize("role", ["guardian", "csp_officer", "partner_agency"])
    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer, role: str) -> None:
        response = await client.get("/v1/financial-years", headers=issuer.headers(roles=[role]))
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")
        assert response.headers["content-type"] == "application/problem+json"

    @pytest.mark.parametrize("role", ["director", "analyst", "coordinator", "auditor", "admin", "service"])
    async def test_other_staff_may_read(self, client: httpx.AsyncClient, issuer: TestIssuer, role: str) -> None:
        response = await client.get("/v1/financial-years", headers=issuer.headers(roles=[role]))
        assert response.status_code == 200

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/financial-years", headers=issuer.headers(**STAFF))
        assert response.status_code == 200
        body = response.json()
        assert [y["code"] for y in body["items"]] == SEEDED
        first = body["items"][0]
        assert first == first | {"label": "2019/20", "starts_on": "2019-04-01", "ends_on": "2020-03-31"}
        for year in body["items"]:
            starts, ends = date.fromisoformat(year["starts_on"]), date.fromisoformat(year["ends_on"])
            assert (starts.month, starts.day) == (4, 1)
            assert ends == date(starts.year + 1, 3, 31)
        assert body["next_cursor"] is None
        assert "link" not in response.headers

    async def test_pages_follow_link(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        headers = issuer.headers(**STAFF)
        seen: list[str] = []
        url: str | None = "/v1/financial-years?limit=4"
        pages = 0
        while url:
            response = await client.get(url, headers=headers)
            assert response.status_code == 200
            seen += [y["code"] for y in response.json()["items"]]
            url = next_url(response)
            pages += 1
        assert pages == 3
        assert seen == SEEDED

    async def test_limit_capped(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/financial-years?limit=201", headers=issuer.headers(**STAFF))
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "limit"

    async def test_bad_cursor(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/financial-years?cursor=not-a-cursor", headers=issuer.headers(**STAFF))
        assert response.status_code == 400
        assert response.headers["content-type"] == "application/problem+json"

    @pytest.mark.parametrize(
        ("on", "code"),
        [("2020-06-01", "2020-21"), ("2020-03-31", "2019-20"), ("2020-04-01", "2020-21"), ("2028-03-31", "2027-28")],
    )
    async def test_on_date(self, client: httpx.AsyncClient, issuer: TestIssuer, on: str, code: str) -> None:
        response = await client.get("/v1/financial-years", params={"on": on}, headers=issuer.headers(**STAFF))
        assert response.status_code == 200
        assert [y["code"] for y in response.json()["items"]] == [code]

    async def test_on_date_outside_held_years(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/financial-years?on=2015-06-01", headers=issuer.headers(**STAFF))
        assert response.status_code == 200
        assert response.json()["items"] == []

    async def test_on_not_a_date(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/financial-years?on=2020-13-01", headers=issuer.headers(**STAFF))
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "on"


class TestGetFinancialYear:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/financial-years/2020-21")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/financial-years/2020-21", headers=issuer.headers(roles=["partner_agency"]))
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/financial-years/2031-32", headers=issuer.headers(**STAFF))
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["type"].endswith("/financial-year-not-found")
        assert "2031-32" in response.json()["detail"]

    async def test_malformed_code(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/financial-years/2020", headers=issuer.headers(**STAFF))
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "code"

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get("/v1/financial-years/2020-21", headers=issuer.headers(**STAFF))
        assert response.status_code == 200
        body = response.json()
        assert body["label"] == "2020/21"
        assert (body["starts_on"], body["ends_on"]) == ("2020-04-01", "2021-03-31")
        assert body["id"] == "b03b47ae-d5ec-528e-9cf2-094b97e79785"  # stable in every environment


class TestFinancialYearIntegrity:
    """The database itself refuses a year that is not 1 April – 31 March or whose code disagrees with it."""

    @pytest.mark.parametrize(
        ("code", "label", "starts_on", "ends_on"),
        [
            ("2030-31", "2030/31", date(2030, 1, 1), date(2030, 12, 31)),  # calendar year
            ("2030-31", "2030/31", date(2030, 4, 1), date(2031, 4, 1)),  # one day too long
            ("2030-31", "2030/31", date(2030, 4, 1), date(2032, 3, 31)),  # two years
            ("2031-32", "2031/32", date(2030, 4, 1), date(2031, 3, 31)),  # code names another year
            ("2030-31", "2030-31", date(2030, 4, 1), date(2031, 3, 31)),  # label not written 2030/31
        ],
    )
    async def test_refused(
        self, db_urls: dict[str, str], code: str, label: str, starts_on: date, ends_on: date
    ) -> None:
        engine = create_async_engine(db_urls["funding"])
        try:
            async with engine.connect() as connection:
                with pytest.raises(IntegrityError, match="ck_financial_years_"):
                    await connection.execute(
                        text(
                            "INSERT INTO financial_years (id, code, label, starts_on, ends_on) "
                            "VALUES (gen_random_uuid(), :code, :label, :starts_on, :ends_on)"
                        ),
                        {"code": code, "label": label, "starts_on": starts_on, "ends_on": ends_on},
                    )
                await connection.rollback()
        finally:
            await engine.dispose()

    async def test_a_well_formed_year_is_accepted(self, db_urls: dict[str, str]) -> None:
        engine = create_async_engine(db_urls["funding"])
        try:
            async with engine.connect() as connection:
                await connection.execute(
                    text(
                        "INSERT INTO financial_years (id, code, label, starts_on, ends_on) "
                        "VALUES (gen_random_uuid(), '2099-00', '2099/00', '2099-04-01', '2100-03-31')"
                    )
                )
                await connection.rollback()
        finally:
            await engine.dispose()


class TestOpenAPI:
    async def test_operations_documented(self, client: httpx.AsyncClient) -> None:
        document = (await client.get("/openapi/funding.json")).json()
        assert document["info"]["title"] == "VRU Funding API"
        operations = [document["paths"][path]["get"] for path in document["paths"] if path.startswith("/v1/financial")]
        assert len(operations) == 2
        for operation in operations:
            assert operation["summary"]
            assert operation["description"]
            assert {"401", "403", "422"} <= operation["responses"].keys()
            assert "application/problem+json" in operation["responses"]["403"]["content"]
            assert operation["security"] == [{"HTTPBearer": []}]
        assert "404" in document["paths"]["/v1/financial-years/{code}"]["get"]["responses"]
        assert document["components"]["schemas"]["FinancialYearRead"]["examples"][0]["code"] == "2020-21"
