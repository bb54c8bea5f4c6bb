"""The chart's database hooks run for real: the provisioning script, as the chart renders it into its
ConfigMap, runs with psql against a fresh PostgreSQL server of its own (as the Cluster's superuser would), twice
(an install, then an upgrade), and then `vru migrate`'s migrations run as each service's role."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import asyncpg
import pgserver
import pytest

from tests.test_kubernetes import SECRETS, env_of, one, render
from vru_cli.deploy import DATABASE_ROLES, migrate_all
from vru_dev.provision import create_database
from vru_dev.testing import database_url, with_database

MOUNT = "/vru/provision"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A PostgreSQL server of its own: the script creates cluster-wide roles, which the session's must not see."""
    pgdata = Path(tempfile.mkdtemp(prefix="vru-k8s-pg-"))
    pg = pgserver.get_server(pgdata, cleanup_mode="stop")
    try:
        url = with_database(pg.get_uri(), "vru")
        asyncio.run(create_database(with_database(url, "postgres"), "vru"))
        yield url
    finally:
        pg.cleanup()
        shutil.rmtree(pgdata, ignore_errors=True)


def provision(server: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run the provisioning Job's container: its command, its environment, its mounted ConfigMap."""
    objects = render()
    config = one(objects, "ConfigMap", "vru-provision")["data"]
    mount = tmp_path / "provision"
    mount.mkdir(exist_ok=True)
    for name, text in config.items():
        (mount / name).write_text(text.replace(MOUNT, str(mount)))
    [container] = one(objects, "Job", "vru-provision")["spec"]["template"]["spec"]["containers"]
    env: dict[str, str] = {}
    for name, entry in env_of(container).items():
        if "value" in entry:
            env[name] = entry["value"]
        elif entry["valueFrom"]["secretKeyRef"]["key"] in SECRETS:
            env[name] = SECRETS[entry["valueFrom"]["secretKeyRef"]["key"]]
    # The superuser's connection: pgserver's socket instead of the Cluster's -rw Service.
    socket_dir = server.split("host=", 1)[1].split("&")[0]
    env |= {"PGHOST": socket_dir, "PGUSER": "postgres", "PGPASSWORD": "", "PGDATABASE": "vru"}
    del env["PGPORT"]  # the socket's default
    psql = Path(shutil.which("psql", path=str(Path(pgserver.__file__).parent / "pginstall" / "bin")) or "psql")
    path = f"{psql.parent}{os.pathsep}{os.environ['PATH']}"
    command = [c.replace(MOUNT, str(mount)) for c in container["command"]]
    return subprocess.run(command, env={"PATH": path, **env}, capture_output=True, text=True, timeout=120, check=False)


async def facts(url: str) -> dict[str, Any]:
    connection = await asyncpg.connect(url)
    try:
        roles = await connection.fetch(
            "SELECT rolname, rolcanlogin, rolsuper FROM pg_roles WHERE rolname = ANY($1::text[])",
            [*DATABASE_ROLES, "referrals_audit"],
        )
        schemas = await connection.fetch(
            "SELECT nspname, pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = ANY($1::text[])",
            [*DATABASE_ROLES, "referrals_audit"],
        )
        return {
            "roles": {r["rolname"]: (r["rolcanlogin"], r["rolsuper"]) for r in roles},
            "schemas": {s["nspname"]: s["owner"] for s in schemas},
        }
    finally:
        await connection.close()


def test_provisioning_then_migrations(server: str, tmp_path: Path) -> None:
    first = provision(server, tmp_path)
    assert first.returncode == 0, first.stderr
    second = provision(server, tmp_path)  # the pre-upgrade hook runs it again: idempotent
    assert second.returncode == 0, second.stderr
    found = asyncio.run(facts(server))
    assert found["roles"] == {**{r: (True, False) for r in DATABASE_ROLES}, "referrals_audit": (False, False)}
    assert found["schemas"] == {**{r: r for r in DATABASE_ROLES}, "referrals_audit": "referrals_audit"}
    # The migration Job: each service's migrations as its own role, with the Secret's passwords.
    urls = {r: database_url(server, user=r, password=SECRETS[f"db-password-{r}"]) for r in DATABASE_ROLES}
    asyncio.run(migrate_all(urls))
