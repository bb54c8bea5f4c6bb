"""Development only (``vru_dev``). Database provisioning: one database, and per service a login role
owning one schema and nothing else.

Run as a superuser (the embedded PostgreSQL's, or ``DATABASE_URL``'s). Idempotent: a second run changes
only passwords. ``docker/postgres-init.sql`` does the same for docker-compose.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import asyncpg

from referrals.audit.owner import owner_sql

#: SQL a superuser runs for a service after its role exists, before its migrations.
SUPERUSER_PROVISIONING: dict[str, Callable[[], str]] = {"referrals": owner_sql}


async def create_database(admin_dsn: str, database: str) -> None:
    connection = await asyncpg.connect(admin_dsn)
    try:
        exists = await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", database)
        if not exists:
            await connection.execute(
                await connection.fetchval("SELECT format('CREATE DATABASE %I', $1::text)", database)
            )
    finally:
        await connection.close()


async def provision(dsn: str, passwords: Mapping[str, str], *, superuser_provisioning: bool = True) -> None:
    """Create or update each service's role and schema in the database ``dsn`` points at, then what a superuser
    provisions for them (``superuser_provisioning=False``: as before the audit log had its own owner, for the
    test of adopting such a log)."""
    connection = await asyncpg.connect(dsn)
    try:
        database = await connection.fetchval("SELECT current_database()")

        async def run(template: str, *args: str) -> None:
            placeholders = ", ".join(f"${i + 1}::text" for i in range(len(args)))
            statement = await connection.fetchval(f"SELECT format('{template}', {placeholders})", *args)
            await connection.execute(statement)

        await run("REVOKE ALL ON DATABASE %I FROM PUBLIC", database)
        await connection.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC")
        for service, password in passwords.items():
            exists = await connection.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", service)
            verb = "ALTER" if exists else "CREATE"
            await run(f"{verb} ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L", service, password)
            await run("GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I", database, service)
            await run("CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I", service, service)
            await run("REVOKE ALL ON SCHEMA %I FROM PUBLIC", service)
            await run("ALTER ROLE %I SET search_path = %I", service, service)
        for service in passwords:
            if superuser_provisioning and service in SUPERUSER_PROVISIONING:
                await connection.execute(SUPERUSER_PROVISIONING[service]())
    finally:
        await connection.close()
