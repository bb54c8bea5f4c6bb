import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import NoReturn

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from referrals.calendar import WorkingDays
from referrals.db import event_outbox
from referrals.overdue.repository import OverdueRepository
from referrals.review.service import due_on, overdue_before
from vru_shared.background import every
from vru_shared.events import Audience, Event, publish_many
from vru_shared.kent_medway import LONDON

logger = logging.getLogger("referrals.overdue")

#: At most this many reviews and this many actions per statement (a round repeats while a batch is full).
BATCH = 200


@dataclass(frozen=True, slots=True)
class OverdueRun:
    reviews: int = 0
    actions: int = 0


async def announce_overdue(
    session: AsyncSession, *, now: datetime, target: WorkingDays, limit: int = BATCH
) -> OverdueRun:
    """Mark what became overdue announced and write its events, in the caller's transaction: ``review.overdue``
    (a review not closed after its target date, the working days counting bank holidays) to the unit's staff
    subscriptions; ``meeting_action.overdue`` (open or in progress after its due date) to the owning agency's
    and the unit's staff subscriptions. Each record once: run twice, or on two replicas at once, one event."""
    today = now.astimezone(LONDON).date()
    repo = OverdueRepository(session)
    reviews = await repo.mark_reviews(opened_before=overdue_before(today, target), now=now, limit=limit)
    actions = await repo.mark_actions(today=today, now=now, limit=limit)
    events = [
        Event(
            "review.overdue",
            review.id,
            f"/v1/reviews/{review.id}",
            Audience([], staff=True),
            status=review.status,
            district=review.district,
            extra={"due_on": due_on(review.created_at, target).isoformat()},
            occurred_at=now,
        )
        for review in reviews
    ] + [
        Event(
            "meeting_action.overdue",
            action.id,
            f"/v1/actions/{action.id}",
            Audience([action.owner_identity_agency_id] if action.owner_identity_agency_id is not None else []),
            status=action.status,
            district=action.district,
            extra={
                "owner_agency": action.owner_agency,
                "meeting_id": str(action.meeting_id),
                "due_on": action.due_on.isoformat(),
            },
            occurred_at=now,
        )
        for action in actions
    ]
    await publish_many(session, event_outbox, events)
    return OverdueRun(reviews=len(reviews), actions=len(actions))


async def announce_forever(app: FastAPI, interval_seconds: float, target: WorkingDays) -> NoReturn:
    """:func:`announce_overdue` every ``interval_seconds`` (until nothing is left), while the app runs."""

    async def round_() -> None:
        while True:
            async with app.state.sessionmaker() as session, session.begin():
                run = await announce_overdue(session, now=datetime.now(UTC), target=target)
            if run.reviews or run.actions:
                logger.info("overdue announced", extra={"reviews": run.reviews, "actions": run.actions})
            if max(run.reviews, run.actions) < BATCH:
                return

    await every(interval_seconds, round_, what="announcing what is overdue", logger=logger)
