"""Funds, streams, budget lines (ETag / If-Match, awarded and available) and spend recorded by other services."""

import uuid
from collections.abc import Callable

import httpx
import pytest

FUND = "2b0ec1f4-df8c-5d24-b205-8fb95133db77"
KNIFE_LINE_2020 = "8cc3a269-e9dd-5f2f-86e5-a4d11f13974d"  # £150,000.00, nothing awarded
EQUIPMENT_LINE_2020 = "15055e2a-455a-5600-9808-82ee316ac878"  # £50,000.00, nothing awarded
ACE_LINE_2020 = "a9f5662e-7262-5f64-9f06-444836a8fc1d"  # £60,000.00, £50,000.00 awarded
PROBLEM = "application/problem+json"
Headers = Callable[..., dict[str, str]]
SERVICE = {"kind": "client", "client_id": "etp-inventory-service", "sub": "etp-inventory-service"}


def spend(reference: str, amount: int = 249_900, **changes: object) -> dict[str, object]:
    return {
        "amount_pence": amount,
        "currency": "GBP",
        "description": "50 emergency trauma packs",
        "source": "etp_inventory",
        "source_reference": reference,
        "spent_on": "2020-07-14",
        **changes,
    }


class TestListFunds:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/v1/funds")
        assert response.status_code == 401
        assert response.headers["content-type"] == PROBLEM

    @pytest.mark.parametrize("role", ["guardian", "csp_officer", "partner_agency"])
    async def test_forbidden(self, client: httpx.AsyncClient, as_role: Headers, role: str) -> None:
        refused = await client.get("/v1/funds", headers=as_role(role))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")

    async def test_valid(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        response = await client.get("/v1/funds", headers=as_role("analyst"))
        assert response.status_code == 200
        (fund,) = response.json()["items"]
        assert fund["id"] == FUND
        assert "Police and Crime Commissioner" in fund["source"]

    async def test_api_client_with_read_scope(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        response = await client.get("/v1/funds", headers=as_role(kind="client", scopes=["funding:read"]))
        assert response.status_code == 200


class TestCreateFund:
    async def test_forbidden(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        body = {"code": "lottery", "name": "Lottery", "source": "A lottery"}
        refused = await client.post("/v1/funds", json=body, headers=as_role("analyst"))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")

    async def test_valid_then_code_taken(self, client: httpx.AsyncClient, director: dict[str, str]) -> None:
        body = {"code": "serious-violence-duty", "name": "Serious Violence Duty grant", "source": "Home Office"}
        response = await client.post("/v1/funds", json=body, headers=director)
        assert response.status_code == 201
        assert response.headers["location"] == f"/v1/funds/{response.json()['id']}"
        again = await client.post("/v1/funds", json=body, headers=director)
        assert again.status_code == 409
        assert again.json()["type"].endswith("/fund-code-taken")

    async def test_unknown_field(self, client: httpx.AsyncClient, director: dict[str, str]) -> None:
        body = {"code": "x-fund", "name": "X", "source": "Y", "amount": 5}
        response = await client.post("/v1/funds", json=body, headers=director)
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "amount"


class TestGetFund:
    async def test_not_found(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        response = await client.get(f"/v1/funds/{uuid.uuid4()}", headers=officer)
        assert response.status_code == 404
        assert response.json()["type"].endswith("/fund-not-found")

    async def test_valid(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        assert (await client.get(f"/v1/funds/{FUND}", headers=officer)).json()["code"] == "home-office-vru-grant"


class TestStreams:
    async def test_seeded(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        response = await client.get("/v1/funding-streams", headers=officer)
        codes = [s["code"] for s in response.json()["items"]]
        assert codes == sorted(codes)
        assert {"vulnerable-childrens-charities", "ace", "schools", "prisons-custody", "knife-awareness"} <= set(codes)

    async def test_get_and_not_found(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        assert (await client.get("/v1/funding-streams/ace", headers=officer)).status_code == 200
        missing = await client.get("/v1/funding-streams/nope", headers=officer)
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("/funding-stream-not-found")

    async def test_create(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        body = {"code": "mentoring", "name": "Mentoring"}
        response = await client.post("/v1/funding-streams", json=body, headers=officer)
        assert response.status_code == 201
        assert response.headers["location"] == "/v1/funding-streams/mentoring"
        clash = await client.post("/v1/funding-streams", json=body, headers=officer)
        assert clash.status_code == 409
        assert clash.json()["type"].endswith("/funding-stream-code-taken")


class TestListBudgetLines:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/budget-lines")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        refused = await client.get("/v1/budget-lines", headers=as_role("partner_agency"))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")

    async def test_valid(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        response = await client.get("/v1/budget-lines?financial_year=2020-21", headers=officer)
        lines = {line["code"]: line for line in response.json()["items"]}
        assert set(lines) == {
            "vulnerable-childrens-charities", "ace", "schools", "prisons-custody", "youth-justice",
            "knife-awareness", "equipment",
        }  # fmt: skip
        ace = lines["ace"]
        assert (ace["amount_pence"], ace["awarded_pence"], ace["available_pence"]) == (6_000_000, 5_000_000, 1_000_000)
        assert ace["currency"] == "GBP"
        assert ace["illustrative"] is True
        for line in lines.values():
            assert line["available_pence"] == line["amount_pence"] - line["awarded_pence"] - line["spent_pence"]
            assert line["available_pence"] >= 0

    async def test_filter_by_stream_and_pages(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        response = await client.get("/v1/budget-lines?stream=equipment", headers=officer)
        assert sorted(line["financial_year"] for line in response.json()["items"]) == ["2019-20", "2020-21"]
        first = await client.get("/v1/budget-lines?limit=3", headers=officer)
        assert len(first.json()["items"]) == 3
        assert 'rel="next"' in first.headers["link"]
        second = await client.get(f"/v1/budget-lines?limit=3&cursor={first.json()['next_cursor']}", headers=officer)
        assert {i["id"] for i in first.json()["items"]}.isdisjoint({i["id"] for i in second.json()["items"]})


class TestGetBudgetLine:
    async def test_not_found(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        response = await client.get(f"/v1/budget-lines/{uuid.uuid4()}", headers=officer)
        assert response.status_code == 404
        assert response.json()["type"].endswith("/budget-line-not-found")

    async def test_valid(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        response = await client.get(f"/v1/budget-lines/{KNIFE_LINE_2020}", headers=officer)
        assert response.status_code == 200
        assert response.headers["etag"] == '"v1"'
        assert response.json()["stream"] == "knife-awareness"
        assert response.json()["available_pence"] == 15_000_000


class TestCreateBudgetLine:
    def body(self, **changes: object) -> dict[str, object]:
        return {
            "fund_id": FUND,
            "financial_year": "2021-22",
            "stream": "knife-awareness",
            "code": "knife-awareness",
            "name": "Knife Awareness Campaign 2021/22",
            "amount_pence": 12_000_000,
            "currency": "GBP",
            **changes,
        }

    async def test_forbidden(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        response = await client.post("/v1/budget-lines", json=self.body(), headers=as_role("analyst"))
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_valid(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        response = await client.post("/v1/budget-lines", json=self.body(), headers=officer)
        assert response.status_code == 201
        body = response.json()
        assert response.headers["location"] == f"/v1/budget-lines/{body['id']}"
        assert (body["financial_year"], body["available_pence"], body["illustrative"]) == ("2021-22", 12_000_000, False)
        again = await client.post("/v1/budget-lines", json=self.body(), headers=officer)
        assert again.status_code == 409
        assert again.json()["type"].endswith("/budget-line-code-taken")

    @pytest.mark.parametrize(
        ("change", "detail"),
        [
            ({"financial_year": "2040-41"}, "2040-41"),
            ({"stream": "nope"}, "nope"),
            ({"fund_id": str(uuid.UUID(int=1))}, "fund"),
        ],
    )
    async def test_unknown_reference(
        self, client: httpx.AsyncClient, officer: dict[str, str], change: dict[str, str], detail: str
    ) -> None:
        response = await client.post("/v1/budget-lines", json=self.body(**change), headers=officer)
        assert response.status_code == 422
        assert response.json()["type"].endswith("/unknown-reference")
        assert detail in response.json()["detail"]

    @pytest.mark.parametrize("change", [{"currency": "EUR"}, {"amount_pence": -1}, {"amount_pence": 10.5}])
    async def test_money_is_pence_gbp(
        self, client: httpx.AsyncClient, officer: dict[str, str], change: dict[str, object]
    ) -> None:
        assert (await client.post("/v1/budget-lines", json=self.body(**change), headers=officer)).status_code == 422


class TestUpdateBudgetLine:
    async def test_missing_if_match(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        response = await client.patch(f"/v1/budget-lines/{ACE_LINE_2020}", json={"name": "ACE"}, headers=officer)
        assert response.status_code == 428
        assert response.headers["content-type"] == PROBLEM

    async def test_stale_if_match(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        response = await client.patch(
            f"/v1/budget-lines/{ACE_LINE_2020}", json={"name": "ACE"}, headers={**officer, "If-Match": '"v9"'}
        )
        assert response.status_code == 412
        assert response.headers["etag"] == '"v1"'

    async def test_forbidden(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        response = await client.patch(
            f"/v1/budget-lines/{ACE_LINE_2020}", json={"name": "x"}, headers={**as_role("auditor"), "If-Match": '"v1"'}
        )
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        response = await client.patch(
            f"/v1/budget-lines/{uuid.uuid4()}", json={"name": "x"}, headers={**officer, "If-Match": '"v1"'}
        )
        assert response.status_code == 404
        assert response.json()["type"].endswith("/budget-line-not-found")

    async def test_cannot_cut_below_awards(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        response = await client.patch(
            f"/v1/budget-lines/{ACE_LINE_2020}",
            json={"amount_pence": 4_999_999},
            headers={**officer, "If-Match": '"v1"'},
        )
        assert response.status_code == 409
        assert response.json()["type"].endswith("/budget-below-commitments")
        assert response.json()["awarded_pence"] == 5_000_000

    async def test_valid(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        response = await client.patch(
            f"/v1/budget-lines/{ACE_LINE_2020}",
            json={"amount_pence": 5_000_000, "name": "ACE awareness 2020/21"},
            headers={**officer, "If-Match": '"v1"'},
        )
        assert response.status_code == 200
        assert response.headers["etag"] == '"v2"'
        assert (response.json()["available_pence"], response.json()["name"]) == (0, "ACE awareness 2020/21")


class TestRecordSpend:
    url = f"/v1/budget-lines/{EQUIPMENT_LINE_2020}/spend"

    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.post(self.url, json=spend("p-0"))).status_code == 401

    @pytest.mark.parametrize("role", ["analyst", "csp_officer", "guardian"])
    async def test_forbidden(self, client: httpx.AsyncClient, as_role: Headers, role: str) -> None:
        refused = await client.post(self.url, json=spend("p-0"), headers=as_role(role))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        response = await client.post(
            f"/v1/budget-lines/{uuid.uuid4()}/spend", json=spend("p-1"), headers=as_role("service", **SERVICE)
        )
        assert response.status_code == 404
        assert response.json()["type"].endswith("/budget-line-not-found")

    async def test_valid(self, client: httpx.AsyncClient, as_role: Headers, officer: dict[str, str]) -> None:
        response = await client.post(self.url, json=spend("purchase-1"), headers=as_role("service", **SERVICE))
        assert response.status_code == 201
        body = response.json()
        assert response.headers["location"] == f"/v1/spend/{body['id']}"
        assert set(body) == {
            "id", "budget_line_id", "amount_pence", "currency", "description", "source", "source_reference",
            "spent_on", "created_at",
        }  # fmt: skip
        assert (body["amount_pence"], body["currency"], body["budget_line_id"]) == (249_900, "GBP", EQUIPMENT_LINE_2020)
        line = (await client.get(f"/v1/budget-lines/{EQUIPMENT_LINE_2020}", headers=officer)).json()
        assert (line["spent_pence"], line["available_pence"]) == (249_900, 5_000_000 - 249_900)
        assert (await client.get(response.headers["location"], headers=officer)).json() == body
        listed = await client.get(self.url, headers=officer)
        assert [s["id"] for s in listed.json()["items"]] == [body["id"]]

    async def test_repeat_same_body_is_200_with_the_first(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        headers = as_role("service", **SERVICE)
        first = await client.post(self.url, json=spend("purchase-2"), headers=headers)
        again = await client.post(self.url, json=spend("purchase-2"), headers=headers)
        assert (first.status_code, again.status_code) == (201, 200)
        assert again.json() == first.json()
        line = (await client.get(f"/v1/budget-lines/{EQUIPMENT_LINE_2020}", headers=as_role("director"))).json()
        assert line["spent_pence"] == 249_900  # counted once

    async def test_repeat_with_another_amount_is_409(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        headers = as_role("service", **SERVICE)
        await client.post(self.url, json=spend("purchase-3"), headers=headers)
        response = await client.post(self.url, json=spend("purchase-3", amount=100), headers=headers)
        assert response.status_code == 409
        assert response.json()["type"].endswith("/spend-conflict")

    async def test_idempotency_key_replays(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        headers = {**as_role("service", **SERVICE), "Idempotency-Key": "purchase-4-try"}
        first = await client.post(self.url, json=spend("purchase-4"), headers=headers)
        again = await client.post(self.url, json=spend("purchase-4"), headers=headers)
        assert again.status_code == 201
        assert again.headers["idempotent-replayed"] == "true"
        assert again.json()["id"] == first.json()["id"]

    async def test_budget_exceeded(self, client: httpx.AsyncClient, as_role: Headers) -> None:
        headers = as_role("programme_officer")
        ok = await client.post(self.url, json=spend("big-1", amount=4_000_000), headers=headers)
        assert ok.status_code == 201
        response = await client.post(self.url, json=spend("big-2", amount=1_000_001), headers=headers)
        assert response.status_code == 409
        body = response.json()
        assert body["type"].endswith("/budget-exceeded")
        assert (body["available_pence"], body["requested_pence"]) == (1_000_000, 1_000_001)
        exact = await client.post(self.url, json=spend("big-3", amount=1_000_000), headers=headers)
        assert exact.status_code == 201

    @pytest.mark.parametrize(
        "change", [{"amount_pence": 0}, {"currency": "USD"}, {"spent_on": "14/07/2020"}, {"source": ""}, {"extra": 1}]
    )
    async def test_invalid(self, client: httpx.AsyncClient, as_role: Headers, change: dict[str, object]) -> None:
        response = await client.post(self.url, json={**spend("bad"), **change}, headers=as_role("director"))
        assert response.status_code == 422


class TestOrganisations:
    async def test_csus_seeded(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        response = await client.get("/v1/organisations?csu=true&limit=20", headers=officer)
        items = response.json()["items"]
        assert len(items) == 13
        assert all(o["org_id"].startswith("GB-LAE-") and o["kind"] == "council" for o in items)
        medway = await client.get("/v1/organisations?district=medway&csu=true", headers=officer)
        assert [o["name"] for o in medway.json()["items"]] == ["Medway Council"]

    async def test_create(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        body = {"org_id": "GB-CHC-1234567", "name": "Riverside Youth Trust", "kind": "charity"}
        response = await client.post("/v1/organisations", json=body, headers=officer)
        assert response.status_code == 201
        assert (await client.get(response.headers["location"], headers=officer)).json()["org_id"] == "GB-CHC-1234567"
        clash = await client.post("/v1/organisations", json=body, headers=officer)
        assert clash.status_code == 409
        assert clash.json()["type"].endswith("/org-id-taken")

    @pytest.mark.parametrize("org_id", ["1234567", "GB-CHC", "gb-chc-1", "GB-CHC-12 34"])
    async def test_org_id_format(self, client: httpx.AsyncClient, officer: dict[str, str], org_id: str) -> None:
        body = {"org_id": org_id, "name": "X", "kind": "charity"}
        assert (await client.post("/v1/organisations", json=body, headers=officer)).status_code == 422

    async def test_not_found(self, client: httpx.AsyncClient, officer: dict[str, str]) -> None:
        missing = await client.get(f"/v1/organisations/{uuid.uuid4()}", headers=officer)
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("/organisation-not-found")
