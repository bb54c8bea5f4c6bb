"""Purchases: a lot received into the central store, its cost charged to funding exactly once; when funding
refuses or is unavailable, nothing is received."""

import json
import uuid
from datetime import date, timedelta

import httpx
import pytest

from vru_dev.kits.etp_inventory import CSP_MEDWAY, STAFF, FakeFunding, purchase_body
from vru_dev.testing import TestIssuer


async def store_stock(client: httpx.AsyncClient, issuer: TestIssuer) -> int:
    response = await client.get("/v1/locations", params={"kind": "central_store"}, headers=issuer.headers(**STAFF))
    (store,) = response.json()["items"]
    return int(store["on_hand"])


class TestReceivePurchase:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.post("/v1/purchases", json=purchase_body("L-1", 2))).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer, funding: FakeFunding) -> None:
        response = await client.post(
            "/v1/purchases", json=purchase_body("L-1", 2), headers=issuer.headers(**CSP_MEDWAY)
        )
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")
        assert funding.calls == []

    @pytest.mark.parametrize("cost", [True, "4500", 4500.0])
    async def test_money_is_a_strict_integer(
        self, client: httpx.AsyncClient, issuer: TestIssuer, funding: FakeFunding, cost: object
    ) -> None:
        """Issue 13: ``true``, ``"4500"`` and ``4500.0`` were taken as pence (and charged to funding)."""
        body = purchase_body("LOT-STRICT", 2, unit_cost_pence=cost)
        response = await client.post("/v1/purchases", json=body, headers=issuer.headers(**STAFF))
        assert response.status_code == 422
        problem = response.json()
        assert problem["type"].endswith("/validation-error")
        assert [e["field"] for e in problem["errors"]] == ["unit_cost_pence"]
        assert funding.calls == []
        plain = purchase_body("LOT-STRICT", 2, unit_cost_pence=4500)
        created = await client.post("/v1/purchases", json=plain, headers=issuer.headers(**STAFF))
        assert created.status_code == 201
        assert created.json()["total_pence"] == 9000

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer, funding: FakeFunding) -> None:
        before = await store_stock(client, issuer)
        soon = (date.today() + timedelta(days=400)).isoformat()
        body = purchase_body("LOT-A", 12)
        body["component_expiries"][1] = {"component": "haemostatic-dressing", "expires_on": soon}
        response = await client.post("/v1/purchases", json=body, headers=issuer.headers(**STAFF))
        assert response.status_code == 201, response.text
        purchase = response.json()
        assert response.headers["location"] == f"/v1/purchases/{purchase['id']}"
        assert purchase["total_pence"] == 12 * 4500
        assert purchase["first_serial"] == "LOT-A-0001"
        assert purchase["last_serial"] == "LOT-A-0012"
        assert purchase["pack_expires_on"] == soon  # the earliest component's expiry
        assert {c["component"]: c["expires_on"] for c in purchase["components"]}["bag"] is None
        assert await store_stock(client, issuer) == before + 12

        (call,) = funding.calls
        assert call.url.path == f"/v1/budget-lines/{uuid.UUID(int=42)}/spend"
        assert call.headers["idempotency-key"] == f"etp-purchase-{purchase['id']}"
        sent = json.loads(call.content)
        assert sent == {
            "amount_pence": 54000,
            "currency": "GBP",
            "description": sent["description"],
            "source": "etp_inventory",
            "source_reference": purchase["id"],
            "spent_on": date.today().isoformat(),
        }
        assert "LOT-A" in sent["description"]
        assert purchase["funding_spend_id"] == funding.spends[call.headers["idempotency-key"]]["id"]

        packs = (
            await client.get("/v1/packs", params={"serial": "LOT-A-0007"}, headers=issuer.headers(**STAFF))
        ).json()["items"]
        assert packs[0]["expires_on"] == soon
        assert packs[0]["location"]["kind"] == "central_store"
        assert packs[0]["readiness"] == "ready"

    async def test_same_lot_twice(self, client: httpx.AsyncClient, issuer: TestIssuer, funding: FakeFunding) -> None:
        headers = issuer.headers(**STAFF)
        assert (await client.post("/v1/purchases", json=purchase_body("LOT-B", 3), headers=headers)).status_code == 201
        again = await client.post(
            "/v1/purchases", json=purchase_body("LOT-B", 3, supplier="example medical  supplies LTD"), headers=headers
        )
        assert again.status_code == 409
        assert again.json()["type"].endswith("/lot-already-received")
        assert len(funding.calls) == 1

    async def test_same_purchase_id_gives_same_funding_key(self) -> None:
        from etp_inventory.purchase.service import funding_idempotency_key, purchase_id_for

        first = purchase_id_for("Example Medical Supplies Ltd", "LOT-C")
        assert first == purchase_id_for("  example medical supplies ltd ", "LOT-C")
        assert funding_idempotency_key(first) == f"etp-purchase-{first}"

    @pytest.mark.parametrize(
        ("status", "slug"), [(404, "budget-line-not-found"), (409, "budget-exceeded"), (422, "spend-refused")]
    )
    async def test_funding_refuses(
        self, client: httpx.AsyncClient, issuer: TestIssuer, funding: FakeFunding, status: int, slug: str
    ) -> None:
        before = await store_stock(client, issuer)
        funding.mode = status
        response = await client.post("/v1/purchases", json=purchase_body("LOT-D", 5), headers=issuer.headers(**STAFF))
        assert response.status_code == status
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["type"].endswith("/" + slug)
        assert "Fake funding says no." in response.json()["detail"]
        assert await store_stock(client, issuer) == before
        funding.mode = "ok"
        retry = await client.post("/v1/purchases", json=purchase_body("LOT-D", 5), headers=issuer.headers(**STAFF))
        assert retry.status_code == 201  # nothing was kept from the refused attempt

    @pytest.mark.parametrize("mode", ["down", 503, "in_flight"])
    async def test_funding_unavailable(
        self, client: httpx.AsyncClient, issuer: TestIssuer, funding: FakeFunding, mode: object
    ) -> None:
        before = await store_stock(client, issuer)
        funding.mode = mode
        response = await client.post("/v1/purchases", json=purchase_body("LOT-E", 5), headers=issuer.headers(**STAFF))
        assert response.status_code == 503
        assert int(response.headers["retry-after"]) >= 1
        assert await store_stock(client, issuer) == before
        serial = await client.get("/v1/packs", params={"serial": "LOT-E-0001"}, headers=issuer.headers(**STAFF))
        assert serial.json()["items"] == []

    async def test_missing_expiry(self, client: httpx.AsyncClient, issuer: TestIssuer, funding: FakeFunding) -> None:
        body = purchase_body("LOT-F", 2)
        body["component_expiries"] = [*body["component_expiries"][1:], {"component": "bag", "expires_on": "2030-01-01"}]
        response = await client.post("/v1/purchases", json=body, headers=issuer.headers(**STAFF))
        assert response.status_code == 422
        detail = response.json()["detail"]
        assert "tourniquet" in detail
        assert "do not expire: bag" in detail
        assert funding.calls == []

    async def test_unknown_field(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        body = {**purchase_body("LOT-G", 2), "discount": 5}
        response = await client.post("/v1/purchases", json=body, headers=issuer.headers(**STAFF))
        assert response.status_code == 422
        assert response.json()["errors"][0]["field"] == "discount"


class TestGetPurchase:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get(f"/v1/purchases/{uuid.uuid4()}")).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get(f"/v1/purchases/{uuid.uuid4()}", headers=issuer.headers(**CSP_MEDWAY))
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get(f"/v1/purchases/{uuid.uuid4()}", headers=issuer.headers(**STAFF))
        assert response.status_code == 404
        assert response.json()["type"].endswith("/purchase-not-found")

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        headers = issuer.headers(**STAFF)
        created = (await client.post("/v1/purchases", json=purchase_body("LOT-H", 2), headers=headers)).json()
        found = await client.get(f"/v1/purchases/{created['id']}", headers=headers)
        assert found.json() == created
        listed = (await client.get("/v1/purchases", headers=headers)).json()["items"]
        assert listed[0]["id"] == created["id"]
