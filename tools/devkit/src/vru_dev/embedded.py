"""Development only (``vru_dev``). The embedded PostgreSQL's data folder over time: WAL archiving (``vru up``), base
backups (``vru backup --base``) and point-in-time recovery into a new data folder (``vru restore --base … --to …``).
docs/backup.md describes the procedure.

The archive is a folder (``<data dir>/wal-archive`` unless configured) that PostgreSQL copies each finished WAL
segment into. A base backup plus the archived WAL after it recover the database to any moment since the backup.
"""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import shutil
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg

from vru_cli.backup import BackupError, pg_tool, platform_version, run_tool
from vru_dev.testing import with_database

BASE_MANIFEST = "manifest.json"
BASE_FORMAT = "vru-base-backup/1"
#: A segment with changes is archived after at most this many seconds even when not full (16 MB): what point-in-time
#: recovery can lose at most, at the price of up to 16 MB in the archive per period with writes.
ARCHIVE_TIMEOUT = "300"
#: PostgreSQL runs as this user when we are root (pgserver's choice): it must own what it writes.
PG_SYSTEM_USER = "pgserver"


def system_user() -> str | None:
    return PG_SYSTEM_USER if os.geteuid() == 0 else None


def give_to_postgres(path: Path, *, recursive: bool = True) -> None:
    """``path`` (and everything under it) owned by the user PostgreSQL runs as, when that is not us; the folders
    above it made passable."""
    user = system_user()
    if user is None:
        return
    from pgserver.utils import ensure_prefix_permissions

    ensure_prefix_permissions(path)
    shutil.chown(path, user, user)
    for child in path.rglob("*") if recursive else ():
        shutil.chown(child, user, user)


def archive_command(archive: Path) -> str:
    """Copy a finished segment into ``archive``, never over one already there (a second cluster archiving into the
    same folder fails loudly instead of overwriting)."""
    folder = shlex.quote(str(archive))
    return f"test ! -f {folder}/%f && cp %p {folder}/%f"


def restore_command(archive: Path) -> str:
    return f"cp {shlex.quote(str(archive))}/%f %p"


def postgres_url(pg: Any, database: str = "postgres") -> str:
    return with_database(pg.get_uri(), database)


async def _settings(url: str, names: tuple[str, ...]) -> dict[str, str]:
    connection = await asyncpg.connect(url)
    try:
        rows = await connection.fetch("SELECT name, setting FROM pg_settings WHERE name = ANY($1::text[])", list(names))
        return {r["name"]: r["setting"] for r in rows}
    finally:
        await connection.close()


async def _alter_system(url: str, settings: dict[str, str | None]) -> None:
    connection = await asyncpg.connect(url)
    try:
        for name, value in settings.items():
            if value is None:
                statement = await connection.fetchval("SELECT format('ALTER SYSTEM RESET %I', $1::text)", name)
            else:
                statement = await connection.fetchval(
                    "SELECT format('ALTER SYSTEM SET %I = %L', $1::text, $2::text)", name, value
                )
            await connection.execute(statement)
        await connection.execute("SELECT pg_reload_conf()")
    finally:
        await connection.close()


def start_embedded(pgdata: Path, archive: Path | None) -> Any:
    """The embedded PostgreSQL on ``pgdata``, archiving its WAL into ``archive`` (None: not archiving). Turning
    archiving on or off takes a restart of the postmaster (once, when the setting changes)."""
    import asyncio

    import pgserver

    pgdata.mkdir(parents=True, exist_ok=True)
    pg = pgserver.get_server(pgdata, cleanup_mode="stop")
    url = postgres_url(pg)
    current = asyncio.run(_settings(url, ("archive_mode", "archive_command", "archive_timeout")))
    if archive is None:
        if current.get("archive_mode") == "off":
            return pg
        wanted: dict[str, str | None] = {"archive_mode": None, "archive_command": None, "archive_timeout": None}
    else:
        archive.mkdir(parents=True, exist_ok=True)
        give_to_postgres(archive, recursive=False)
        wanted = {"archive_mode": "on", "archive_command": archive_command(archive), "archive_timeout": ARCHIVE_TIMEOUT}
        if all(current.get(name) == value for name, value in wanted.items()):
            return pg
    asyncio.run(_alter_system(url, wanted))
    if current.get("archive_mode") != ("off" if archive is None else "on"):
        pg.cleanup()  # archive_mode takes a restart
        pg = pgserver.get_server(pgdata, cleanup_mode="stop")
    return pg


def running_url(data_dir: Path, database: str) -> str | None:
    """The superuser URL of the embedded PostgreSQL ``vru up`` runs on ``data_dir``, if it is running."""
    from pgserver.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(data_dir / "pgdata")
    if info is None or not info.is_running():
        return None
    return str(info.get_uri(database=database))


# --- base backups -------------------------------------------------------------------------------------------------
def base_backup(url: str, destination: Path, archive: Path | None) -> dict[str, Any]:
    """``pg_basebackup`` (plain format, the WAL it needs streamed in) of the cluster ``url`` points at into the new
    folder ``destination``/base, with a manifest naming the WAL archive that recovery past the backup reads."""
    if destination.exists() and any(destination.iterdir()):
        raise BackupError(f"{destination} is not empty: give a new folder for the base backup")
    destination.mkdir(parents=True, exist_ok=True)
    run_tool(
        [
            pg_tool("pg_basebackup"),
            f"--dbname={url}",
            f"--pgdata={destination / 'base'}",
            "--format=plain",
            "--wal-method=stream",
            "--checkpoint=fast",
            "--no-password",
        ]
    )
    manifest = {
        "format": BASE_FORMAT,
        "kind": "base",
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "postgresql": {"pg_basebackup": run_tool([pg_tool("pg_basebackup"), "--version"]).strip()},
        "platform": platform_version(),
        "wal_archive": str(archive) if archive else None,
    }
    (destination / BASE_MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def archive_now(url: str, timeout: float = 60.0) -> str:
    """Close the current WAL segment and wait until the archiver has copied it: everything committed so far is in
    the archive. Returns the segment's name."""
    import asyncio

    async def switch_and_wait() -> str:
        connection = await asyncpg.connect(url)
        try:
            segment: str = await connection.fetchval("SELECT pg_walfile_name(pg_switch_wal())")
            deadline = time.monotonic() + timeout
            while True:
                done = await connection.fetchval(
                    "SELECT last_archived_wal >= $1 FROM pg_stat_archiver WHERE last_archived_wal IS NOT NULL", segment
                )
                if done:
                    return segment
                if time.monotonic() > deadline:
                    failed = await connection.fetchrow("SELECT last_failed_wal, last_failed_time FROM pg_stat_archiver")
                    raise BackupError(
                        f"the WAL segment {segment} was not archived in {timeout:.0f}s "
                        f"(archiver: {dict(failed) if failed else {}})"
                    )
                await asyncio.sleep(0.2)
        finally:
            await connection.close()

    return asyncio.run(switch_and_wait())


# --- point-in-time recovery ---------------------------------------------------------------------------------------
def recover(base: Path, data_dir: Path, target_time: str, archive: Path | None = None, timeout: float = 600.0) -> str:
    """A new data folder ``data_dir`` recovered from the base backup ``base`` to ``target_time`` (a timestamp with a
    time zone) by replaying the archived WAL (``archive``, else the one the base backup's manifest names), then
    promoted: the embedded PostgreSQL is started on it, recovers, and is stopped again. Returns where recovery
    stopped. ``vru up --data-dir <data_dir>`` then runs the platform on it."""
    import pgserver

    manifest = json.loads((base / BASE_MANIFEST).read_text())
    if manifest.get("format") != BASE_FORMAT:
        raise BackupError(f"{base} is not a base backup made by `vru backup --base`")
    source_archive = archive or (Path(manifest["wal_archive"]) if manifest.get("wal_archive") else None)
    if source_archive is None or not source_archive.is_dir():
        raise BackupError(f"the WAL archive {source_archive} is not there: give it with --wal-archive")
    datetime.fromisoformat(target_time)  # refuse a malformed target before copying anything
    pgdata = data_dir / "pgdata"
    if pgdata.exists() and any(pgdata.iterdir()):
        raise BackupError(f"{pgdata} is not empty: recover into a new data folder")
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copytree(base / "base", pgdata, dirs_exist_ok=True)
    for leftover in ("postmaster.pid", "postmaster.opts", ".handle_pids.json"):
        (pgdata / leftover).unlink(missing_ok=True)
    # The embedded server keeps its socket in the data folder, so the base backup holds the socket's lock file
    # (pg_basebackup skips only the socket): naming the source's postmaster, still running, it would stop this
    # one from starting ("lock file … already exists").
    for lock in pgdata.glob(".s.PGSQL.*.lock"):
        lock.unlink()
    new_archive = data_dir / "wal-archive"
    new_archive.mkdir(exist_ok=True)
    settings = {
        "restore_command": restore_command(source_archive),
        "recovery_target_time": target_time,
        "recovery_target_action": "promote",
        # The recovered cluster (a new timeline) archives into its own folder, not into the source's.
        "archive_command": archive_command(new_archive),
    }
    with (pgdata / "postgresql.auto.conf").open("a") as conf:
        for name, value in settings.items():
            conf.write(f"{name} = '{value.replace(chr(39), chr(39) * 2)}'\n")
    (pgdata / "recovery.signal").touch()
    pgdata.chmod(0o700)
    give_to_postgres(data_dir)
    deadline = time.monotonic() + timeout
    pg = None
    while pg is None:
        try:
            pg = pgserver.get_server(pgdata, cleanup_mode="stop")
        except (subprocess.TimeoutExpired, subprocess.CalledProcessError) as exc:
            log = pgdata / "log"
            tail = "\n".join(log.read_text(errors="replace").splitlines()[-10:]) if log.exists() else ""
            if isinstance(exc, subprocess.CalledProcessError) or time.monotonic() > deadline:
                raise BackupError(f"recovery did not start:\n{tail}") from exc
    try:
        return _wait_promoted(postgres_url(pg), deadline)
    finally:
        pg.cleanup()


def _wait_promoted(url: str, deadline: float) -> str:
    import asyncio

    async def wait() -> str:
        while True:
            with contextlib.suppress(OSError, asyncpg.PostgresError):
                connection = await asyncpg.connect(url)
                try:
                    if not await connection.fetchval("SELECT pg_is_in_recovery()"):
                        for name in ("restore_command", "recovery_target_time", "recovery_target_action"):
                            await connection.execute(f"ALTER SYSTEM RESET {name}")
                        await connection.execute("SELECT pg_reload_conf()")
                        return str(await connection.fetchval("SELECT pg_current_wal_lsn()"))
                finally:
                    await connection.close()
            if time.monotonic() > deadline:
                raise BackupError("recovery did not finish in time")
            await asyncio.sleep(0.5)

    return asyncio.run(wait())
