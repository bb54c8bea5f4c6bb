"""Session-wide fixtures: one real PostgreSQL (the embedded pgserver wheel) for the whole test run,
provisioned like production (a role and schema per service) and migrated to head."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pgserver
import pytest

from vru_cli.deploy import DATABASE_ROLES
from vru_dev.provision import create_database, provision
from vru_dev.testing import TestIssuer, database_url, service_root, with_database
from vru_shared import migrations

DATABASE = "vru"
PASSWORDS = {service: f"test-{service}-password" for service in DATABASE_ROLES}


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    # Its own folder (not pytest's numbered tmp dirs, which a parallel pytest run may prune under us).
    pgdata = Path(tempfile.mkdtemp(prefix="vru-test-pg-"))
    server = pgserver.get_server(pgdata, cleanup_mode="stop")
    try:
        yield with_database(server.get_uri(), DATABASE)
    finally:
        server.cleanup()
        shutil.rmtree(pgdata, ignore_errors=True)


@pytest.fixture(scope="session")
def db_urls(pg_admin_url: str) -> dict[str, str]:
    """Each service's asyncpg URL, after provisioning and migrating to head."""

    async def prepare() -> dict[str, str]:
        await create_database(with_database(pg_admin_url, "postgres"), DATABASE)
        await provision(pg_admin_url, PASSWORDS)
        urls = {s: database_url(pg_admin_url, user=s, password=PASSWORDS[s]) for s in DATABASE_ROLES}
        for service, url in urls.items():
            await migrations.upgrade(service_root(service), url)
        return urls

    return asyncio.run(prepare())


@pytest.fixture(scope="session")
def issuer() -> TestIssuer:
    return TestIssuer()
