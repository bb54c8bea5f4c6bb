"""Two replicas of referrals against one database, as the chart runs them (docs/kubernetes.md, "Scale"):
two apps, each with its own lifespan, pool and background tasks (the audit sealer and the funding outbox
sender, every 50 ms), sharing only PostgreSQL and the audit anchor's file, as two pods share a database and a
ReadWriteMany volume. Casework goes to both at once; funding is a real HTTP server that counts what it receives.

Then: one seal chain (no fork, every entry sealed once, verify intact on both replicas, its head anchored), and
every accepted referral counted by funding exactly once."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
import pytest
import uvicorn
from fastapi import FastAPI, Request
from pydantic import SecretStr
from sqlalchemy.engine import make_url

from referrals.audit.service import GENESIS
from referrals.main import create_app
from referrals.settings import ReferralsSettings
from vru_dev.kits.referrals import Casework
from vru_dev.platform import free_port
from vru_dev.provision import create_database, provision
from vru_dev.testing import TEST_ISSUER, TestIssuer, database_url, live_app, service_root, with_database
from vru_shared import migrations

DATABASE = "vru_two_replicas"
KEY = "k8s-two-replicas-audit-seal-key-0123456789"
BOX_IT_OUT = "30ef20cc-301d-578e-b731-92f71ec7cd3a"
GRANT = "04df5c96-f0f8-5752-ab61-3425eca60bdd"
REFERRALS = 12
AUDITOR = {"roles": ["auditor"], "sub": "auditor-1"}


class Funding:
    """Funding's two endpoints that referrals calls, over real HTTP; every count it receives, and from which
    replica (each replica's peer URL has its own path prefix)."""

    def __init__(self) -> None:
        self.counts: list[dict[str, str]] = []
        self.app = FastAPI()
        self.app.get("/{replica}/v1/projects/referral-destinations")(self.destinations)
        self.app.post("/{replica}/v1/projects/{project_id}/referrals", status_code=201)(self.count)

    async def destinations(self, district: str) -> dict[str, Any]:
        project = {
            "project_id": BOX_IT_OUT,
            "code": "box-it-out",
            "name": "Box It Out",
            "description": "Made-up description.",
            "lead_organisation_name": "Box It Out CIC",
            "area": "north-kent",
            "districts": [district],
            "grant_id": GRANT,
        }
        return {"items": [project], "next_cursor": None}

    async def count(self, replica: str, project_id: str, request: Request) -> dict[str, Any]:
        body = json.loads(await request.body())
        self.counts.append(
            {"replica": replica, "key": request.headers["idempotency-key"], "referral_id": body["referral_id"]}
        )
        await asyncio.sleep(0.05)  # a slow peer: the two senders' rounds overlap
        return {
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, body["referral_id"])),
            "referral_id": body["referral_id"],
            "project_id": project_id,
            "grant_id": GRANT,
            "monitoring_return_id": None,
            "period": "2026-27 Q3",
            "accepted_at": body["accepted_at"],
            "created_at": "2026-11-21T10:00:00Z",
        }


@asynccontextmanager
async def serving(app: FastAPI) -> AsyncIterator[str]:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 - uvicorn's Server has a flag, not an event
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


@pytest.fixture
async def database(pg_admin_url: str, db_urls: dict[str, str]) -> AsyncIterator[tuple[str, str]]:
    """A database of its own (real commits), provisioned and migrated like production: (service, superuser)."""
    password = make_url(db_urls["referrals"]).password or ""
    admin = with_database(pg_admin_url, "postgres")
    connection = await asyncpg.connect(admin)
    try:
        await connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    finally:
        await connection.close()
    await create_database(admin, DATABASE)
    superuser = with_database(pg_admin_url, DATABASE)
    await provision(superuser, {"referrals": password})
    url = database_url(superuser, user="referrals", password=password)
    await migrations.upgrade(service_root("referrals"), url)
    yield url, superuser
    connection = await asyncpg.connect(admin)
    try:
        await connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    finally:
        await connection.close()


async def fetch(url: str, sql: str, *args: Any) -> list[asyncpg.Record]:
    connection = await asyncpg.connect(url)
    try:
        rows: list[asyncpg.Record] = await connection.fetch(sql, *args)
        return rows
    finally:
        await connection.close()


async def eventually(check: Callable[[], Awaitable[bool]], seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not await check():
        assert time.monotonic() < deadline, "the replicas did not finish their background work in time"
        await asyncio.sleep(0.1)


async def casework_on_both(replicas: list[Casework], i: int) -> str:
    """One accepted project referral, each step on the other replica, then audited reads on both."""
    first, second = replicas[i % 2], replicas[(i + 1) % 2]
    ids = await first.young_person(f"46/{8100 + i}/26")
    referral = await second.refer(ids, project=BOX_IT_OUT, send=True)
    await first.move(referral["id"], "accepted")
    for replica in (*replicas, *replicas):
        response = await replica.client.get(f"/v1/referrals/{referral['id']}", headers=replica.headers(replica.ANALYST))
        assert response.status_code == 200, response.text
    return str(referral["id"])


async def test_two_replicas_one_chain_and_each_count_delivered_once(
    database: tuple[str, str], issuer: TestIssuer, tmp_path: Path
) -> None:
    url, superuser = database
    funding = Funding()
    async with AsyncExitStack() as stack:
        funding_url = await stack.enter_async_context(serving(funding.app))
        replicas: list[Casework] = []
        for name in ("r0", "r1"):
            app = create_app(
                ReferralsSettings(
                    database_url=url,
                    token_issuer=TEST_ISSUER,
                    peer_urls={"funding": f"{funding_url}/{name}"},
                    audit_seal_key=SecretStr(KEY),
                    audit_anchor_path=tmp_path / "anchor.jsonl",  # one volume, mounted in both
                    audit_seal_interval_seconds=0.05,
                    audit_checkpoint_interval_seconds=0.05,
                    funding_count_interval_seconds=0.05,
                )
            )
            client = await stack.enter_async_context(live_app(app, issuer))
            replicas.append(Casework(client, issuer, app))

        referral_ids = await asyncio.gather(*(casework_on_both(replicas, i) for i in range(REFERRALS)))

        async def settled() -> bool:
            [row] = await fetch(
                superuser,
                "SELECT (SELECT count(*) FROM referrals_audit.audit_log l WHERE NOT EXISTS "
                "(SELECT 1 FROM referrals_audit.audit_chain c WHERE c.entry_id = l.id)) AS unsealed, "
                "(SELECT count(*) FROM referrals.funding_counts WHERE status <> 'delivered') AS undelivered",
            )
            return bool(row["unsealed"] == 0 and row["undelivered"] == 0)

        await eventually(settled)
        await asyncio.sleep(0.5)  # more rounds of both senders and sealers: nothing is sent or sealed twice

        # One chain: every entry sealed once, each seal after exactly one other (no fork), from the genesis.
        [chain] = await fetch(
            superuser,
            "SELECT (SELECT count(*) FROM referrals_audit.audit_log) AS entries, count(*) AS seals, "
            "count(DISTINCT entry_id) AS sealed_entries, count(DISTINCT prev_hash) AS predecessors, "
            "count(*) FILTER (WHERE prev_hash = $1) AS starts, "
            "count(*) FILTER (WHERE prev_hash NOT IN (SELECT hash FROM referrals_audit.audit_chain) "
            "AND prev_hash <> $1) AS dangling FROM referrals_audit.audit_chain",
            GENESIS,
        )
        assert chain["entries"] >= REFERRALS * 4, dict(chain)  # the reads alone: four per referral
        assert chain["seals"] == chain["sealed_entries"] == chain["predecessors"] == chain["entries"], dict(chain)
        assert (chain["starts"], chain["dangling"]) == (1, 0), dict(chain)
        for replica in replicas:
            response = await replica.client.get("/v1/audit-log/verify", headers=replica.issuer.headers(**AUDITOR))
            report = response.json()
            assert report["intact"] is True, report
            assert report["breaks"] == []
            assert report["checked"] >= chain["entries"]
            assert report["anchored_position"] is not None

        # Each accepted referral counted by funding exactly once, whichever replica sent it.
        assert sorted(c["referral_id"] for c in funding.counts) == sorted(referral_ids)
        assert {c["key"] for c in funding.counts} == {f"referral-accepted-{r}" for r in referral_ids}
        delivered = await fetch(superuser, "SELECT status, attempts FROM referrals.funding_counts")
        assert [(r["status"], r["attempts"]) for r in delivered] == [("delivered", 1)] * REFERRALS
