"""What the background senders share (webhook deliveries, e-mail and SMS notices): backoff with jitter, and leasing
due rows so that several replicas never work on the same row at once.

A round leases due rows in a short transaction (``SELECT … FOR UPDATE SKIP LOCKED``, then ``lease_until``), works on
each outside any transaction, and records the outcome only while its lease still holds (``lease_until`` unchanged):
a replica that died mid-work gives its rows up when the lease ends."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession


def jittered_backoff(attempts: int, *, base_seconds: float, max_seconds: float) -> timedelta:
    """``base × 2^(attempts-1)`` capped at ``max_seconds``, times a random factor in [0.5, 1]."""
    ceiling = min(max_seconds, base_seconds * 2 ** max(0, attempts - 1))
    return timedelta(seconds=ceiling * random.uniform(0.5, 1.0))


async def lease_due(
    session: AsyncSession,
    model: Any,
    key: Any,
    *,
    now: datetime,
    lease_until: datetime,
    limit: int,
    where: Sequence[ColumnElement[bool]] = (),
) -> list[UUID]:
    """Lease up to ``limit`` rows of ``model`` (primary key column ``key``) that are pending, due and not leased (or
    whose lease ended), oldest first; returns their keys."""
    stmt = (
        select(key)
        .where(
            model.status == "pending",
            model.next_attempt_at <= now,
            or_(model.lease_until.is_(None), model.lease_until < now),
            *where,
        )
        .order_by(model.next_attempt_at, key)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    keys: list[UUID] = list((await session.scalars(stmt)).all())
    if keys:
        await session.execute(update(model).where(key.in_(keys)).values(lease_until=lease_until))
    return keys
