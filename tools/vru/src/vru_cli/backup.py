"""``vru backup`` / ``vru restore``: a logical dump of the whole platform database (``pg_dump``) with a manifest,
and its restore into an empty database, checked against the manifest. Works against any PostgreSQL given by a
superuser URL; ``vru_cli.main`` finds the URL of the embedded one ``vru up`` runs. docs/backup.md says what is and is
not in a dump (roles and their passwords are the cluster's, not the database's).

A backup folder holds the dump (``platform.dump``, custom format, or ``platform.dir/``, directory format) and
``manifest.json``: when, which PostgreSQL and platform version, every table's row count, the head of the referrals
audit chain, the roles the dump names (without passwords) and a SHA-256 of each file.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import asyncpg

from vru_cli.deploy import REPO_ROOT

MANIFEST = "manifest.json"
MANIFEST_FORMAT = "vru-backup/1"
DUMP_FILES = {"custom": "platform.dump", "directory": "platform.dir"}
AUDIT_SCHEMA = "referrals_audit"
#: Every schema but PostgreSQL's own.
USER_SCHEMAS = "nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'"


class BackupError(RuntimeError):
    """A backup or restore that cannot go on; the message says why and what to do."""


def pg_tool(name: str) -> str:
    """``pg_dump``, ``pg_restore``, ``pg_basebackup``…: from ``VRU_PG_BIN`` (a folder), else the embedded PostgreSQL's
    (pgserver ships them), else the ``PATH``. A PostgreSQL newer than these tools needs ``VRU_PG_BIN``."""
    folder = os.environ.get("VRU_PG_BIN")
    if folder:
        return str(Path(folder) / name)
    try:
        from pgserver._commands import POSTGRES_BIN_PATH

        candidate = Path(POSTGRES_BIN_PATH) / name
        if candidate.exists():
            return str(candidate)
    except ImportError:
        pass
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} not found: install the PostgreSQL client tools or set VRU_PG_BIN")
    return found


def run_tool(argv: list[str]) -> str:
    result = subprocess.run(argv, capture_output=True, text=True, check=False)  # noqa: S603 - PostgreSQL's tools
    if result.returncode != 0:
        raise BackupError(f"{Path(argv[0]).name} failed ({result.returncode}): {result.stderr.strip()}")
    return result.stdout


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_checksums(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` but the manifest, by its path relative to ``folder``."""
    return {
        path.relative_to(folder).as_posix(): sha256(path)
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != MANIFEST
    }


def platform_version() -> dict[str, str | None]:
    """The platform's version and, in a checkout, its commit (``VRU_COMMIT`` in an image)."""
    try:
        version: str | None = metadata.version("vru-cli")
    except metadata.PackageNotFoundError:
        version = None
    commit = os.environ.get("VRU_COMMIT")
    if commit is None and (REPO_ROOT / ".git").exists():
        git = shutil.which("git")
        if git:
            result = subprocess.run(  # noqa: S603
                [git, "-C", str(REPO_ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, check=False
            )
            commit = result.stdout.strip() or None
    return {"version": version, "commit": commit}


# --- what the database holds ------------------------------------------------------------------------------------
async def table_counts(connection: asyncpg.Connection) -> dict[str, dict[str, int]]:
    """Rows of every table outside PostgreSQL's own schemas, by schema and table."""
    tables = await connection.fetch(
        "SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        "AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1, 2"
    )
    counts: dict[str, dict[str, int]] = {}
    for row in tables:
        quoted = await connection.fetchval("SELECT format('%I.%I', $1::text, $2::text)", row["schema"], row["name"])
        counts.setdefault(row["schema"], {})[row["name"]] = int(
            await connection.fetchval(f"SELECT count(*) FROM {quoted}")  # noqa: S608 - quoted by format()
        )
    return counts


async def audit_head(connection: asyncpg.Connection) -> dict[str, Any] | None:
    """The referrals audit chain's last seal (position and HMAC) and how many entries were not sealed yet."""
    if await connection.fetchval("SELECT to_regclass('referrals_audit.audit_chain')") is None:
        return None
    head = await connection.fetchrow(
        "SELECT position, entry_id, hash FROM referrals_audit.audit_chain ORDER BY position DESC LIMIT 1"
    )
    unsealed = await connection.fetchval(
        "SELECT count(*) FROM referrals_audit.audit_log l "
        "WHERE NOT EXISTS (SELECT 1 FROM referrals_audit.audit_chain c WHERE c.entry_id = l.id)"
    )
    return {
        "position": head["position"] if head else 0,
        "entry_id": head["entry_id"] if head else None,
        "seal": head["hash"] if head else None,
        "unsealed": int(unsealed),
    }


async def named_roles(connection: asyncpg.Connection) -> list[dict[str, Any]]:
    """The roles the dump names (owners, and grantees of the schemas, tables, sequences and database) other than
    superusers, with what a restore needs to create them again: login or not, inherit or not, their settings.
    Their passwords are not here (docs/backup.md)."""
    rows = await connection.fetch(
        f"""
        WITH named AS (
            SELECT nspowner AS role FROM pg_namespace WHERE {USER_SCHEMAS}
            UNION SELECT c.relowner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {USER_SCHEMAS}
            UNION SELECT p.proowner FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE {USER_SCHEMAS}
            UNION SELECT (aclexplode(nspacl)).grantee FROM pg_namespace WHERE {USER_SCHEMAS}
            UNION SELECT (aclexplode(c.relacl)).grantee FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {USER_SCHEMAS}
            UNION SELECT (aclexplode(datacl)).grantee FROM pg_database WHERE datname = current_database()
        )
        SELECT r.rolname, r.rolcanlogin, r.rolinherit,
               coalesce((SELECT s.setconfig FROM pg_db_role_setting s
                         WHERE s.setrole = r.oid AND s.setdatabase = 0), '{{}}') AS settings
        FROM named JOIN pg_roles r ON r.oid = named.role
        WHERE NOT r.rolsuper AND r.rolname NOT LIKE 'pg\\_%'
        ORDER BY r.rolname
        """  # noqa: S608 - constants
    )
    return [
        {"name": r["rolname"], "login": r["rolcanlogin"], "inherit": r["rolinherit"], "settings": list(r["settings"])}
        for r in rows
    ]


async def database_grants(connection: asyncpg.Connection) -> list[dict[str, str]]:
    """Who may connect to the database (``pg_dump`` leaves the database's own grants out unless it creates it)."""
    rows = await connection.fetch(
        "SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END AS grantee, "
        "a.privilege_type AS privilege "
        "FROM pg_database d, aclexplode(d.datacl) a WHERE d.datname = current_database() ORDER BY 1, 2"
    )
    return [{"grantee": r["grantee"], "privilege": r["privilege"]} for r in rows]


# --- backup -------------------------------------------------------------------------------------------------------
@dataclass
class BackupResult:
    folder: Path
    manifest: dict[str, Any]


def backup(url: str, destination: Path, *, dump_format: str = "custom") -> BackupResult:
    """Dump the database ``url`` names (a superuser's libpq URL) into the new folder ``destination`` and write its
    manifest. The row counts and the audit chain's head are read in the very snapshot ``pg_dump`` dumps."""
    if dump_format not in DUMP_FILES:
        raise BackupError(f"unknown format {dump_format!r}: custom or directory")
    if destination.exists() and any(destination.iterdir()):
        raise BackupError(f"{destination} is not empty: give a new folder for the backup")
    destination.mkdir(parents=True, exist_ok=True)
    manifest = asyncio.run(dump(url, destination / DUMP_FILES[dump_format], dump_format))
    manifest["files"] = file_checksums(destination)
    (destination / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return BackupResult(destination, manifest)


async def dump(url: str, dump_path: Path, dump_format: str) -> dict[str, Any]:
    connection = await asyncpg.connect(url)
    try:
        transaction = connection.transaction(isolation="repeatable_read", readonly=True)
        await transaction.start()
        try:
            snapshot = await connection.fetchval("SELECT pg_export_snapshot()")
            manifest: dict[str, Any] = {
                "format": MANIFEST_FORMAT,
                "kind": "logical",
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "database": await connection.fetchval("SELECT current_database()"),
                "postgresql": {"server_version": await connection.fetchval("SHOW server_version")},
                "platform": platform_version(),
                "dump": {"format": dump_format, "path": dump_path.name},
                "tables": await table_counts(connection),
                "audit_chain": await audit_head(connection),
                "roles": await named_roles(connection),
                "database_grants": await database_grants(connection),
            }
            command = [pg_tool("pg_dump"), f"--dbname={url}", f"--snapshot={snapshot}", f"--file={dump_path}"]
            command.append("--format=custom" if dump_format == "custom" else "--format=directory")
            await asyncio.to_thread(run_tool, command)
            manifest["postgresql"]["pg_dump"] = run_tool([pg_tool("pg_dump"), "--version"]).strip()
        finally:
            await transaction.rollback()
    finally:
        await connection.close()
    return manifest


# --- restore ------------------------------------------------------------------------------------------------------
def read_manifest(source: Path) -> dict[str, Any]:
    path = source / MANIFEST
    if not path.exists():
        raise BackupError(f"{path} is missing: not a backup made by `vru backup`")
    manifest: dict[str, Any] = json.loads(path.read_text())
    if manifest.get("format") != MANIFEST_FORMAT or manifest.get("kind") != "logical":
        raise BackupError(f"{path} is not a logical backup's manifest ({manifest.get('format')})")
    return manifest


def verify_checksums(source: Path, manifest: Mapping[str, Any]) -> None:
    """Every file the manifest lists is there with its checksum, and no other file is."""
    expected: dict[str, str] = dict(manifest["files"])
    found = file_checksums(source)
    problems = [f"{name}: missing" for name in sorted(set(expected) - set(found))]
    problems += [f"{name}: not in the manifest" for name in sorted(set(found) - set(expected))]
    problems += [
        f"{name}: checksum differs" for name in sorted(expected) if name in found and found[name] != expected[name]
    ]
    if problems:
        raise BackupError("the backup does not match its manifest, refusing to restore: " + "; ".join(problems))


@dataclass
class RestoreReport:
    tables: int = 0
    rows: int = 0
    created_roles: list[str] = field(default_factory=list)
    count_differences: list[str] = field(default_factory=list)
    audit: dict[str, Any] | None = None
    audit_problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.count_differences and not self.audit_problems

    def lines(self) -> list[str]:
        lines = [f"restored {self.tables} tables, {self.rows} rows"]
        if self.created_roles:
            lines.append(
                "created roles (no password: set them, e.g. by `vru up`, which provisions them, or ALTER ROLE … "
                "PASSWORD): " + ", ".join(self.created_roles)
            )
        if self.count_differences:
            lines.append("row counts differ from the manifest: " + "; ".join(self.count_differences))
        else:
            lines.append("row counts: every table as in the manifest")
        if self.audit is not None:
            lines.append(
                f"audit chain: {self.audit['checked']} seals checked, {len(self.audit['breaks'])} breaks, "
                f"{self.audit['unsealed']} entries older than a minute not sealed yet"
            )
        lines += [f"audit chain: {problem}" for problem in self.audit_problems]
        return lines


async def non_empty_reason(connection: asyncpg.Connection) -> str | None:
    tables = await connection.fetch(
        "SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        "AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1 LIMIT 5"
    )
    if tables:
        return f"it has tables ({', '.join(r['name'] for r in tables)}…)"
    return None


async def prepare_target(connection: asyncpg.Connection, manifest: Mapping[str, Any]) -> list[str]:
    """The roles the dump names (created when missing, without password) and the schemas it creates (an empty one
    provisioning made, e.g. by docker-compose's init script, is dropped: the dump creates it with its owner)."""
    created = []
    for role in manifest["roles"]:
        exists = await connection.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", role["name"])
        if not exists:
            login = "LOGIN" if role["login"] else "NOLOGIN"
            inherit = "INHERIT" if role["inherit"] else "NOINHERIT"
            await connection.execute(
                await connection.fetchval(f"SELECT format('CREATE ROLE %I {login} {inherit}', $1::text)", role["name"])
            )
            created.append(role["name"])
        for setting in role["settings"]:
            name, _, value = setting.partition("=")
            await connection.execute(
                await connection.fetchval(
                    "SELECT format('ALTER ROLE %I SET %I = %L', $1::text, $2::text, $3::text)",
                    role["name"],
                    name,
                    value,
                )
            )
    for schema in manifest["tables"]:
        empty = await connection.fetchval(
            "SELECT NOT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = $1) AND EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)",
            schema,
        )
        if empty and schema != "public":
            await connection.execute(
                await connection.fetchval("SELECT format('DROP SCHEMA %I RESTRICT', $1::text)", schema)
            )
    return created


async def grant_database(connection: asyncpg.Connection, manifest: Mapping[str, Any]) -> None:
    database = await connection.fetchval("SELECT current_database()")
    grants = manifest["database_grants"]
    if grants and not any(g["grantee"] == "PUBLIC" for g in grants):
        await connection.execute(
            await connection.fetchval("SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', $1::text)", database)
        )
    for grant in grants:
        if grant["grantee"] == "PUBLIC":
            continue
        await connection.execute(
            await connection.fetchval(
                f"SELECT format('GRANT {grant['privilege']} ON DATABASE %I TO %I', $1::text, $2::text)",
                database,
                grant["grantee"],
            )
        )


def restore(url: str, source: Path) -> RestoreReport:
    """Restore the backup in ``source`` into the EMPTY database ``url`` names (a superuser's libpq URL): checksums
    first, then the roles, ``pg_restore`` (one transaction, owners and grants as dumped), the row counts against
    the manifest, and the referrals audit chain (the service's own verify, its keys from the environment)."""
    manifest = read_manifest(source)
    verify_checksums(source, manifest)
    return asyncio.run(restore_verified(url, source / manifest["dump"]["path"], manifest))


async def restore_verified(url: str, dump: Path, manifest: Mapping[str, Any]) -> RestoreReport:
    connection = await asyncpg.connect(url)
    try:
        reason = await non_empty_reason(connection)
        if reason is not None:
            database = await connection.fetchval("SELECT current_database()")
            raise BackupError(
                f"refusing to restore into the database {database}: {reason}; restore into an empty database"
            )
        report = RestoreReport(created_roles=await prepare_target(connection, manifest))
    finally:
        await connection.close()
    await asyncio.to_thread(
        run_tool, [pg_tool("pg_restore"), f"--dbname={url}", "--exit-on-error", "--single-transaction", str(dump)]
    )
    connection = await asyncpg.connect(url)
    try:
        await grant_database(connection, manifest)
        counts = await table_counts(connection)
        restored_head = await audit_head(connection)
    finally:
        await connection.close()
    report.tables = sum(len(t) for t in counts.values())
    report.rows = sum(sum(t.values()) for t in counts.values())
    report.count_differences = count_differences(manifest["tables"], counts)
    if manifest.get("audit_chain") is not None:
        await check_audit_chain(url, manifest["audit_chain"], restored_head, report)
    return report


def count_differences(expected: Mapping[str, Mapping[str, int]], found: Mapping[str, Mapping[str, int]]) -> list[str]:
    differences = []
    for schema in sorted(set(expected) | set(found)):
        want, have = expected.get(schema, {}), found.get(schema, {})
        for table in sorted(set(want) | set(have)):
            if want.get(table) != have.get(table):
                differences.append(
                    f"{schema}.{table}: {want.get(table, 'absent')} in the manifest, "
                    f"{have.get(table, 'absent')} restored"
                )
    return differences


def asyncpg_url(url: str) -> str:
    """The SQLAlchemy URL (asyncpg driver) of a libpq URL."""
    rest = url.partition("://")[2]
    return f"postgresql+asyncpg://{rest}"


async def check_audit_chain(
    url: str, head: Mapping[str, Any], restored: Mapping[str, Any] | None, report: RestoreReport
) -> None:
    """The referrals service's own verify (every seal recomputed with the keys in ``REFERRALS_AUDIT_SEAL_KEY`` /
    ``…_PREVIOUS_KEYS``, as the service would), and the chain's head as the manifest recorded it. The service's
    anchor file is not used: a backup is older than the live anchor; the manifest is this backup's anchor."""
    from pydantic import SecretStr
    from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

    from referrals.audit import service
    from referrals.settings import ReferralsSettings

    settings = ReferralsSettings()
    if "REFERRALS_AUDIT_SEAL_KEY" not in os.environ and os.environ.get("VRU_AUDIT_SEAL_KEY"):
        settings = settings.model_copy(update={"audit_seal_key": SecretStr(os.environ["VRU_AUDIT_SEAL_KEY"])})
    sealing = service.Sealing(settings.audit_seal_key_id, settings.audit_seal_keys, anchor=None)
    engine = create_async_engine(asyncpg_url(url))
    try:
        async with AsyncSession(engine) as session:
            verification = await service.verify(session, sealing)
    finally:
        await engine.dispose()
    report.audit = verification.model_dump(mode="json")
    report.audit_problems += [f"{b.reason} (position {b.position})" for b in verification.breaks]
    if restored is None or (restored["position"], restored["seal"]) != (head["position"], head["seal"]):
        report.audit_problems.append(
            f"the chain's head is {restored and restored['position']}, the manifest recorded {head['position']}"
        )
