"""What every deployment runs, in the runtime image as on a developer's machine: the list of services,
their own API clients, migrating every schema (``vru migrate``) and the development seed data.

The embedded PostgreSQL, provisioning and the local platform live in the development kit (``vru_dev``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from vru_shared import migrations

SERVICES: tuple[str, ...] = ("identity", "referrals", "funding", "etp_inventory", "notifications")
#: The front end (services/web): a process and a schema of its own (its sessions), not one of the APIs.
WEB = "web"
#: Every database role and schema, each migrated by ``vru migrate``.
DATABASE_ROLES: tuple[str, ...] = (*SERVICES, WEB)
#: The repository (or the image's /app): each service's migrations are under ``services/<name>``.
REPO_ROOT = Path(__file__).resolve().parents[4]
CLIENT_IDS = {
    "referrals": "referrals-service",
    "funding": "funding-service",
    "etp_inventory": "etp-inventory-service",
    "notifications": "notifications-service",
}


def data_dir() -> Path:
    """Where ``vru up`` keeps the embedded PostgreSQL's data, its WAL archive and the logs: ``VRU_DATA_DIR``, else
    ``.vru`` in the checkout (fine for a try-out; ``git clean -fdx`` deletes it: docs/backup.md)."""
    configured = os.environ.get("VRU_DATA_DIR")
    return Path(configured).expanduser().resolve() if configured else REPO_ROOT / ".vru"


def wal_archive(data_dir: Path) -> Path | None:
    """Where ``vru up`` archives the WAL: ``VRU_WAL_ARCHIVE`` (``off``: nowhere), else ``<data dir>/wal-archive``."""
    configured = os.environ.get("VRU_WAL_ARCHIVE")
    if configured == "off":
        return None
    return Path(configured).expanduser().resolve() if configured else data_dir / "wal-archive"


def service_secret(service: str) -> str:
    return os.environ.get(f"VRU_CLIENT_SECRET_{service.upper()}", f"dev-only-{service.replace('_', '-')}-secret")


async def migrate_all(urls: Mapping[str, str]) -> None:
    """``alembic upgrade head`` for every service, each as its own role."""
    for service, url in urls.items():
        await migrations.upgrade(REPO_ROOT / "services" / service, url)


async def seed_identity(url: str) -> list[Any]:
    """Development agencies, people and API clients (idempotent); returns what to print."""
    from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

    from identity.seed import seed_development

    engine = create_async_engine(url)
    try:
        async with async_sessionmaker(engine)() as session, session.begin():
            return list(await seed_development(session, service_secrets={s: service_secret(s) for s in CLIENT_IDS}))
    finally:
        await engine.dispose()


async def seed_referrals(url: str) -> int:
    """Link the development partner agencies to the identity service's development agencies (idempotent)."""
    from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

    from referrals.seed import seed_development

    engine = create_async_engine(url)
    try:
        async with async_sessionmaker(engine)() as session, session.begin():
            return await seed_development(session)
    finally:
        await engine.dispose()
