"""The movement ledger: allocation, deployment, returns and write-offs; stock counted from the ledger and
never negative, also under 200 concurrent allocations on real connections; the ledger is append-only."""

import asyncio
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import asyncpg
import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from vru_dev.kits.etp_inventory import (
    CSP_MEDWAY,
    CSP_SWALE,
    GUARDIAN,
    PARTNER,
    STAFF,
    FakeFunding,
    purchase_body,
    site_body,
)
from vru_dev.testing import TestIssuer
from vru_shared.kent_medway import DISTRICTS


async def receive(client: httpx.AsyncClient, issuer: TestIssuer, lot: str, quantity: int, **extra: Any) -> None:
    response = await client.post(
        "/v1/purchases", json=purchase_body(lot, quantity, **extra), headers=issuer.headers(**STAFF)
    )
    assert response.status_code == 201, response.text


async def on_hand(client: httpx.AsyncClient, issuer: TestIssuer, kind: str, district: str | None = None) -> int:
    params = {"kind": kind, **({"district": district} if district else {})}
    (location,) = (await client.get("/v1/locations", params=params, headers=issuer.headers(**STAFF))).json()["items"]
    return int(location["on_hand"])


async def new_site(client: httpx.AsyncClient, issuer: TestIssuer, name: str, district: str = "medway") -> str:
    response = await client.post("/v1/sites", json=site_body(name, district=district), headers=issuer.headers(**STAFF))
    return str(response.json()["id"])


class TestAllocate:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/v1/movements/allocations", json={"csp": "medway", "quantity": 1})
        assert response.status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.post(
            "/v1/movements/allocations", json={"csp": "medway", "quantity": 1}, headers=issuer.headers(**CSP_MEDWAY)
        )
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        await receive(client, issuer, "ALLOC-0", 2)
        response = await client.post(
            "/v1/movements/allocations",
            json={"csp": "medway", "quantity": 1, "kit_type": "no-such-kit"},
            headers=issuer.headers(**STAFF),
        )
        assert response.status_code == 404
        assert response.json()["type"].endswith("/kit-type-not-found")

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        await receive(client, issuer, "ALLOC-1", 10)
        store, csp = await on_hand(client, issuer, "central_store"), await on_hand(client, issuer, "csp", "medway")
        response = await client.post(
            "/v1/movements/allocations",
            json={"csp": "medway", "quantity": 4, "reason": "Initial distribution"},
            headers=issuer.headers(**STAFF),
        )
        assert response.status_code == 201
        batch = response.json()
        assert batch["count"] == 4
        assert batch["from_location"]["kind"] == "central_store"
        assert batch["to_location"]["district"] == "medway"
        assert await on_hand(client, issuer, "central_store") == store - 4
        assert await on_hand(client, issuer, "csp", "medway") == csp + 4
        ledger = (
            await client.get("/v1/movements", params={"kind": "allocated"}, headers=issuer.headers(**CSP_MEDWAY))
        ).json()["items"]
        assert {m["serial"] for m in ledger} == {p["serial"] for p in batch["packs"]}
        assert all(m["actor"] == STAFF["sub"] and m["reason"] == "Initial distribution" for m in ledger)
        assert (await client.get("/v1/movements", headers=issuer.headers(**CSP_SWALE))).json()["items"] == []

    async def test_not_enough_stock(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        await receive(client, issuer, "ALLOC-2", 3, serial_prefix="ALLOC2")
        store = await on_hand(client, issuer, "central_store")
        response = await client.post(
            "/v1/movements/allocations", json={"csp": "swale", "quantity": store + 1}, headers=issuer.headers(**STAFF)
        )
        assert response.status_code == 409
        assert response.json()["type"].endswith("/not-enough-stock")
        assert response.json()["requested"] == store + 1
        assert await on_hand(client, issuer, "central_store") == store  # all or nothing


class TestDeploy:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        body = {"site_id": str(uuid.uuid4()), "quantity": 1}
        assert (await client.post("/v1/movements/deployments", json=body)).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        body = {"site_id": str(uuid.uuid4()), "quantity": 1}
        for who in (GUARDIAN, PARTNER):
            response = await client.post("/v1/movements/deployments", json=body, headers=issuer.headers(**who))
            assert response.status_code == 403
            assert response.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        site = await new_site(client, issuer, "Medway site")
        response = await client.post(
            "/v1/movements/deployments", json={"site_id": site, "quantity": 1}, headers=issuer.headers(**CSP_SWALE)
        )
        assert response.status_code == 404  # another district's site is not visible
        assert response.json()["type"].endswith("/site-not-found")

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        await receive(client, issuer, "DEPLOY-1", 5)
        staff = issuer.headers(**STAFF)
        await client.post("/v1/movements/allocations", json={"csp": "medway", "quantity": 3}, headers=staff)
        site = await new_site(client, issuer, "Chatham")
        csp_before = await on_hand(client, issuer, "csp", "medway")
        headers = issuer.headers(**CSP_MEDWAY)
        response = await client.post(
            "/v1/movements/deployments", json={"site_id": site, "quantity": 2}, headers=headers
        )
        assert response.status_code == 201
        assert (await client.get(f"/v1/sites/{site}", headers=headers)).json()["on_hand"] == 2
        assert await on_hand(client, issuer, "csp", "medway") == csp_before - 2
        too_many = await client.post(
            "/v1/movements/deployments", json={"site_id": site, "quantity": csp_before}, headers=headers
        )
        assert too_many.status_code == 409
        assert too_many.json()["type"].endswith("/not-enough-stock")

    async def test_pack_ids_must_be_at_the_csp(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        await receive(client, issuer, "DEPLOY-2", 2)
        site = await new_site(client, issuer, "Strood")
        packs = (await client.get("/v1/packs?serial=DEPLOY-2-0001", headers=issuer.headers(**STAFF))).json()["items"]
        response = await client.post(
            "/v1/movements/deployments",
            json={"site_id": site, "pack_ids": [packs[0]["id"]]},
            headers=issuer.headers(**STAFF),
        )
        assert response.status_code == 409  # still in the central store, not at the CSP
        assert response.json()["type"].endswith("/not-enough-stock")


class TestReturnAndWriteOff:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        body = {"pack_id": str(uuid.uuid4()), "reason": "Closing"}
        assert (await client.post("/v1/movements/returns", json=body)).status_code == 401
        assert (await client.post("/v1/movements/write-offs", json={**body, "kind": "lost"})).status_code == 401

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        body = {"pack_id": str(uuid.uuid4()), "reason": "Closing"}
        response = await client.post("/v1/movements/returns", json=body, headers=issuer.headers(**GUARDIAN))
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_not_found(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        body = {"pack_id": str(uuid.uuid4()), "reason": "Closing", "kind": "lost"}
        response = await client.post("/v1/movements/write-offs", json=body, headers=issuer.headers(**STAFF))
        assert response.status_code == 404
        assert response.json()["type"].endswith("/pack-not-found")

    async def test_valid(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        await receive(client, issuer, "RETURN-1", 2)
        staff = issuer.headers(**STAFF)
        allocated = (
            await client.post("/v1/movements/allocations", json={"csp": "medway", "quantity": 2}, headers=staff)
        ).json()
        first, second = (p["id"] for p in allocated["packs"])
        store = await on_hand(client, issuer, "central_store")
        headers = issuer.headers(**CSP_MEDWAY)
        back = await client.post("/v1/movements/returns", json={"pack_id": first, "reason": "Surplus"}, headers=headers)
        assert back.status_code == 201
        assert back.json()["to_location"]["kind"] == "central_store"
        assert await on_hand(client, issuer, "central_store") == store + 1
        lost = await client.post(
            "/v1/movements/write-offs", json={"pack_id": second, "kind": "lost", "reason": "Stolen"}, headers=headers
        )
        assert lost.status_code == 201
        pack = (await client.get(f"/v1/packs/{second}", headers=headers)).json()
        assert pack["status"] == "lost"
        assert pack["readiness"] is None
        again = await client.post(
            "/v1/movements/write-offs", json={"pack_id": second, "kind": "lost", "reason": "Twice"}, headers=headers
        )
        assert again.status_code == 409
        assert again.json()["type"].endswith("/pack-not-movable")
        # the store's pack is the unit's: a CSP officer cannot write it off (cannot even see it)
        store_pack = await client.post(
            "/v1/movements/write-offs",
            json={"pack_id": first, "kind": "damaged", "reason": "Torn bag"},
            headers=headers,
        )
        assert store_pack.status_code == 404
        assert store_pack.json()["type"].endswith("/pack-not-found")


class TestLedgerIsAppendOnly:
    async def test_update_delete_truncate_refused(
        self, client: httpx.AsyncClient, app: FastAPI, issuer: TestIssuer
    ) -> None:
        await receive(client, issuer, "LEDGER-1", 1)
        async with app.state.sessionmaker() as session:
            for statement in (
                "UPDATE movements SET reason = 'rewritten'",
                "DELETE FROM movements",
                "TRUNCATE movements CASCADE",
            ):
                with pytest.raises(DBAPIError, match=r"permission denied|append-only"):
                    async with session.begin_nested():
                        await session.execute(text(statement))

    async def test_trigger_refuses_even_with_privileges(
        self, client: httpx.AsyncClient, app: FastAPI, issuer: TestIssuer
    ) -> None:
        await receive(client, issuer, "LEDGER-2", 1)
        async with app.state.sessionmaker() as session:
            await session.execute(text("GRANT UPDATE, DELETE ON movements TO CURRENT_USER"))
            with pytest.raises(DBAPIError, match="append-only"):
                async with session.begin_nested():
                    await session.execute(text("DELETE FROM movements"))
            await session.rollback()


# --- concurrency, on the app's real sessionmaker (a connection per request), committed and cleaned up ----------


@pytest.fixture
async def live_client(app: FastAPI, issuer: TestIssuer, funding: FakeFunding) -> AsyncIterator[httpx.AsyncClient]:
    async with app.router.lifespan_context(app):
        app.state.token_verifier = issuer.verifier()
        app.state.peers = {"funding": funding.client()}
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver", timeout=60) as client:
            yield client


async def remove_kit(admin_url: str, kit_code: str) -> None:
    """Delete what the test committed, as the superuser with triggers off (the ledger refuses otherwise)."""
    connection = await asyncpg.connect(admin_url)
    try:
        async with connection.transaction():
            await connection.execute("SET LOCAL session_replication_role = replica")
            for statement in (
                "DELETE FROM etp_inventory.movements WHERE pack_id IN (SELECT p.id FROM etp_inventory.packs p "
                "JOIN etp_inventory.kit_types k ON k.id = p.kit_type_id WHERE k.code = $1)",
                "DELETE FROM etp_inventory.pack_components WHERE pack_id IN (SELECT p.id FROM etp_inventory.packs p "
                "JOIN etp_inventory.kit_types k ON k.id = p.kit_type_id WHERE k.code = $1)",
                "DELETE FROM etp_inventory.packs WHERE kit_type_id IN "
                "(SELECT id FROM etp_inventory.kit_types WHERE code = $1)",
                "DELETE FROM etp_inventory.purchases WHERE kit_type_id IN "
                "(SELECT id FROM etp_inventory.kit_types WHERE code = $1)",
                "DELETE FROM etp_inventory.kit_type_components WHERE kit_type_id IN "
                "(SELECT id FROM etp_inventory.kit_types WHERE code = $1)",
                "DELETE FROM etp_inventory.kit_types WHERE code = $1",
            ):
                await connection.execute(statement, kit_code)
    finally:
        await connection.close()


async def test_200_concurrent_allocations_for_100_packs(
    live_client: httpx.AsyncClient, issuer: TestIssuer, pg_admin_url: str, db_urls: dict[str, str]
) -> None:
    kit_code = f"race-{uuid.uuid4().hex[:8]}"
    headers = issuer.headers(**STAFF)
    districts = sorted(DISTRICTS)
    created = await live_client.post(
        "/v1/kit-types",
        json={
            "code": kit_code,
            "name": "Race test kit",
            "description": "Only for the concurrency test.",
            "components": [{"component": "bag", "quantity": 1}],
        },
        headers=headers,
    )
    assert created.status_code == 201, created.text
    try:
        for round_ in range(3):
            lot = f"{kit_code.upper()}-{round_}"
            received = await live_client.post(
                "/v1/purchases",
                json=purchase_body(lot, 100, kit_type=kit_code, component_expiries=[]),
                headers=headers,
            )
            assert received.status_code == 201, received.text
            responses = await asyncio.gather(
                *(
                    live_client.post(
                        "/v1/movements/allocations",
                        json={"csp": districts[i % len(districts)], "quantity": 1, "kit_type": kit_code},
                        headers=headers,
                    )
                    for i in range(200)
                )
            )
            assert Counter(r.status_code for r in responses) == {201: 100, 409: 100}, round_
            assert all(r.json()["type"].endswith("/not-enough-stock") for r in responses if r.status_code == 409)
            serials = [r.json()["packs"][0]["serial"] for r in responses if r.status_code == 201]
            assert len(set(serials)) == 100  # never the same pack twice
            assert {s.rsplit("-", 1)[0] for s in serials} == {lot}

        # The ledger agrees: each pack received once and allocated once; no location ever below zero.
        connection = await asyncpg.connect(db_urls["etp_inventory"].replace("postgresql+asyncpg", "postgresql"))
        try:
            kinds = await connection.fetch(
                "SELECT m.kind, count(*) AS n, count(DISTINCT m.pack_id) AS packs FROM movements m "
                "JOIN packs p ON p.id = m.pack_id JOIN kit_types k ON k.id = p.kit_type_id "
                "WHERE k.code = $1 GROUP BY m.kind ORDER BY m.kind",
                kit_code,
            )
            assert [(r["kind"], r["n"], r["packs"]) for r in kinds] == [
                ("allocated", 300, 300),
                ("received", 300, 300),
            ]
            stock = await connection.fetch(
                "SELECT l.kind, sum(d.delta) AS on_hand FROM ("
                "  SELECT to_location_id AS loc, 1 AS delta, pack_id FROM movements WHERE to_location_id IS NOT NULL"
                "  UNION ALL SELECT from_location_id, -1, pack_id FROM movements WHERE from_location_id IS NOT NULL"
                ") d JOIN packs p ON p.id = d.pack_id JOIN kit_types k ON k.id = p.kit_type_id "
                "JOIN locations l ON l.id = d.loc WHERE k.code = $1 GROUP BY l.id, l.kind",
                kit_code,
            )
            assert all(r["on_hand"] >= 0 for r in stock)
            assert sum(r["on_hand"] for r in stock if r["kind"] == "central_store") == 0
            assert sum(r["on_hand"] for r in stock if r["kind"] == "csp") == 300
        finally:
            await connection.close()
    finally:
        await remove_kit(pg_admin_url, kit_code)
