"""Domain events for partners' webhooks (and later e-mail notices): a transactional outbox in each producing
service, and the relay that hands the outbox to the notifications service.

Each producing service declares ``event_outbox`` in its own metadata (``event_outbox_table``, created by its
own migration) and, where a change happens, calls :func:`publish` with the request's session: the event row
is written in the same transaction as the change, so an event exists exactly when the change committed.

:func:`relay_forever` (started in the service's lifespan) sends due rows in batches to notifications'
``POST /v1/events`` with the service's own client-credentials token. Rows are claimed with
``FOR UPDATE SKIP LOCKED``, so several replicas of a service never send the same row at once; a batch that
cannot be delivered waits with exponential backoff. Notifications accepts an event id once (a resent event is
not stored twice), so at-least-once sending here is exactly-once storage there.

Events are *thin*: the record's id, its status, the owning district and agency ids, and the API path to fetch
it (``links.self``) — never a name or other personal data of a young person. ``audience`` says who may hear of
the record: the identity agencies whose subscriptions get it, and whether the unit's own staff subscriptions do.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, NoReturn
from uuid import UUID, uuid4

from fastapi import FastAPI
from sqlalchemy import (
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    Uuid,
    func,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession

from vru_shared.background import every
from vru_shared.http_client import DownstreamError, DownstreamUnavailable, ServiceClient

logger = logging.getLogger("vru.events")

#: The peer name (``<SERVICE>_PEER_URLS``) of the notifications service.
PEER = "notifications"
#: How many events one relay round sends in one request (notifications accepts up to this many).
MAX_BATCH = 100


def event_outbox_table(metadata: MetaData) -> Table:
    """Declare ``event_outbox`` in a service's metadata (so its migrations create it)."""
    return Table(
        "event_outbox",
        metadata,
        Column("id", Uuid, primary_key=True),
        Column("type", String(64), nullable=False),
        Column("occurred_at", DateTime(timezone=True), nullable=False),
        #: ``{"id", "status", "district", "agency_ids", "links": {"self"}}``: what the receiver sees.
        Column("data", JSONB, nullable=False),
        #: ``{"agencies": [uuid, …], "staff": bool, "people": [uuid, …]}``: who may hear of the record (routing,
        #: never sent).
        Column("audience", JSONB, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("sent_at", DateTime(timezone=True), nullable=True),
        Column("attempts", Integer, nullable=False, server_default="0"),
        Column("next_attempt_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("last_error", Text, nullable=True),
        Index(None, "next_attempt_at", postgresql_where=text("sent_at IS NULL")),
    )


@dataclass(frozen=True, slots=True)
class Audience:
    """Who may hear of a record: these identity agencies' subscriptions, and (``staff``) the unit's own; ``people``
    are identity person ids to nudge by e-mail or SMS (the referral's author, the site's guardians) — routing
    only, never sent to a webhook."""

    agencies: Sequence[UUID] = ()
    staff: bool = True
    people: Sequence[UUID] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "agencies": sorted({str(a) for a in self.agencies}),
            "staff": self.staff,
            "people": sorted({str(p) for p in self.people}),
        }


@dataclass(frozen=True, slots=True)
class Event:
    """One event to write: ``path`` is the API path that reads the record (``/v1/referrals/<id>``); ``extra``
    carries further ids, codes or dates as text, or lists of them (never personal data; notifications takes text
    only)."""

    event_type: str
    record_id: UUID
    path: str
    audience: Audience
    status: str | None = None
    district: str | None = None
    extra: dict[str, str | list[str] | None] | None = None
    occurred_at: datetime | None = None

    def row(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": str(self.record_id), "links": {"self": self.path}}
        if self.status is not None:
            data["status"] = self.status
        if self.district is not None:
            data["district"] = self.district
        data["agency_ids"] = self.audience.as_json()["agencies"]
        data.update(self.extra or {})
        return {
            "id": uuid4(),
            "type": self.event_type,
            "occurred_at": self.occurred_at or datetime.now(UTC),
            "data": data,
            "audience": self.audience.as_json(),
        }


async def publish(
    session: AsyncSession,
    outbox: Table,
    event_type: str,
    *,
    record_id: UUID,
    path: str,
    audience: Audience,
    status: str | None = None,
    district: str | None = None,
    extra: dict[str, str | list[str] | None] | None = None,
    occurred_at: datetime | None = None,
) -> UUID:
    """Write one event to the outbox in the caller's transaction; returns the event id (see :class:`Event`)."""
    [event_id] = await publish_many(
        session, outbox, [Event(event_type, record_id, path, audience, status, district, extra, occurred_at)]
    )
    return event_id


async def publish_many(session: AsyncSession, outbox: Table, events: Sequence[Event]) -> list[UUID]:
    """Write several events in the caller's transaction (one batched INSERT, for a bulk change or a background
    round that announces many records); returns their ids in order."""
    rows = [event.row() for event in events]
    if rows:
        await session.execute(outbox.insert(), rows)
    return [row["id"] for row in rows]


@dataclass(frozen=True, slots=True)
class RelayRun:
    sent: int = 0
    failed: int = 0
    #: Events notifications refused as invalid, set aside (not retried).
    refused: int = 0


def backoff(attempts: int, *, base_seconds: float, max_seconds: float) -> timedelta:
    """Exponential backoff after ``attempts`` failed attempts: base, 2×base, 4×base … capped at max."""
    return timedelta(seconds=min(max_seconds, base_seconds * 2 ** max(0, attempts - 1)))


class OutboxRepository:
    """The ``event_outbox`` rows of one service."""

    def __init__(self, session: AsyncSession, table: Table) -> None:
        self.session = session
        self.table = table

    async def claim_due(self, now: datetime, limit: int) -> list[dict[str, Any]]:
        """Unsent rows due for an attempt, oldest first, locked: another replica's relay skips them."""
        t = self.table
        stmt = (
            select(t.c.id, t.c.type, t.c.occurred_at, t.c.data, t.c.audience, t.c.attempts)
            .where(t.c.sent_at.is_(None), t.c.next_attempt_at <= now)
            .order_by(t.c.next_attempt_at, t.c.created_at, t.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return [dict(row._mapping) for row in (await self.session.execute(stmt)).all()]

    async def mark_sent(self, ids: Sequence[UUID], now: datetime) -> None:
        t = self.table
        await self.session.execute(update(t).where(t.c.id.in_(ids)).values(sent_at=now, last_error=None))

    async def mark_refused(self, event_id: UUID, now: datetime, error: str) -> None:
        """Set an event aside: never sent again (``sent_at`` is set), ``last_error`` says why."""
        t = self.table
        await self.session.execute(
            update(t).where(t.c.id == event_id).values(sent_at=now, attempts=t.c.attempts + 1, last_error=error[:500])
        )

    async def mark_failed(self, ids: Sequence[UUID], now: datetime, error: str, delay: timedelta) -> None:
        t = self.table
        await self.session.execute(
            update(t)
            .where(t.c.id.in_(ids))
            .values(attempts=t.c.attempts + 1, last_error=error[:500], next_attempt_at=now + delay)
        )


def event_json(row: dict[str, Any]) -> dict[str, Any]:
    """An outbox row as notifications' ``POST /v1/events`` takes it."""
    return {
        "id": str(row["id"]),
        "type": row["type"],
        "occurred_at": row["occurred_at"].isoformat(),
        "data": row["data"],
        "audience": row["audience"],
    }


async def relay_due(
    session: AsyncSession,
    outbox: Table,
    *,
    notifications: ServiceClient,
    now: datetime,
    batch: int = MAX_BATCH,
    base_delay_seconds: float = 2.0,
    max_delay_seconds: float = 300.0,
) -> RelayRun:
    """Send the due events in one batch; on failure the batch waits (backoff by its rows' attempts). A batch
    notifications refuses as invalid (422) is sent again one event at a time, so one event it will never take
    (a type it does not know yet) cannot hold back the others: that one is set aside (``sent_at`` with
    ``last_error`` saying why) and logged."""
    repo = OutboxRepository(session, outbox)
    rows = await repo.claim_due(now, min(batch, MAX_BATCH))
    if not rows:
        return RelayRun()
    try:
        response = await _post(notifications, rows)
        if response.status_code == 422:
            return await _one_by_one(repo, notifications, rows, now, base_delay_seconds, max_delay_seconds)
        if not response.is_success:
            raise DownstreamError(PEER, response)
    except (DownstreamUnavailable, DownstreamError) as exc:
        return await _failed(repo, rows, now, exc, base_delay_seconds, max_delay_seconds)
    await repo.mark_sent([row["id"] for row in rows], now)
    return RelayRun(sent=len(rows))


async def _post(notifications: ServiceClient, rows: Sequence[dict[str, Any]]) -> Any:
    return await notifications.request("POST", "/v1/events", json={"events": [event_json(r) for r in rows]})


async def _one_by_one(
    repo: OutboxRepository,
    notifications: ServiceClient,
    rows: Sequence[dict[str, Any]],
    now: datetime,
    base_delay_seconds: float,
    max_delay_seconds: float,
) -> RelayRun:
    sent = refused = 0
    for i, row in enumerate(rows):
        try:
            response = await _post(notifications, [row])
            if response.status_code == 422:
                await repo.mark_sent([row["id"]], now)
                await repo.mark_failed(
                    [row["id"]], now, f"refused by notifications: {response.text[:400]}", timedelta()
                )
                logger.warning("an event notifications refuses was set aside", extra={"event_id": str(row["id"])})
                refused += 1
                continue
            if not response.is_success:
                raise DownstreamError(PEER, response)
        except (DownstreamUnavailable, DownstreamError) as exc:
            run = await _failed(repo, rows[i:], now, exc, base_delay_seconds, max_delay_seconds)
            return RelayRun(sent=sent, failed=run.failed, refused=refused)
        await repo.mark_sent([row["id"]], now)
        sent += 1
    return RelayRun(sent=sent, refused=refused)


async def _failed(
    repo: OutboxRepository,
    rows: Sequence[dict[str, Any]],
    now: datetime,
    exc: DownstreamUnavailable | DownstreamError,
    base_delay_seconds: float,
    max_delay_seconds: float,
) -> RelayRun:
    attempts = max(int(r["attempts"]) for r in rows) + 1
    why = exc.detail if isinstance(exc, DownstreamUnavailable) else f"answered {exc.status_code}"
    delay = backoff(attempts, base_seconds=base_delay_seconds, max_seconds=max_delay_seconds)
    await repo.mark_failed([row["id"] for row in rows], now, str(why), delay)
    logger.warning("events not delivered to notifications", extra={"count": len(rows), "why": str(why)})
    return RelayRun(failed=len(rows))


async def relay_forever(
    app: FastAPI, outbox: Table, interval_seconds: float, max_backoff_seconds: float = 300.0
) -> NoReturn:
    """The background relay of one service's outbox (sleep, then send what is due, forever)."""

    async def round_() -> None:
        peers: dict[str, ServiceClient] = getattr(app.state, "peers", {})
        client = peers.get(PEER)
        if client is None:  # no notifications service in this deployment: events stay in the outbox
            return
        while True:
            async with app.state.sessionmaker() as session, session.begin():
                run = await relay_due(
                    session,
                    outbox,
                    notifications=client,
                    now=datetime.now(UTC),
                    base_delay_seconds=interval_seconds,
                    max_delay_seconds=max_backoff_seconds,
                )
            if run.sent or run.failed:
                logger.info("events relayed", extra={"sent": run.sent, "failed": run.failed})
            if run.sent < MAX_BATCH:
                return

    await every(interval_seconds, round_, what="relaying events", logger=logger)


def create_outbox(schema: str) -> None:
    """For a service's Alembic migration: create ``event_outbox`` in ``schema`` as :func:`event_outbox_table`
    declares it (``alembic check`` compares the two)."""
    from alembic import op

    op.create_table(
        "event_outbox",
        Column("id", Uuid, nullable=False),
        Column("type", String(64), nullable=False),
        Column("occurred_at", DateTime(timezone=True), nullable=False),
        Column("data", JSONB, nullable=False),
        Column("audience", JSONB, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("sent_at", DateTime(timezone=True), nullable=True),
        Column("attempts", Integer, nullable=False, server_default="0"),
        Column("next_attempt_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("last_error", Text, nullable=True),
        PrimaryKeyConstraint("id", name="pk_event_outbox"),
        schema=schema,
    )
    op.create_index(
        f"ix_{schema}_event_outbox_next_attempt_at",
        "event_outbox",
        ["next_attempt_at"],
        schema=schema,
        postgresql_where=text("sent_at IS NULL"),
    )


def drop_outbox(schema: str) -> None:
    from alembic import op

    op.drop_index(f"ix_{schema}_event_outbox_next_attempt_at", table_name="event_outbox", schema=schema)
    op.drop_table("event_outbox", schema=schema)
