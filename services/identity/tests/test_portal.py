"""The API docs portal: one merged OpenAPI document for the whole platform, and Swagger UI."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import FastAPI

from identity.portal.merge import merge_openapi

PROBLEM = {"type": "object", "properties": {"status": {"type": "integer"}}}
BEARER = {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}


def spec(title: str, paths: dict[str, Any], schemas: dict[str, Any], tags: list[str] | None = None) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": "1.0.0", "description": f"{title} description"},
        "paths": paths,
        "components": {"schemas": schemas, "securitySchemes": {"HTTPBearer": BEARER}},
        "tags": [{"name": t} for t in tags or []],
    }


def get(ref: str) -> dict[str, Any]:
    return {
        "get": {
            "summary": "x",
            "security": [{"HTTPBearer": []}],
            "responses": {"200": {"content": {"application/json": {"schema": {"$ref": ref}}}}},
        }
    }


REFERRALS = spec(
    "VRU Referrals API",
    {"/v1/districts": get("#/components/schemas/Page"), "/v1/referrals": get("#/components/schemas/Referral")},
    {
        "Page": {"type": "object", "properties": {"items": {"items": {"$ref": "#/components/schemas/District"}}}},
        "District": {"type": "object", "properties": {"code": {"type": "string"}}},
        "Referral": {"type": "object", "properties": {"district": {"$ref": "#/components/schemas/District"}}},
        "Problem": PROBLEM,
    },
    ["reference data"],
)


class TestMergeOpenapi:
    def test_paths_and_shared_components(self) -> None:
        identity = spec(
            "VRU Identity API",
            {"/v1/agencies": get("#/components/schemas/Agency")},
            {
                "Agency": {"type": "object"},
                "Problem": PROBLEM,
            },
            ["agencies"],
        )
        merged = merge_openapi({"identity": identity, "referrals": REFERRALS})
        assert set(merged["paths"]) == {"/v1/agencies", "/v1/districts", "/v1/referrals"}
        assert merged["paths"]["/v1/districts"]["get"]["x-service"] == "referrals"
        assert merged["components"]["securitySchemes"] == {"HTTPBearer": BEARER}
        assert merged["components"]["schemas"]["Problem"] == PROBLEM
        assert not any(name.endswith("Problem") and name != "Problem" for name in merged["components"]["schemas"])
        assert [t["name"] for t in merged["tags"]] == ["agencies", "reference data"]
        assert merged["info"]["x-services"] == ["identity", "referrals"]

    def test_clashing_schemas_are_renamed_not_overwritten(self) -> None:
        funding = spec(
            "VRU Funding API",
            {"/v1/grants": get("#/components/schemas/Page")},
            {
                "Page": {"type": "object", "properties": {"items": {"items": {"$ref": "#/components/schemas/Grant"}}}},
                "Grant": {"type": "object", "properties": {"district": {"$ref": "#/components/schemas/District"}}},
                # Same name, different content: must not replace the referrals one.
                "District": {"type": "object", "properties": {"csp_geocode": {"type": "string"}}},
            },
        )
        merged = merge_openapi({"referrals": REFERRALS, "funding": funding})
        schemas = merged["components"]["schemas"]
        assert schemas["District"] == REFERRALS["components"]["schemas"]["District"]
        assert schemas["FundingDistrict"]["properties"] == {"csp_geocode": {"type": "string"}}
        assert schemas["Grant"]["properties"]["district"]["$ref"] == "#/components/schemas/FundingDistrict"
        assert schemas["Page"] == REFERRALS["components"]["schemas"]["Page"]
        assert schemas["FundingPage"]["properties"]["items"]["items"]["$ref"] == "#/components/schemas/Grant"
        grants = merged["paths"]["/v1/grants"]["get"]["responses"]["200"]["content"]["application/json"]
        assert grants["schema"]["$ref"] == "#/components/schemas/FundingPage"
        districts = merged["paths"]["/v1/districts"]["get"]["responses"]["200"]["content"]["application/json"]
        assert districts["schema"]["$ref"] == "#/components/schemas/Page"

    def test_a_renamed_schema_takes_its_new_name_as_title(self) -> None:
        # A client generator (openapi-python-client) names models by title: two schemas titled "District"
        # would make it drop one, and every operation that refers to it.
        funding = spec(
            "VRU Funding API",
            {"/v1/grants": get("#/components/schemas/District")},
            {"District": {"title": "District", "type": "object", "properties": {"csp_geocode": {"type": "string"}}}},
        )
        referrals = spec(
            "VRU Referrals API",
            {"/v1/districts": get("#/components/schemas/District")},
            {"District": {"title": "District", "type": "object", "properties": {"code": {"type": "string"}}}},
        )
        merged = merge_openapi({"referrals": referrals, "funding": funding})
        schemas = merged["components"]["schemas"]
        assert schemas["District"]["title"] == "District"
        assert schemas["FundingDistrict"]["title"] == "FundingDistrict"
        assert funding["components"]["schemas"]["District"]["title"] == "District"  # the input is not changed

    def test_operation_ids_stay_unique(self) -> None:
        a = spec("A", {"/v1/a": get("#/components/schemas/X")}, {"X": {"type": "string"}})
        b = spec("B", {"/v1/b": get("#/components/schemas/X")}, {"X": {"type": "string"}})
        a["paths"]["/v1/a"]["get"]["operationId"] = b["paths"]["/v1/b"]["get"]["operationId"] = "list_sites"
        merged = merge_openapi({"a": a, "b": b})
        assert merged["paths"]["/v1/a"]["get"]["operationId"] == "list_sites"
        assert merged["paths"]["/v1/b"]["get"]["operationId"] == "b_list_sites"

    def test_a_schema_that_refers_to_a_renamed_one_is_renamed_too(self) -> None:
        other = spec(
            "Other",
            {"/v1/other": get("#/components/schemas/Referral")},
            {
                "Referral": {"type": "object", "properties": {"district": {"$ref": "#/components/schemas/District"}}},
                "District": {"type": "object", "properties": {"name": {"type": "string"}}},
            },
        )
        merged = merge_openapi({"referrals": REFERRALS, "other": other})
        schemas = merged["components"]["schemas"]
        assert schemas["OtherReferral"]["properties"]["district"]["$ref"] == "#/components/schemas/OtherDistrict"
        assert schemas["Referral"] == REFERRALS["components"]["schemas"]["Referral"]

    def test_inputs_are_not_changed(self) -> None:
        before = repr(REFERRALS)
        merge_openapi({"referrals": REFERRALS, "copy": spec("Copy", {}, {"District": {"type": "string"}})})
        assert repr(REFERRALS) == before

    def test_repeated_operation_keeps_the_first(self) -> None:
        a = spec("A", {"/v1/x": get("#/components/schemas/X")}, {"X": {"type": "string"}})
        b = spec("B", {"/v1/x": get("#/components/schemas/Y")}, {"Y": {"type": "integer"}})
        merged = merge_openapi({"a": a, "b": b})
        assert merged["paths"]["/v1/x"]["get"]["x-service"] == "a"
        assert merged["info"]["x-conflicts"] == ["GET /v1/x (b)"]


def fake_peers(request: httpx.Request) -> httpx.Response:
    if request.url.host == "referrals.test" and request.url.path == "/openapi/referrals.json":
        return httpx.Response(200, json=REFERRALS)
    raise httpx.ConnectError("connection refused", request=request)


class TestMergedDocument:
    async def test_valid(self, app: FastAPI, client: httpx.AsyncClient) -> None:
        app.state.http = httpx.AsyncClient(transport=httpx.MockTransport(fake_peers))
        response = await client.get("/openapi.json")
        assert response.status_code == 200
        document = response.json()
        assert {"/oauth/token", "/v1/agencies", "/.well-known/jwks.json"} <= set(document["paths"])
        assert {"/v1/districts", "/v1/referrals"} <= set(document["paths"])
        assert document["info"]["x-unavailable"] == ["funding"]
        assert document["info"]["x-services"] == ["identity", "referrals"]
        assert document["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
        # Swagger UI may not render a document whose references dangle.
        schemas = document["components"]["schemas"]
        text = response.text
        for ref in {part.split('"')[0] for part in text.split('"$ref":"#/components/schemas/')[1:]}:
            assert ref in schemas, ref

    async def test_cached_between_requests(self, app: FastAPI, client: httpx.AsyncClient) -> None:
        calls: list[str] = []

        def counting(request: httpx.Request) -> httpx.Response:
            calls.append(str(request.url))
            return fake_peers(request)

        app.state.http = httpx.AsyncClient(transport=httpx.MockTransport(counting))
        await client.get("/openapi.json")
        await client.get("/openapi.json")
        assert sorted(calls) == [
            "http://funding.test/openapi/funding.json",
            "http://referrals.test/openapi/referrals.json",
        ]

    async def test_no_token_needed(self, app: FastAPI, client: httpx.AsyncClient) -> None:
        app.state.http = httpx.AsyncClient(transport=httpx.MockTransport(fake_peers))
        assert (await client.get("/openapi.json", headers={"Authorization": "Bearer nonsense"})).status_code == 200


class TestDocsPage:
    async def test_the_page_is_the_front_ends_not_identitys(self, client: httpx.AsyncClient) -> None:
        """Swagger UI is served by the front end from its own copy (tests/web/test_api_docs.py); identity serves
        the document it shows."""
        response = await client.get("/docs")
        assert response.status_code == 404
        assert response.json()["type"].endswith("/not-found")

    async def test_own_spec_still_served_for_the_gateway(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/openapi/identity.json")
        assert response.status_code == 200
        assert "/oauth/token" in response.json()["paths"]
