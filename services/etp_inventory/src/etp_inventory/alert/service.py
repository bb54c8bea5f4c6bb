import contextlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import NoReturn
from uuid import UUID

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from etp_inventory.access import Scope
from etp_inventory.alert.repository import AlertRepository, AnnouncedPack, AnnouncementRepository
from etp_inventory.alert.schemas import AlertCounts, ExpiringPack
from etp_inventory.csp.service import csp_summaries
from etp_inventory.db import event_outbox
from etp_inventory.location.models import LocationKind
from etp_inventory.pack.models import PackStatus
from etp_inventory.pack.readiness import ReadinessRules
from etp_inventory.pack.schemas import LocationRef
from vru_shared.background import every
from vru_shared.events import Audience, Event, publish_many
from vru_shared.pagination import PageParams

logger = logging.getLogger("etp_inventory.alerts")


async def expiring(
    session: AsyncSession, *, scope: Scope, rules: ReadinessRules, page: PageParams, within_days: int
) -> list[ExpiringPack]:
    today = rules.today
    rows = await AlertRepository(session).expiring(page, scope, by=today + timedelta(days=within_days))
    out = []
    for pack in rows:
        assert pack.expires_on is not None
        out.append(
            ExpiringPack(
                pack_id=pack.id,
                serial=pack.serial,
                location=LocationRef.model_validate(pack.location),
                expires_on=pack.expires_on,
                days_left=(pack.expires_on - today).days,
                expired=pack.expires_on < today,
            )
        )
    return out


def districts_of(scope: Scope) -> frozenset[str] | None:
    return None if scope.everything else scope.districts


async def counts(session: AsyncSession, *, scope: Scope, rules: ReadinessRules, default_minimum: int) -> AlertCounts:
    expired, d30, d60, d90, overdue = await AlertRepository(session).counts(scope, rules)
    low = await csp_summaries(session, districts=districts_of(scope), rules=rules, default_minimum=default_minimum)
    return AlertCounts(
        expired_in_stock=expired,
        expiring_30_days=d30,
        expiring_60_days=d60,
        expiring_90_days=d90,
        overdue_checks=overdue,
        csps_below_minimum=[c.district for c in low if c.below_minimum],
    )


# --- announcing (webhooks, e-mail): pack.expiring and pack.check_overdue, each once ------------------------

#: At most this many packs of each kind per statement (a round repeats while a batch is full).
ANNOUNCE_BATCH = 200


@dataclass(frozen=True, slots=True)
class AnnounceRun:
    expiring: int = 0
    check_overdue: int = 0


def _people(subjects: Sequence[str]) -> list[UUID]:
    """The guardians that are identity people (token subjects that are person ids), to nudge by e-mail or SMS."""
    people = []
    for subject in subjects:
        with contextlib.suppress(ValueError):
            people.append(UUID(subject))
    return people


async def announce(
    session: AsyncSession, *, rules: ReadinessRules, expiry_notice_days: int, limit: int = ANNOUNCE_BATCH
) -> AnnounceRun:
    """Mark and announce, in the caller's transaction: ``pack.expiring`` — a pack in stock whose expiry falls within
    ``expiry_notice_days`` (once per pack and expiry date: a pack resupplied with a later date is announced again
    when that nears) — and ``pack.check_overdue`` — a pack at a site whose guardian check is overdue (once per
    overdue period). To the unit's staff subscriptions (packs and sites belong to the unit and its CSPs, not to a
    partner agency); ``audience.people``: the site's guardians. Run twice, or on two replicas at once: one event."""
    repo = AnnouncementRepository(session)
    today = rules.today
    expiring = await repo.mark_expiring(today=today, by=today + timedelta(days=expiry_notice_days), limit=limit)
    overdue = await repo.mark_check_overdue(rules=rules, limit=limit)
    sites = {p.location_id for p in [*expiring, *overdue] if p.location_kind == LocationKind.SITE.value}
    guardians = await repo.guardians(sites)

    def event(event_type: str, pack: AnnouncedPack, **extra: str | None) -> Event:
        at_site = pack.location_kind == LocationKind.SITE.value
        return Event(
            event_type,
            pack.id,
            f"/v1/packs/{pack.id}",
            Audience([], staff=True, people=_people(guardians.get(pack.location_id, ()))),
            status=PackStatus.IN_STOCK.value,
            district=pack.district,
            extra={
                "pack_id": str(pack.id),
                "serial": pack.serial,
                "site_id": str(pack.location_id) if at_site else None,
                "location_id": str(pack.location_id),
                "location_kind": pack.location_kind,
                "expires_on": pack.expires_on.isoformat() if pack.expires_on else None,
                **extra,
            },
            occurred_at=rules.now,
        )

    await publish_many(
        session,
        event_outbox,
        [event("pack.expiring", p) for p in expiring]
        + [
            event("pack.check_overdue", p, check_due_at=p.check_due_at.isoformat() if p.check_due_at else None)
            for p in overdue
        ],
    )
    return AnnounceRun(expiring=len(expiring), check_overdue=len(overdue))


async def announce_forever(
    app: FastAPI, interval_seconds: float, *, check_interval_days: int, expiry_notice_days: int
) -> NoReturn:
    """:func:`announce` every ``interval_seconds`` (until nothing is left), while the app runs."""

    async def round_() -> None:
        while True:
            async with app.state.sessionmaker() as session, session.begin():
                run = await announce(
                    session, rules=ReadinessRules.at_now(check_interval_days), expiry_notice_days=expiry_notice_days
                )
            if run.expiring or run.check_overdue:
                logger.info("pack alerts announced", extra={"expiring": run.expiring, "overdue": run.check_overdue})
            if max(run.expiring, run.check_overdue) < ANNOUNCE_BATCH:
                return

    await every(interval_seconds, round_, what="announcing pack alerts", logger=logger)
