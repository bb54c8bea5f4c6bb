"""Screening: is an incident a case for a Serious Violence Review, and which review?

In scope when the offence category is serious violence and anyone involved was 25 or under on the day.
An in-scope incident joins the open review of one of its young people, else opens a new review routed to
the coordinator area of its district; the districts where the people involved live are drawn in. A manual
decision (an analyst's, with a reason) sticks: automatic screening never overrides it. Running screening
again on the same incident changes nothing but the review's record that the incident was updated.
"""

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, NoReturn
from uuid import UUID, uuid4

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from referrals.audit.schemas import AuditAction
from referrals.audit.service import record
from referrals.calendar import local_day
from referrals.db import event_outbox
from referrals.incident.exceptions import IncidentNotFound
from referrals.incident.models import Incident, ScreeningDecision, ScreeningSource
from referrals.incident.repository import IncidentRepository
from referrals.review.models import ReviewEventKind, ReviewStatus
from referrals.review.repository import ReviewRepository
from referrals.screening.repository import ScreeningRepository
from referrals.subject import service as subjects
from referrals.subject.service import PersonIdentity
from vru_shared.auth import Principal, PrincipalKind
from vru_shared.background import every
from vru_shared.events import Audience, Event, publish_many

logger = logging.getLogger("vru.referrals.screening")

#: Young people: 25 or under on the day of the incident.
YOUNG_AGE = 25


@dataclass(frozen=True, slots=True)
class CasePerson:
    subject_id: UUID | None
    age_on_day: int
    home_district_id: UUID | None


@dataclass(slots=True)
class ScreeningCase:
    """One incident to screen, as it is about to be stored."""

    incident_id: UUID
    district_id: UUID
    serious_violence: bool
    people: Sequence[CasePerson]
    #: What is stored now (for a new incident: nothing, automatic).
    review_id: UUID | None = None
    screening: ScreeningDecision = ScreeningDecision.OUT
    source: ScreeningSource = ScreeningSource.AUTOMATIC
    #: The report was re-sent with changes (the linked review records that).
    updated: bool = False
    #: An analyst's decision, made now.
    manual: ScreeningDecision | None = None
    manual_reason: str | None = None


@dataclass(frozen=True, slots=True)
class Screened:
    screening: ScreeningDecision
    source: ScreeningSource
    review_id: UUID | None


@dataclass(slots=True)
class ScreeningOutcome:
    by_incident: dict[UUID, Screened] = field(default_factory=dict)
    opened: list[UUID] = field(default_factory=list)
    touched: list[UUID] = field(default_factory=list)


def automatic_decision(serious_violence: bool, ages: Sequence[int]) -> ScreeningDecision:
    in_scope = serious_violence and any(age <= YOUNG_AGE for age in ages)
    return ScreeningDecision.IN if in_scope else ScreeningDecision.OUT


async def screen(session: AsyncSession, *, cases: Sequence[ScreeningCase], principal: Principal) -> ScreeningOutcome:
    """Decide each case and write the reviews' side (new reviews, districts, young people, history).

    The caller stores each incident's decision and review from the outcome. A few statements however many
    cases there are."""
    outcome = ScreeningOutcome()
    if not cases:
        return outcome
    repo = ReviewRepository(session)
    area_of = await repo.district_areas()
    young = {p.subject_id for c in cases for p in c.people if p.subject_id and p.age_on_day <= YOUNG_AGE}
    open_review_of = await repo.open_reviews_of_subjects(young)
    new_reviews: list[tuple[UUID, UUID, UUID]] = []  # (id, area, district)
    events: list[dict[str, Any]] = []
    district_links: set[tuple[UUID, UUID]] = set()
    subject_links: set[tuple[UUID, UUID]] = set()
    touched: set[UUID] = set()
    actor = {"actor": principal.subject, "actor_name": principal.name or principal.client_id}

    def event(review_id: UUID, kind: ReviewEventKind, case: ScreeningCase, **more: Any) -> None:
        row = {"review_id": review_id, "kind": kind.value, "incident_id": case.incident_id, "to_status": None}
        events.append({**row, "reason": None, **actor, **more})

    for case in cases:
        if case.manual is not None:
            decision, source = case.manual, ScreeningSource.MANUAL
        elif case.source is ScreeningSource.MANUAL:
            decision, source = case.screening, ScreeningSource.MANUAL
        else:
            decision = automatic_decision(case.serious_violence, [p.age_on_day for p in case.people])
            source = ScreeningSource.AUTOMATIC
        young_here = [p.subject_id for p in case.people if p.subject_id and p.age_on_day <= YOUNG_AGE]
        review_id = case.review_id
        if decision is ScreeningDecision.IN:
            if review_id is None:
                review_id = next((open_review_of[s] for s in young_here if s in open_review_of), None)
                if review_id is None:
                    review_id = uuid4()
                    new_reviews.append((review_id, area_of[case.district_id][0], case.district_id))
                    outcome.opened.append(review_id)
                    event(
                        review_id,
                        ReviewEventKind.OPENED,
                        case,
                        to_status=ReviewStatus.NEW.value,
                        reason=case.manual_reason,
                    )
                else:
                    event(review_id, ReviewEventKind.INCIDENT_LINKED, case, reason=case.manual_reason)
                    touched.add(review_id)
                for subject in young_here:
                    open_review_of.setdefault(subject, review_id)
            elif case.updated or case.manual is not None:
                event(review_id, ReviewEventKind.INCIDENT_UPDATED, case, reason=case.manual_reason)
                touched.add(review_id)
            district_links.add((review_id, case.district_id))
            district_links.update((review_id, p.home_district_id) for p in case.people if p.home_district_id)
            subject_links.update((review_id, s) for s in young_here)
        elif review_id is not None:
            event(review_id, ReviewEventKind.INCIDENT_SCREENED_OUT, case, reason=case.manual_reason)
            touched.add(review_id)
            review_id = None
        outcome.by_incident[case.incident_id] = Screened(decision, source, review_id)

    touched.difference_update(outcome.opened)
    writes = ScreeningRepository(session)
    await writes.insert_reviews(new_reviews)
    await writes.link(districts=district_links, subjects=subject_links)
    await writes.add_events(events)
    await announce_opened(session, [(review_id, area_of[district_id][1]) for review_id, _, district_id in new_reviews])
    await repo.touch(touched)
    outcome.touched = sorted(touched)
    return outcome


async def announce_opened(session: AsyncSession, reviews: Sequence[tuple[UUID, str]]) -> None:
    """``review.opened`` for webhooks, one per new review ``(id, district code)``, in this transaction (one
    batched INSERT): to the unit's staff subscriptions only — a review names young people and is read by the
    unit's coordinators and analysts, never by a partner agency (docs/notifications.md)."""
    await publish_many(
        session,
        event_outbox,
        [
            Event(
                "review.opened",
                review_id,
                f"/v1/reviews/{review_id}",
                Audience([], staff=True),
                status=ReviewStatus.NEW.value,
                district=district,
            )
            for review_id, district in reviews
        ],
    )


async def screen_by_hand(
    session: AsyncSession,
    *,
    principal: Principal,
    incident_id: UUID,
    decision: ScreeningDecision,
    reason: str,
    similarity: float,
) -> Incident:
    """An analyst screens an incident in or out, with a reason; the decision sticks."""
    repo = IncidentRepository(session)
    incident = await repo.read(incident_id, None, for_update=True)
    if incident is None:
        raise IncidentNotFound(f"There is no incident {incident_id}.")
    old_review = incident.review_id
    day = local_day(incident.occurred_at)
    young = [p for p in incident.people if p.age_on_day <= YOUNG_AGE]
    created: list[UUID] = []
    if decision is ScreeningDecision.IN:
        # Screened out until now, its people were not young people's records: they are matched now.
        # (not those whose details were blanked after the retention period: nothing identifies them any more)
        unmatched = [p for p in young if p.subject_id is None and (p.given_name or p.family_name)]
        matched = await subjects.match_people(
            session,
            people=[
                PersonIdentity(p.police_person_id, p.given_name, p.family_name, p.date_of_birth, p.age_on_day, day)
                for p in unmatched
            ],
        )
        for person, subject_id in zip(unmatched, matched.subject_ids, strict=True):
            person.subject_id = subject_id
        created = matched.created
    case = ScreeningCase(
        incident_id=incident.id,
        district_id=incident.district_id,
        serious_violence=incident.category_ref.serious_violence,
        people=[CasePerson(p.subject_id, p.age_on_day, p.home_district_id) for p in incident.people],
        review_id=incident.review_id,
        screening=ScreeningDecision(incident.screening),
        source=ScreeningSource(incident.screening_source),
        manual=decision,
        manual_reason=reason,
    )
    outcome = await screen(session, cases=[case], principal=principal)
    screened = outcome.by_incident[incident.id]
    incident.screening = screened.screening.value
    incident.screening_source = screened.source.value
    incident.screening_reason = reason
    incident.screened_by = principal.subject
    incident.screened_at = datetime.now(UTC)
    incident.review_id = screened.review_id
    incident.updated_at = incident.screened_at
    released: set[UUID] = set()
    if screened.screening is ScreeningDecision.OUT:
        # Out of scope, its people are not young people's records: they are unlinked, and a record nothing
        # else refers to goes (``ScreeningRepository.release``).
        released = {p.subject_id for p in incident.people if p.subject_id is not None}
        for person in incident.people:
            person.subject_id = None
    await repo.flush()
    await subjects.flag_similar(session, subject_ids=created, threshold=similarity)
    erased = await ScreeningRepository(session).release(
        subjects=released, reviews=[] if old_review is None else [old_review]
    )
    await record(
        session,
        principal=principal,
        action=AuditAction.UPDATE,
        record_type="incident",
        record_ids=[incident.id],
        purpose="screening by hand",
    )
    for action, kind, ids in (
        (AuditAction.CREATE, "review", outcome.opened),
        (AuditAction.UPDATE, "review", outcome.touched),
        (AuditAction.CREATE, "subject", created),
        (AuditAction.ERASE, "subject", erased),
    ):
        if ids:
            await record(
                session, principal=principal, action=action, record_type=kind, record_ids=ids, purpose="screening"
            )
    return incident


#: Who the audit log names for what the service does on its own (the retention of screened-out incidents).
SYSTEM = Principal(
    subject="referrals-service",
    kind=PrincipalKind.CLIENT,
    issuer="referrals",
    agency_id=None,
    roles=frozenset(),
    districts=frozenset(),
    scopes=frozenset(),
    name="Referrals service (retention)",
    client_id="referrals",
)


async def purge_screened_out(session: AsyncSession, *, now: datetime, retention_days: int) -> list[UUID]:
    """The data-protection minimum for people of out-of-scope incidents: they never become young people's
    records, and ``retention_days`` after the incident last changed what identifies them is blanked (names,
    date of birth, police person id), leaving role, age and home district for the statistics. Audited as an
    erasure. Returns the incidents."""
    incidents = await ScreeningRepository(session).purge_screened_out(now - timedelta(days=retention_days))
    if incidents:
        await record(
            session,
            principal=SYSTEM,
            action=AuditAction.ERASE,
            record_type="incident",
            record_ids=incidents,
            purpose="retention of screened-out incidents' people",
        )
    return incidents


async def purge_forever(app: FastAPI, interval_seconds: float, retention_days: int) -> NoReturn:
    """:func:`purge_screened_out` every ``interval_seconds``, while the app runs."""

    async def purge() -> None:
        async with app.state.sessionmaker() as session, session.begin():
            incidents = await purge_screened_out(session, now=datetime.now(UTC), retention_days=retention_days)
        if incidents:
            logger.info("screened-out incidents' people blanked", extra={"incidents": len(incidents)})

    await every(interval_seconds, purge, what="blanking screened-out incidents' people", logger=logger)
