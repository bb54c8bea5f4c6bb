"""Backups (docs/backup.md): ``vru backup`` of a platform with data (referrals, funding, audit entries) restored
by ``vru restore`` into an empty database gives the same rows in every table, the same owners and an audit chain
that verifies; a database with tables is refused, and so is a dump that does not match its manifest. Point-in-time
recovery of the embedded PostgreSQL: a base backup and the archived WAL give back A written before the moment and
not B written after it."""

from __future__ import annotations

import asyncio
import json
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest

from vru_cli.backup import MANIFEST, audit_head, table_counts
from vru_cli.deploy import REPO_ROOT, data_dir, wal_archive
from vru_cli.main import data_location, main
from vru_dev.embedded import archive_now, start_embedded
from vru_dev.platform import Platform, PlatformConfig, Ports
from vru_dev.provision import create_database
from vru_dev.testing import with_database

from .conftest import auth, client_token, password_token

pytestmark = pytest.mark.e2e

#: A day no other end-to-end test uses.
DAY = "2018-07-19"
KNIFE_LINE_2020 = "8cc3a269-e9dd-5f2f-86e5-a4d11f13974d"  # seeded: Knife Awareness Campaign 2020/21


async def fetch(url: str, query: str, *args: Any) -> Any:
    connection = await asyncpg.connect(url)
    try:
        return await connection.fetch(query, *args)
    finally:
        await connection.close()


async def counts_and_head(url: str) -> tuple[dict[str, dict[str, int]], dict[str, Any] | None]:
    connection = await asyncpg.connect(url)
    try:
        return await table_counts(connection), await audit_head(connection)
    finally:
        await connection.close()


def write_platform_data(gateway: httpx.Client) -> None:
    """Referrals (incidents from the police feed, read by a coordinator: audit entries) and funding (an
    allocation's preview counted from them)."""
    feed = client_token(gateway, "police-crime-feed", "dev-only-police-feed-secret")
    run = uuid.uuid4().hex[:8]
    reports = [
        {
            "crime_reference": f"E2E-BACKUP-{run}/{n}",
            "occurred_at": f"{DAY}T12:00:00Z",
            "district": district,
            "category": "knife-sharp-instrument",
            "weapon_knife": True,
            "people": [{"role": "victim", "given_name": "Casey", "family_name": "Testperson", "age": 30}],
        }
        for n, district in enumerate(("swale", "medway", "thanet"))
    ]
    imported = gateway.post("/v1/imports/incidents", json={"reports": reports}, headers=auth(feed))
    assert imported.status_code == 200, imported.text
    coordinator = auth(password_token(gateway, "coordinator.medway-swale@example.org"))
    listed = gateway.get("/v1/incidents", params={"crime_reference": f"E2E-BACKUP-{run}/0"}, headers=coordinator)
    assert listed.status_code == 200, listed.text
    for incident in listed.json()["items"]:
        assert gateway.get(f"/v1/incidents/{incident['id']}", headers=coordinator).status_code == 200
    officer = auth(password_token(gateway, "programme.officer@example.org"))
    body = {
        "title": "Backup round trip",
        "budget_line_id": KNIFE_LINE_2020,
        "pot_pence": 300_000,
        "currency": "GBP",
        "basis": "knife_incidents",
        "period_from": DAY,
        "period_to": DAY,
    }
    preview = gateway.post("/v1/allocations", json=body, headers=officer)
    assert preview.status_code == 201, preview.text


def wait_sealed(url: str, timeout: float = 60.0) -> dict[str, Any]:
    """Until the referrals sealer has sealed every audit entry (it runs every few seconds)."""
    deadline = time.monotonic() + timeout
    while True:
        head = asyncio.run(counts_and_head(url))[1]
        assert head is not None
        if head["unsealed"] == 0 and head["position"] > 0:
            return head
        assert time.monotonic() < deadline, f"the audit log is not sealed: {head}"
        time.sleep(0.5)


@pytest.fixture(scope="module")
def source_url(platform: Platform, gateway: httpx.Client) -> str:
    """The session platform's database (a superuser URL), with data written through the gateway."""
    write_platform_data(gateway)
    wait_sealed(platform.admin_url)
    return platform.admin_url


@pytest.fixture(scope="module")
def backup_dir(source_url: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    destination = tmp_path_factory.mktemp("backup") / "vru-backup"
    assert main(["backup", "--url", source_url, str(destination)]) == 0
    return destination


@pytest.fixture
def pg_folder() -> Iterator[Path]:
    """A folder for data folders of their own (not pytest's numbered tmp dirs, whose top a parallel pytest run makes
    private again: PostgreSQL, run as another user when we are root, could no longer reach its data)."""
    folder = Path(tempfile.mkdtemp(prefix="vru-backup-test-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def empty_database(pg_admin_url: str) -> Iterator[str]:
    """A new, empty database in the session's PostgreSQL (its roles exist: roles are the cluster's)."""
    name = "restored_" + uuid.uuid4().hex[:8]
    asyncio.run(create_database(with_database(pg_admin_url, "postgres"), name))
    yield with_database(pg_admin_url, name)

    async def drop() -> None:
        connection = await asyncpg.connect(with_database(pg_admin_url, "postgres"))
        try:
            await connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        finally:
            await connection.close()

    asyncio.run(drop())


def test_backup_writes_a_manifest(backup_dir: Path, source_url: str) -> None:
    manifest = json.loads((backup_dir / MANIFEST).read_text())
    assert manifest["kind"] == "logical"
    assert manifest["postgresql"]["server_version"]
    assert manifest["platform"]["version"]
    assert set(manifest["files"]) == {"platform.dump"}
    assert len(manifest["files"]["platform.dump"]) == 64
    assert manifest["tables"]["referrals"]["incidents"] >= 3
    assert manifest["tables"]["funding"]["allocations"] >= 1
    assert manifest["tables"]["referrals_audit"]["audit_log"] >= 1
    head = manifest["audit_chain"]
    assert head["position"] >= 1
    assert len(head["seal"]) == 64
    roles = {role["name"]: role for role in manifest["roles"]}
    assert roles["referrals_audit"]["login"] is False  # the audit log's owner: nobody logs in as it
    assert {"identity", "referrals", "funding", "etp_inventory", "web"} <= set(roles)


def test_restore_round_trips_counts_owners_and_the_audit_chain(
    backup_dir: Path, empty_database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = json.loads((backup_dir / MANIFEST).read_text())

    assert main(["restore", "--url", empty_database, str(backup_dir)]) == 0

    out = capsys.readouterr().out
    assert "the restored database matches the backup" in out
    assert ", 0 breaks" in out
    counts, head = asyncio.run(counts_and_head(empty_database))
    assert counts == manifest["tables"]
    assert head is not None
    assert (head["position"], head["seal"]) == (
        manifest["audit_chain"]["position"],
        manifest["audit_chain"]["seal"],
    )
    owners = {
        row["schema"]: row["owner"]
        for row in asyncio.run(
            fetch(
                empty_database,
                "SELECT nspname AS schema, pg_get_userbyid(nspowner) AS owner FROM pg_namespace "
                "WHERE nspname = ANY($1::text[])",
                ["identity", "referrals", "funding", "etp_inventory", "web", "referrals_audit"],
            )
        )
    }
    assert owners == {
        "identity": "identity",
        "referrals": "referrals",
        "funding": "funding",
        "etp_inventory": "etp_inventory",
        "web": "web",
        "referrals_audit": "referrals_audit",
    }
    (log,) = asyncio.run(
        fetch(
            empty_database,
            "SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE oid = $1::regclass",
            "referrals_audit.audit_log",
        )
    )
    assert log["owner"] == "referrals_audit"
    # The service role may read the log but not change it, as before the backup.
    referrals = empty_database.replace("postgres:@", "referrals:test-referrals-password@", 1)
    assert asyncio.run(fetch(referrals, "SELECT count(*) AS n FROM referrals_audit.audit_log"))[0]["n"] >= 1
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        asyncio.run(fetch(referrals, "DELETE FROM referrals_audit.audit_log"))


def test_directory_format_round_trips(
    source_url: str, empty_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--format directory`: one file per table, each with its checksum in the manifest."""
    destination = tmp_path / "directory-backup"
    assert main(["backup", "--url", source_url, "--format", "directory", str(destination)]) == 0
    manifest = json.loads((destination / MANIFEST).read_text())
    assert len(manifest["files"]) > 2
    assert all(name.startswith("platform.dir/") for name in manifest["files"])

    assert main(["restore", "--url", empty_database, str(destination)]) == 0

    assert "the restored database matches the backup" in capsys.readouterr().out
    assert asyncio.run(counts_and_head(empty_database))[0] == manifest["tables"]


def test_restore_refuses_a_database_with_tables(
    backup_dir: Path, source_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = asyncio.run(counts_and_head(source_url))[0]

    assert main(["restore", "--url", source_url, str(backup_dir)]) == 1

    assert "refusing to restore into the database vru_e2e: it has tables" in capsys.readouterr().err
    assert asyncio.run(counts_and_head(source_url))[0]["referrals"] == before["referrals"]


def test_restore_refuses_a_tampered_dump(
    backup_dir: Path, empty_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tampered = tmp_path / "tampered"
    shutil.copytree(backup_dir, tampered)
    dump = tampered / "platform.dump"
    data = bytearray(dump.read_bytes())
    data[len(data) // 2] ^= 0xFF
    dump.write_bytes(bytes(data))

    assert main(["restore", "--url", empty_database, str(tampered)]) == 1

    assert "platform.dump: checksum differs" in capsys.readouterr().err
    assert asyncio.run(counts_and_head(empty_database))[0] == {}
    # A file slipped into the backup is refused too.
    shutil.copy(backup_dir / "platform.dump", dump)
    (tampered / "extra.sql").write_text("DROP SCHEMA referrals CASCADE;\n")
    assert main(["restore", "--url", empty_database, str(tampered)]) == 1
    assert "extra.sql: not in the manifest" in capsys.readouterr().err
    assert asyncio.run(counts_and_head(empty_database))[0] == {}


def test_the_data_folder_is_configurable_outside_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`VRU_DATA_DIR` moves vru up's data (and its WAL archive, unless VRU_WAL_ARCHIVE says otherwise); the default
    stays `.vru` in the checkout, so a fresh clone works."""
    for name in ("VRU_DATA_DIR", "VRU_WAL_ARCHIVE", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    assert data_dir() == REPO_ROOT / ".vru"
    monkeypatch.setenv("VRU_DATA_DIR", str(tmp_path / "vru-data"))
    assert data_dir() == tmp_path / "vru-data"
    assert wal_archive(data_dir()) == tmp_path / "vru-data" / "wal-archive"
    monkeypatch.setenv("VRU_WAL_ARCHIVE", "off")
    assert wal_archive(data_dir()) is None

    assert "inside the checkout (git clean -fdx deletes it)" in data_location(REPO_ROOT / ".vru", None, None)
    elsewhere = data_location(tmp_path / "vru-data", None, tmp_path / "vru-data" / "wal-archive")
    assert (
        elsewhere
        == f"vru: data in {tmp_path / 'vru-data'} (PostgreSQL: pgdata/, WAL archive: {tmp_path}/vru-data/wal-archive)"
    )

    # vru backup finds the database from the data folder; nothing runs there, and it says so.
    assert main(["backup", str(tmp_path / "backup")]) == 2
    assert f"the embedded PostgreSQL of {tmp_path / 'vru-data'} is not running" in capsys.readouterr().err


def test_the_suites_databases_do_not_archive_wal(pg_admin_url: str) -> None:
    """Archiving is for `vru up`'s PostgreSQL; the suite's pays nothing for it."""
    assert asyncio.run(fetch(with_database(pg_admin_url, "postgres"), "SHOW archive_mode"))[0]["archive_mode"] == "off"


@pytest.mark.faults
def test_point_in_time_recovery(pg_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """vru up's embedded PostgreSQL archives its WAL; `vru backup --base` then `vru restore --base … --to T` gives
    a new data folder as it was at T: A (written before T) is there, B (after T) is not."""
    data_dir = pg_folder / "data"
    pg = start_embedded(data_dir / "pgdata", data_dir / "wal-archive")
    try:
        url = with_database(pg.get_uri(), "postgres")
        asyncio.run(fetch(url, "CREATE TABLE notes (body text NOT NULL)"))
        assert main(["backup", "--base", "--url", url, "--data-dir", str(data_dir), str(pg_folder / "base")]) == 0
        asyncio.run(fetch(url, "INSERT INTO notes VALUES ('A')"))
        time.sleep(0.3)
        (moment,) = asyncio.run(fetch(url, "SELECT clock_timestamp()::text AS now"))
        time.sleep(0.3)
        asyncio.run(fetch(url, "INSERT INTO notes VALUES ('B')"))
        archive_now(url)
        assert any((data_dir / "wal-archive").iterdir())
    finally:
        pg.cleanup()
    recovered = pg_folder / "recovered"

    code = main(["restore", "--base", str(pg_folder / "base"), "--to", moment["now"], "--data-dir", str(recovered)])

    assert code == 0, capsys.readouterr().err
    pg = start_embedded(recovered / "pgdata", recovered / "wal-archive")
    try:
        rows = asyncio.run(fetch(with_database(pg.get_uri(), "postgres"), "SELECT body FROM notes ORDER BY body"))
        assert [row["body"] for row in rows] == ["A"]
    finally:
        pg.cleanup()


@pytest.mark.faults
def test_backup_of_vru_up_restores_on_a_fresh_machine(pg_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`vru backup` of the running embedded PostgreSQL (found from the data folder), `vru restore` into a new data
    folder (a new cluster: the roles, the audit log's NOLOGIN owner included, are created), then `vru up` on it:
    the data is there and the audit chain verifies through the API."""
    config = PlatformConfig(data_dir=pg_folder / "old", ports=Ports.free(), wal_archive=pg_folder / "old" / "wal")
    first = Platform(config)
    try:
        first.start()
        with httpx.Client(base_url=config.gateway_url, timeout=10) as gateway:
            write_platform_data(gateway)
        wait_sealed(first.admin_url)
        archive_now(with_database(first.admin_url, "postgres"))
        assert any((pg_folder / "old" / "wal").iterdir())  # vru up's PostgreSQL archives its WAL
        code = main(["backup", "--data-dir", str(config.data_dir), str(pg_folder / "backup")])
        assert code == 0, capsys.readouterr().err
    finally:
        first.stop()
    manifest = json.loads((pg_folder / "backup" / MANIFEST).read_text())

    code = main(["restore", "--data-dir", str(pg_folder / "new"), str(pg_folder / "backup")])

    out = capsys.readouterr().out
    assert code == 0, out
    assert "created roles" in out
    assert "referrals_audit" in out
    second = Platform(PlatformConfig(data_dir=pg_folder / "new", ports=Ports.free()))
    try:
        second.start()  # provisions (passwords), migrates (nothing to do) and seeds (nothing new) the restored data
        counts, head = asyncio.run(counts_and_head(second.admin_url))
        for schema in ("referrals", "funding", "referrals_audit"):
            assert counts[schema] == manifest["tables"][schema], schema
        assert head is not None
        assert head["position"] == manifest["audit_chain"]["position"]
        with httpx.Client(base_url=second.config.gateway_url, timeout=10) as gateway:
            auditor = auth(password_token(gateway, "auditor@example.org"))
            verified = gateway.get("/v1/audit-log/verify", headers=auditor)
            assert verified.status_code == 200, verified.text
            assert verified.json()["breaks"] == []
            assert verified.json()["checked"] >= manifest["audit_chain"]["position"]
    finally:
        second.stop()
