"""Updates that cannot be lost: ``If-Match`` on shared records, with the version check made in SQL.

A change is written by ``UPDATE … SET …, version = version + 1 WHERE id = :id AND version = :v``: of two
requests that read the same version, the second finds no row once the first has committed (PostgreSQL
re-checks the condition after waiting for the first's row lock) and is told 412 — nothing is overwritten.
"""

from typing import Any, TypeVar
from uuid import UUID

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from referrals.db import Base
from vru_shared.etag import check_if_match, etag_for
from vru_shared.problems import PreconditionFailed

#: A model with ``id``, ``version`` and ``updated_at`` columns.
T = TypeVar("T", bound=Base)


def expected_version(if_match: str | None, current: int) -> int:
    """428 without ``If-Match``, 412 when it names another version; else the version the write must find."""
    check_if_match(if_match, current)
    return current


async def update_versioned(
    session: AsyncSession, model: type[T], record_id: UUID, version: int, values: dict[str, Any]
) -> T:
    """Apply ``values`` if the record is still at ``version`` (bumping it); 412 when someone changed it first."""
    table: Any = model
    stmt = (
        update(model)
        .where(table.id == record_id, table.version == version)
        .values(**values, version=table.version + 1, updated_at=func.clock_timestamp())
        .returning(model)
        .execution_options(populate_existing=True)
    )
    changed = (await session.scalars(stmt)).one_or_none()
    if changed is None:
        current = (await session.execute(select(table.version).where(table.id == record_id))).scalar_one_or_none()
        headers: dict[str, str] = {"ETag": etag_for(current)} if current is not None else {}
        raise PreconditionFailed(
            "The record was changed by someone else meanwhile; read it again and reapply your change.",
            headers=headers,
        )
    return changed
