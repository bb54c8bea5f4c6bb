"""The audit log against whoever holds the database: the referrals service's own credentials, and the
superuser. Each test has a database of its own (the session's must stay intact), real commits, the sealer's
key outside the database and an anchor file outside it; what verify reports is asserted for each attack.

The trust model is in docs/security.md, "The audit log"."""

# ruff: noqa: S608 - the attacker's SQL is built from ids and hashes the test made itself

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from fastapi import FastAPI
from pydantic import SecretStr
from sqlalchemy.engine import make_url

from referrals.audit import service
from referrals.audit.repository import AuditRepository
from referrals.audit.schemas import AuditAction
from referrals.main import create_app
from referrals.settings import ReferralsSettings
from vru_dev.kits.referrals import Casework
from vru_dev.provision import create_database, provision
from vru_dev.testing import (
    TEST_ISSUER,
    TestIssuer,
    count_statements,
    database_url,
    live_app,
    service_root,
    with_database,
)
from vru_shared import migrations
from vru_shared.auth import Principal, PrincipalKind

AUDITOR = {"roles": ["auditor"]}
TEMPLATE = "vru_audit_trust_template"
KEY = "Xq7-audit-trust-test-key-not-a-default-9Zp"


def plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


@pytest.fixture(scope="module")
async def template(pg_admin_url: str, db_urls: dict[str, str]) -> str:
    """A database provisioned and migrated like production, to copy for each test."""
    password = make_url(db_urls["referrals"]).password or ""
    admin = with_database(pg_admin_url, "postgres")
    connection = await asyncpg.connect(admin)
    try:
        await connection.execute(f"DROP DATABASE IF EXISTS {TEMPLATE}")
    finally:
        await connection.close()
    await create_database(admin, TEMPLATE)
    await provision(with_database(pg_admin_url, TEMPLATE), {"referrals": password})
    url = database_url(with_database(pg_admin_url, TEMPLATE), user="referrals", password=password)
    await migrations.upgrade(service_root("referrals"), url)
    return password


@dataclass
class World:
    app: FastAPI
    client: httpx.AsyncClient
    issuer: TestIssuer
    service_url: str  # the referrals role's own credentials
    superuser_url: str
    anchor: Path

    async def record(self, count: int) -> list[int]:
        """``count`` audited reads, committed; their entry ids."""
        last = await self.sql(self.superuser_url, "SELECT coalesce(max(id), 0) AS id FROM referrals_audit.audit_log")
        async with self.app.state.sessionmaker() as session, session.begin():
            for i in range(count):
                await service.record(
                    session,
                    principal=Principal(
                        f"reader-{i}",
                        PrincipalKind.PERSON,
                        TEST_ISSUER,
                        uuid.uuid4(),
                        frozenset({"coordinator"}),
                        frozenset(),
                        frozenset(),
                    ),
                    action=AuditAction.READ,
                    record_type="review",
                    record_ids=[uuid.uuid4()],
                    purpose="review queue",
                )
        rows = await self.sql(
            self.superuser_url, f"SELECT id FROM referrals_audit.audit_log WHERE id > {last[0]['id']} ORDER BY id"
        )
        return [row["id"] for row in rows]

    async def seal_and_anchor(self) -> None:
        sealing = service.Sealing.from_settings(self.app.state.settings)
        async with self.app.state.sessionmaker() as session, session.begin():
            await service.seal(session, sealing)
        async with self.app.state.sessionmaker() as session, session.begin():
            await service.checkpoint(session, sealing)

    async def verify(self) -> dict[str, Any]:
        response = await self.client.get("/v1/audit-log/verify", headers=self.issuer.headers(**AUDITOR))
        assert response.status_code == 200
        report: dict[str, Any] = response.json()
        return report

    @staticmethod
    async def sql(url: str, *statements: str) -> list[asyncpg.Record]:
        connection = await asyncpg.connect(plain(url))
        try:
            rows: list[asyncpg.Record] = []
            for statement in statements:
                rows = await connection.fetch(statement)
            return rows
        finally:
            await connection.close()


@pytest.fixture
async def world(
    template: str, pg_admin_url: str, issuer: TestIssuer, tmp_path: Path, request: pytest.FixtureRequest
) -> AsyncIterator[World]:
    name = "vru_audit_" + hashlib.sha1(request.node.nodeid.encode()).hexdigest()[:12]  # noqa: S324 - a name
    admin = await asyncpg.connect(with_database(pg_admin_url, "postgres"))
    try:
        await admin.execute(f"DROP DATABASE IF EXISTS {name}")
        await admin.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
    finally:
        await admin.close()
    superuser_url = with_database(pg_admin_url, name)
    await provision(superuser_url, {"referrals": template})  # database-level grants are not in a template
    service_url = database_url(superuser_url, user="referrals", password=template)
    settings = ReferralsSettings(
        database_url=service_url,
        token_issuer=TEST_ISSUER,
        audit_seal_interval_seconds=3600,
        funding_count_interval_seconds=3600,
        audit_seal_key=KEY,
        audit_anchor_path=tmp_path / "anchor.jsonl",
    )
    app = create_app(settings)
    async with live_app(app, issuer) as client:
        yield World(app, client, issuer, service_url, superuser_url, tmp_path / "anchor.jsonl")
    admin = await asyncpg.connect(with_database(pg_admin_url, "postgres"))
    try:
        await admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    finally:
        await admin.close()


async def sealed_world(world: World, count: int = 5) -> list[int]:
    ids = await world.record(count)
    await world.seal_and_anchor()
    report = await world.verify()
    assert report["intact"] is True, report
    assert report["checked"] == count
    assert report["anchored_position"] == count
    return ids


def reasons(report: dict[str, Any]) -> list[str]:
    return [b["reason"] for b in report["breaks"]]


# --- the service's own credentials --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statement", "refusal"),
    [
        ("UPDATE referrals_audit.audit_log SET purpose = 'x'", asyncpg.InsufficientPrivilegeError),
        ("DELETE FROM referrals_audit.audit_log", asyncpg.InsufficientPrivilegeError),
        ("TRUNCATE referrals_audit.audit_log", asyncpg.InsufficientPrivilegeError),
        ("UPDATE referrals_audit.audit_chain SET hash = 'x'", asyncpg.InsufficientPrivilegeError),
        ("DELETE FROM referrals_audit.audit_chain", asyncpg.InsufficientPrivilegeError),
        ("ALTER TABLE referrals_audit.audit_log DISABLE TRIGGER USER", asyncpg.InsufficientPrivilegeError),
        ("ALTER TABLE referrals_audit.audit_log OWNER TO referrals", asyncpg.InsufficientPrivilegeError),
        ("DROP TABLE referrals_audit.audit_chain", asyncpg.InsufficientPrivilegeError),
        ("DROP SCHEMA referrals_audit CASCADE", asyncpg.InsufficientPrivilegeError),
        ("SET ROLE referrals_audit", asyncpg.InsufficientPrivilegeError),
        ("GRANT referrals_audit TO referrals", asyncpg.InsufficientPrivilegeError),
        (
            "CREATE OR REPLACE FUNCTION referrals_audit.refuse_change() RETURNS trigger LANGUAGE plpgsql "
            "AS $$ BEGIN RETURN NEW; END $$",
            asyncpg.InsufficientPrivilegeError,
        ),
        ("CREATE TABLE referrals_audit.shadow (id int)", asyncpg.InsufficientPrivilegeError),
        # Only the columns an entry or a seal is made of: the id, the time and the position are the database's.
        (
            "INSERT INTO referrals_audit.audit_log (id, actor_subject, actor_kind, roles, action, record_type, "
            "record_ids, purpose) VALUES (1, 'x', 'person', '{}', 'read', 'review', '{}', 'backfill')",
            asyncpg.InsufficientPrivilegeError,
        ),
        (
            "INSERT INTO referrals_audit.audit_log (occurred_at, actor_subject, actor_kind, roles, action, "
            "record_type, record_ids, purpose) VALUES ('2020-01-01', 'x', 'person', '{}', 'read', 'review', '{}', "
            "'backdated')",
            asyncpg.InsufficientPrivilegeError,
        ),
        (
            "INSERT INTO referrals_audit.audit_chain (position, entry_id, prev_hash, hash, key_id) "
            "VALUES (1, 1, 'x', 'y', '1')",
            asyncpg.InsufficientPrivilegeError,
        ),
    ],
)
async def test_the_service_role_cannot_change_or_take_over_the_log(
    world: World, statement: str, refusal: type[Exception]
) -> None:
    await sealed_world(world, 3)
    with pytest.raises(refusal):
        await world.sql(world.service_url, statement)
    assert (await world.verify())["intact"] is True


async def test_granting_itself_more_changes_nothing(world: World) -> None:
    await sealed_world(world, 3)
    connection = await asyncpg.connect(plain(world.service_url))
    try:
        # A role without the grant option gets a warning and no privilege.
        await connection.execute("GRANT UPDATE, DELETE, TRUNCATE ON referrals_audit.audit_log TO referrals")
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await connection.execute("DELETE FROM referrals_audit.audit_log")
    finally:
        await connection.close()
    assert (await world.verify())["intact"] is True


async def test_a_seal_forged_with_the_services_credentials_is_reported(world: World) -> None:
    """The service may add seals (the sealer does), but without the key it cannot make a genuine one."""
    await sealed_world(world, 3)
    [entry] = await world.record(1)  # the newest entry
    head = await world.sql(
        world.superuser_url, "SELECT hash FROM referrals_audit.audit_chain ORDER BY position DESC LIMIT 1"
    )
    forged = hashlib.sha256(b"no key").hexdigest()
    await world.sql(
        world.service_url,
        "INSERT INTO referrals_audit.audit_chain (entry_id, prev_hash, hash, key_id) "
        f"VALUES ({entry}, '{head[0]['hash']}', '{forged}', '1')",
    )
    report = await world.verify()
    assert report["intact"] is False
    assert reasons(report) == ["the entry or its seal changed after it was sealed"]
    assert report["breaks"][0]["entry_id"] == entry


# --- the superuser --------------------------------------------------------------------------------------


async def test_an_entry_edited_by_the_superuser_is_reported(world: World) -> None:
    ids = await sealed_world(world, 5)
    await world.sql(
        world.superuser_url,
        "ALTER TABLE referrals_audit.audit_log DISABLE TRIGGER USER",
        f"UPDATE referrals_audit.audit_log SET actor_subject = 'someone-else' WHERE id = {ids[2]}",
        "ALTER TABLE referrals_audit.audit_log ENABLE TRIGGER USER",
    )
    report = await world.verify()
    assert report["intact"] is False
    assert [(b["entry_id"], b["reason"]) for b in report["breaks"]] == [
        (ids[2], "the entry or its seal changed after it was sealed")
    ]


async def test_a_log_resealed_by_the_superuser_is_reported(world: World) -> None:
    """Edit an entry and recompute every seal after it, as the old unkeyed chain allowed: without the key the
    seals do not verify, and the anchored head no longer matches."""
    ids = await sealed_world(world, 5)
    await world.sql(
        world.superuser_url,
        "ALTER TABLE referrals_audit.audit_log DISABLE TRIGGER USER",
        "ALTER TABLE referrals_audit.audit_chain DISABLE TRIGGER USER",
        f"UPDATE referrals_audit.audit_log SET purpose = 'nothing to see' WHERE id = {ids[1]}",
    )
    async with world.app.state.sessionmaker() as session:
        entries = {e.id: e for e in await AuditRepository(session).after(0, 100)}
    prev = service.GENESIS
    statements = []
    for position, entry_id in enumerate(ids, start=1):
        guessed = service.link(b"dev-only-audit-seal-key", prev, entries[entry_id])  # the shipped default key
        statements.append(
            f"UPDATE referrals_audit.audit_chain SET prev_hash = '{prev}', hash = '{guessed}' "
            f"WHERE position = {position}"
        )
        prev = guessed
    await world.sql(world.superuser_url, *statements)
    report = await world.verify()
    assert report["intact"] is False
    assert reasons(report).count("the entry or its seal changed after it was sealed") == 5
    assert "the chain differs from the anchored checkpoint here (rewritten)" in reasons(report)


async def test_the_newest_entries_cut_by_the_superuser_are_reported(world: World) -> None:
    """Deleting the newest entry with its seal leaves a chain intact as far as it goes: the anchor shows it."""
    ids = await sealed_world(world, 5)
    await world.sql(
        world.superuser_url,
        "ALTER TABLE referrals_audit.audit_log DISABLE TRIGGER USER",
        "ALTER TABLE referrals_audit.audit_chain DISABLE TRIGGER USER",
        f"DELETE FROM referrals_audit.audit_chain WHERE entry_id = {ids[-1]}",
        f"DELETE FROM referrals_audit.audit_log WHERE id = {ids[-1]}",
    )
    report = await world.verify()
    assert report["intact"] is False
    assert report["checked"] == 4
    assert reasons(report) == ["the chain ends at position 4 but was anchored at 5 (entries were removed from its end)"]


async def test_an_entry_deleted_from_the_middle_is_reported(world: World) -> None:
    ids = await sealed_world(world, 5)
    await world.sql(
        world.superuser_url,
        "ALTER TABLE referrals_audit.audit_log DISABLE TRIGGER USER",
        "ALTER TABLE referrals_audit.audit_chain DISABLE TRIGGER USER",
        f"DELETE FROM referrals_audit.audit_log WHERE id = {ids[2]}",
    )
    report = await world.verify()
    assert reasons(report) == ["the sealed entry is missing (deleted)"]
    await world.sql(world.superuser_url, f"DELETE FROM referrals_audit.audit_chain WHERE entry_id = {ids[2]}")
    report = await world.verify()
    assert reasons(report) == ["the chain is broken before this entry (a seal was removed)"]
    assert report["breaks"][0]["entry_id"] == ids[3]


async def test_an_edited_anchor_is_reported(world: World) -> None:
    await sealed_world(world, 3)
    line = json.loads(world.anchor.read_text().splitlines()[-1])
    world.anchor.write_text(json.dumps({**line, "position": 1}) + "\n")  # claims an earlier head
    report = await world.verify()
    assert report["intact"] is False
    assert reasons(report) == ["the anchor has lines that are not genuine checkpoints: 1"]
    assert report["anchored_position"] is None


async def test_the_sealer_anchors_the_head_outside_the_database(world: World) -> None:
    await world.record(2)
    await world.seal_and_anchor()
    await world.record(3)
    await world.seal_and_anchor()
    lines = [json.loads(line) for line in world.anchor.read_text().splitlines()]
    assert [line["position"] for line in lines] == [2, 5]
    assert {"entry_id", "hash", "key_id", "at", "mac"} <= set(lines[-1])
    report = await world.verify()
    assert (report["intact"], report["anchored_position"]) == (True, 5)


async def test_a_rotated_key_still_verifies_the_old_seals(world: World) -> None:
    await sealed_world(world, 2)
    old = world.app.state.settings
    settings = old.model_copy(
        update={
            "audit_seal_key": SecretStr("a-new-key-after-rotation-7Hd"),
            "audit_seal_key_id": "2",
            "audit_seal_previous_keys": {"1": old.audit_seal_key},
        }
    )
    world.app.state.settings, world.app.state.sealing = settings, None
    await world.record(2)
    await world.seal_and_anchor()
    seals = await world.sql(world.superuser_url, "SELECT key_id FROM referrals_audit.audit_chain ORDER BY position")
    assert [s["key_id"] for s in seals] == ["1", "1", "2", "2"]
    assert (await world.verify())["intact"] is True


# --- a log made before it had its own owner --------------------------------------------------------------


async def test_provisioning_adopts_a_log_the_service_owned(
    pg_admin_url: str, db_urls: dict[str, str], issuer: TestIssuer, tmp_path: Path
) -> None:
    """An existing database (the service owned ``referrals.audit_log``): provisioning moves the entries, with
    their ids and times, to the owner's schema; the migration removes what is left; the sealer seals them."""
    password = make_url(db_urls["referrals"]).password or ""
    name = "vru_audit_adopt"
    admin_url = with_database(pg_admin_url, "postgres")
    await World.sql(admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    await create_database(admin_url, name)
    superuser_url = with_database(pg_admin_url, name)
    service_url = database_url(superuser_url, user="referrals", password=password)
    try:
        await provision(superuser_url, {"referrals": password}, superuser_provisioning=False)
        await migrations.upgrade(service_root("referrals"), service_url, "a7_reviews_serial_scans")
        await World.sql(
            service_url,
            "INSERT INTO referrals.audit_log (actor_subject, actor_kind, roles, action, record_type, record_ids, "
            "purpose, occurred_at) SELECT 'old-' || n, 'person', '{analyst}', 'read', 'review', '{}', 'queue', "
            "'2026-11-25T10:00:00Z'::timestamptz + n * interval '1 minute' FROM generate_series(1, 3) AS n",
        )
        before = [tuple(r) for r in await World.sql(service_url, "SELECT id, occurred_at FROM referrals.audit_log")]

        await provision(superuser_url, {"referrals": password})
        await migrations.upgrade(service_root("referrals"), service_url)

        after = await World.sql(superuser_url, "SELECT id, occurred_at FROM referrals_audit.audit_log ORDER BY id")
        assert [tuple(r) for r in after] == before
        left = await World.sql(
            superuser_url,
            "SELECT to_regclass('referrals.audit_log') AS log, to_regclass('referrals.audit_chain') AS chain",
        )
        assert (left[0]["log"], left[0]["chain"]) == (None, None)
        owner = await World.sql(
            superuser_url, "SELECT tableowner FROM pg_tables WHERE schemaname = 'referrals_audit' ORDER BY tablename"
        )
        assert [r["tableowner"] for r in owner] == ["referrals_audit", "referrals_audit"]
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await World.sql(service_url, "DELETE FROM referrals_audit.audit_log")

        settings = ReferralsSettings(
            database_url=service_url,
            token_issuer=TEST_ISSUER,
            audit_seal_interval_seconds=3600,
            funding_count_interval_seconds=3600,
            audit_seal_key=KEY,
            audit_anchor_path=tmp_path / "anchor.jsonl",
        )
        app = create_app(settings)
        async with live_app(app, issuer) as client:
            world = World(app, client, issuer, service_url, superuser_url, tmp_path / "anchor.jsonl")
            await world.seal_and_anchor()
            report = await world.verify()
            assert (report["intact"], report["checked"], report["anchored_position"]) == (True, 3, 3)
    finally:
        await World.sql(admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


class TestAuditedReadsInOneRoundTrip:
    """The hot reads (a referral, a review) run their one statement — the read with its audit row as a CTE — in
    PostgreSQL's own transaction of one statement (``vru_shared.db.one_statement_rows``), with the service's real
    pool and commits: no BEGIN and no COMMIT round trip, and still the audit row is committed with the read, or
    the read is refused (issue 17)."""

    @staticmethod
    async def _reads(world: World) -> tuple[Casework, list[tuple[str, str, str]]]:
        casework = Casework(world.client, world.issuer, world.app)
        ids = await casework.young_person("46/931/26", "swale")
        referral = await casework.refer(ids, forum="mam-medway-swale")
        return casework, [
            (f"/v1/referrals/{referral['id']}", "referral", str(referral["id"])),
            (f"/v1/reviews/{ids['review']}", "review", str(ids["review"])),
        ]

    async def _audited(self, world: World, record_type: str, record: str) -> int:
        rows = await world.sql(
            world.superuser_url,
            "SELECT count(*) FROM referrals_audit.audit_log WHERE action = 'read' AND record_type = "
            f"'{record_type}' AND '{record}' = ANY(record_ids)",
        )
        return int(rows[0][0])

    @pytest.mark.parametrize("token", ["ANALYST", "MEDWAY_SWALE"])
    async def test_a_hot_read_is_one_round_trip_and_its_audit_row_is_committed(self, world: World, token: str) -> None:
        casework, reads = await self._reads(world)
        headers = casework.headers(getattr(casework, token))
        for url, record_type, record in reads:
            assert (await world.client.get(url, headers=headers)).status_code == 200  # warm the caches
            before = await self._audited(world, record_type, record)
            with count_statements() as log:
                response = await world.client.get(url, headers=headers)
            assert response.status_code == 200, response.text
            assert response.json()["id"] == record
            # Was 1 statement in 3 round trips: BEGIN, the statement, COMMIT.
            assert (log.count, log.begins, log.commits, log.round_trips) == (1, 0, 0, 1), log
            assert log.statements[0].startswith("WITH audit AS (INSERT INTO referrals_audit.audit_log"), log
            # committed: another connection sees it as soon as the answer is back
            assert await self._audited(world, record_type, record) == before + 1

    async def test_a_read_whose_audit_row_cannot_be_written_is_refused(self, world: World) -> None:
        casework, reads = await self._reads(world)
        headers = casework.headers(casework.ANALYST)
        await world.sql(  # every new read entry refused by the database, as a failing audit write would be
            world.superuser_url,
            "ALTER TABLE referrals_audit.audit_log ADD CONSTRAINT no_more_reads CHECK (action <> 'read') NOT VALID",
        )
        for url, record_type, record in reads:
            before = await self._audited(world, record_type, record)
            response = await world.client.get(url, headers=headers)
            assert response.status_code == 500, response.text
            assert response.headers["content-type"] == "application/problem+json"
            problem = response.json()
            assert problem["type"].endswith("/internal-error"), problem
            assert "version" not in problem  # nothing of the record is shown
            assert "events" not in problem
            assert await self._audited(world, record_type, record) == before
