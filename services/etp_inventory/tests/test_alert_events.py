"""Pack alerts announced with nobody asking (``alert.service.announce``): a pack whose expiry falls within the
notice window (``pack.expiring``, once per pack and expiry date) and a pack at a site whose guardian check is
overdue (``pack.check_overdue``, once per overdue period), each marked by one ``UPDATE … RETURNING`` with its event
written in the same transaction; to the unit's staff, naming the site's guardians to nudge."""

import asyncio
import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from etp_inventory.alert.service import announce
from etp_inventory.db import event_outbox
from etp_inventory.pack.readiness import ReadinessRules
from vru_dev.kits.etp_inventory import CSP_MEDWAY, GUARDIAN, STAFF, purchase_body, site_body
from vru_dev.testing import TestIssuer

INTERVAL_DAYS = 30
NOTICE_DAYS = 30


@pytest.fixture
async def placed(client: httpx.AsyncClient, issuer: TestIssuer) -> dict[str, str]:
    """A pack deployed to a Medway site with a guardian, and one left in the CSP's stock."""
    staff = issuer.headers(**STAFF)
    assert (await client.post("/v1/purchases", json=purchase_body("ALERTS", 2), headers=staff)).status_code == 201
    await client.post("/v1/movements/allocations", json={"csp": "medway", "quantity": 2}, headers=staff)
    site = (await client.post("/v1/sites", json=site_body("Strood station", lock_code="LOCK-1"), headers=staff)).json()
    deployed = await client.post(
        "/v1/movements/deployments", json={"site_id": site["id"], "quantity": 1}, headers=issuer.headers(**CSP_MEDWAY)
    )
    assert deployed.status_code == 201, deployed.text
    await client.put(f"/v1/sites/{site['id']}/guardians/{GUARDIAN['sub']}", json={}, headers=staff)
    return {"site": site["id"], "pack": deployed.json()["packs"][0]["id"]}


async def run(app: FastAPI, now: datetime) -> None:
    async with app.state.sessionmaker() as session, session.begin():
        await announce(session, rules=ReadinessRules(now, INTERVAL_DAYS), expiry_notice_days=NOTICE_DAYS)


async def events(app: FastAPI, event_type: str, pack_id: str) -> list[dict[str, Any]]:
    async with app.state.sessionmaker() as session:
        rows = await session.execute(select(event_outbox).where(event_outbox.c.type == event_type))
        return [dict(r._mapping) for r in rows.all() if r.data["id"] == pack_id]


async def sql(app: FastAPI, statement: str, **params: Any) -> None:
    async with app.state.sessionmaker() as session, session.begin():
        await session.execute(text(statement), params)


async def test_a_check_overdue_is_announced_once_per_overdue_period(
    client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI, placed: dict[str, str]
) -> None:
    pack = placed["pack"]
    now = datetime.now(UTC)
    await run(app, now)
    assert await events(app, "pack.check_overdue", pack) == []  # arrived just now: not due
    await sql(
        app, "UPDATE packs SET arrived_at = now() - interval '40 days', last_checked_at = NULL WHERE id = :p", p=pack
    )
    await run(app, now)
    await run(app, now)
    [event] = await events(app, "pack.check_overdue", pack)
    assert event["audience"] == {"agencies": [], "staff": True, "people": [GUARDIAN["sub"]]}
    data = event["data"]
    assert data["links"] == {"self": f"/v1/packs/{pack}"}
    assert (data["district"], data["site_id"], data["pack_id"], data["location_kind"]) == (
        "medway",
        placed["site"],
        pack,
        "site",
    )
    assert "LOCK-1" not in json.dumps(data)
    assert "Strood" not in json.dumps(data)
    # a guardian's check starts a new period: announced again only once that one is overdue too
    body = {"pack_id": pack, "seal_intact": True, "contents_present": True, "expiry_seen": True}
    checked = await client.post("/v1/checks", json=body, headers=issuer.headers(**GUARDIAN))
    assert checked.status_code == 201, checked.text
    await run(app, datetime.now(UTC))
    assert len(await events(app, "pack.check_overdue", pack)) == 1
    later = datetime.now(UTC) + timedelta(days=INTERVAL_DAYS + 1)
    await run(app, later)
    await run(app, later)
    assert len(await events(app, "pack.check_overdue", pack)) == 2


async def test_a_pack_expiring_is_announced_once_per_expiry_date(
    client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI, placed: dict[str, str]
) -> None:
    pack = placed["pack"]
    today = datetime.now(UTC).date()
    await run(app, datetime.now(UTC))
    assert await events(app, "pack.expiring", pack) == []  # the kit's components expire years ahead
    soon = today + timedelta(days=NOTICE_DAYS - 2)
    await sql(app, "UPDATE packs SET expires_on = :d WHERE id = :p", d=soon, p=pack)
    await run(app, datetime.now(UTC))
    await run(app, datetime.now(UTC))
    [event] = await events(app, "pack.expiring", pack)
    assert event["audience"] == {"agencies": [], "staff": True, "people": [GUARDIAN["sub"]]}
    assert (event["data"]["expires_on"], event["data"]["district"], event["data"]["site_id"]) == (
        soon.isoformat(),
        "medway",
        placed["site"],
    )
    # resupplied with a later expiry that nears in turn: announced again, once
    await sql(app, "UPDATE packs SET expires_on = :d WHERE id = :p", d=soon + timedelta(days=1), p=pack)
    await run(app, datetime.now(UTC))
    await run(app, datetime.now(UTC))
    assert len(await events(app, "pack.expiring", pack)) == 2


async def test_a_pack_in_a_csps_stock_expiring_names_no_site(
    client: httpx.AsyncClient, issuer: TestIssuer, app: FastAPI, placed: dict[str, str]
) -> None:
    staff = issuer.headers(**STAFF)
    stock = (await client.get("/v1/packs", params={"status": "in_stock", "limit": 200}, headers=staff)).json()
    [held] = [p for p in stock["items"] if p["location"]["kind"] == "csp" and p["serial"].startswith("ALERTS")]
    await sql(app, "UPDATE packs SET expires_on = :d WHERE id = :p", d=datetime.now(UTC).date(), p=held["id"])
    await run(app, datetime.now(UTC))
    [event] = await events(app, "pack.expiring", held["id"])
    assert event["audience"] == {"agencies": [], "staff": True, "people": []}
    assert (event["data"]["site_id"], event["data"]["location_kind"], event["data"]["district"]) == (
        None,
        "csp",
        "medway",
    )


async def test_two_replicas_at_once_announce_a_pack_once(db_urls: dict[str, str], pg_admin_url: str) -> None:
    """Real connections and commits: while one round holds its packs, a second round at the same moment skips them
    (SKIP LOCKED: it neither waits nor announces them again); afterwards there is one event."""
    pack = uuid.uuid4()
    now = datetime.now(UTC).replace(microsecond=0) + timedelta(microseconds=4243)
    admin = await asyncpg.connect(pg_admin_url)
    engine = create_async_engine(db_urls["etp_inventory"])
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    rules = ReadinessRules(now, INTERVAL_DAYS)
    try:
        async with admin.transaction():  # a pack in Medway's CSP stock, expiring in 5 days (kit and lot checks off)
            await admin.execute("SET LOCAL session_replication_role = replica")
            await admin.execute(
                "INSERT INTO etp_inventory.packs (id, public_id, serial, kit_type_id, purchase_id, status, "
                "location_id, expires_on, needs_attention, version) "
                "SELECT $1, $2, $3, $2, $2, 'in_stock', id, $4, false, 1 "
                "FROM etp_inventory.locations WHERE kind = 'csp' AND district = 'medway'",
                pack,
                uuid.uuid4(),
                f"RACE-{pack.hex[:8]}",
                now.date() + timedelta(days=5),
            )
        async with sessions() as first, sessions() as second:
            async with first.begin():
                one = await announce(first, rules=rules, expiry_notice_days=NOTICE_DAYS)
                async with second.begin():
                    other = await asyncio.wait_for(
                        announce(second, rules=rules, expiry_notice_days=NOTICE_DAYS), timeout=20
                    )
            assert one.expiring >= 1
            assert other.expiring == 0
        async with sessions() as third, third.begin():
            assert (await announce(third, rules=rules, expiry_notice_days=NOTICE_DAYS)).expiring == 0
        async with engine.connect() as connection:
            rows = await connection.execute(
                select(event_outbox.c.type).where(event_outbox.c.data["id"].astext == str(pack))
            )
            assert rows.scalars().all() == ["pack.expiring"]
    finally:
        async with admin.transaction():
            announced = await admin.fetch(
                "DELETE FROM etp_inventory.event_outbox WHERE occurred_at = $1 RETURNING (data->>'id')::uuid AS id", now
            )
            ids = [row["id"] for row in announced]
            await admin.execute(
                "UPDATE etp_inventory.packs SET expiry_announced_on = NULL, check_overdue_announced_at = NULL "
                "WHERE id = ANY($1::uuid[])",
                ids,
            )
            await admin.execute("SET LOCAL session_replication_role = replica")
            await admin.execute("DELETE FROM etp_inventory.packs WHERE id = $1", pack)
        await admin.close()
        await engine.dispose()
