from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from referrals.audit.schemas import AuditAction
from referrals.audit.service import record
from referrals.calendar import add_working_days, local_day, london_today
from referrals.review.exceptions import ReviewNotFound, ReviewTransitionNotAllowed
from referrals.review.models import TRANSITIONS, Review, ReviewEventKind, ReviewStatus
from referrals.review.repository import ReviewRepository
from referrals.review.schemas import (
    ReviewEventRead,
    ReviewIncident,
    ReviewRead,
    ReviewSubjectRead,
    ReviewSummary,
    ReviewTransition,
)
from vru_shared.auth import Principal
from vru_shared.etag import check_if_match
from vru_shared.kent_medway import LONDON
from vru_shared.pagination import PageParams


def due_on(created_at: datetime, target_days: int) -> date:
    return add_working_days(local_day(created_at), target_days)


def is_overdue(review: Review, target_days: int, today: date) -> bool:
    return review.status != ReviewStatus.CLOSED.value and today > due_on(review.created_at, target_days)


def overdue_before(today: date, target_days: int) -> datetime:
    """Reviews opened before this instant (and not closed) are overdue today.

    ``add_working_days`` never decreases as its start moves later, so the latest opening day that is
    already late bounds them all."""
    latest = today - timedelta(days=1)
    while add_working_days(latest, target_days) >= today:
        latest -= timedelta(days=1)
    return datetime.combine(latest + timedelta(days=1), time(), tzinfo=LONDON)


async def _summaries(
    repo: ReviewRepository, rows: Sequence[tuple[Review, str, str]], target_days: int
) -> list[ReviewSummary]:
    ids = [review.id for review, _, _ in rows]
    districts = await repo.districts_of(ids)
    counts = await repo.counts_of(ids)
    today = london_today()
    return [
        ReviewSummary(
            id=review.id,
            status=ReviewStatus(review.status),
            area=area,
            district=district,
            districts=districts[review.id],
            incident_count=counts[review.id][0],
            subject_count=counts[review.id][1],
            forum_case_ref=review.forum_case_ref,
            outcome_reason=review.outcome_reason,
            created_at=review.created_at,
            updated_at=review.updated_at,
            closed_at=review.closed_at,
            due_on=due_on(review.created_at, target_days),
            overdue=is_overdue(review, target_days, today),
            version=review.version,
        )
        for review, area, district in rows
    ]


async def list_reviews(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: frozenset[str] | None,
    page: PageParams,
    target_days: int,
    area: str | None,
    district: str | None,
    status: ReviewStatus | None,
    overdue: bool | None,
) -> list[ReviewSummary]:
    repo = ReviewRepository(session)
    rows = await repo.page(
        page,
        scope,
        area=area,
        district=district,
        status=status,
        overdue_before=overdue_before(london_today(), target_days),
        overdue=overdue,
    )
    items = await _summaries(repo, rows, target_days)
    if items:
        await record(
            session,
            principal=principal,
            action=AuditAction.READ,
            record_type="review",
            record_ids=[r.id for r in items[: page.limit]],
            purpose="review queue",
        )
    return items


async def _read(repo: ReviewRepository, row: tuple[Review, str, str], target_days: int) -> ReviewRead:
    review = row[0]
    (summary,) = await _summaries(repo, [row], target_days)
    incidents = await repo.incidents_of(review.id)
    subjects = await repo.subjects_of(review.id)
    events = await repo.events_of(review.id)
    return ReviewRead(
        **summary.model_dump(),
        incidents=[
            ReviewIncident(
                id=incident.id,
                crime_reference=incident.crime_reference,
                occurred_at=incident.occurred_at,
                district=district,
                category=category,
                weapon_knife=incident.weapon_knife,
                weapon_firearm=incident.weapon_firearm,
            )
            for incident, district, category in incidents
        ],
        subjects=[
            ReviewSubjectRead(
                id=s.id, given_name=s.given_name, family_name=s.family_name, date_of_birth=s.date_of_birth
            )
            for s in subjects
        ],
        events=[ReviewEventRead.model_validate(e) for e in events],
    )


async def get_review(
    session: AsyncSession, *, principal: Principal, scope: frozenset[str] | None, review_id: UUID, target_days: int
) -> ReviewRead:
    repo = ReviewRepository(session)
    row = await repo.get(review_id, scope)
    if row is None:
        raise ReviewNotFound(f"There is no review {review_id} that you can see.")
    result = await _read(repo, row, target_days)
    await record(
        session,
        principal=principal,
        action=AuditAction.READ,
        record_type="review",
        record_ids=[review_id],
        purpose="review",
    )
    return result


async def transition(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: frozenset[str] | None,
    review_id: UUID,
    data: ReviewTransition,
    if_match: str | None,
    target_days: int,
) -> ReviewRead:
    repo = ReviewRepository(session)
    row = await repo.get(review_id, scope, for_update=True)
    if row is None:
        raise ReviewNotFound(f"There is no review {review_id} that you can see.")
    review = row[0]
    if if_match is not None:
        check_if_match(if_match, review.version)
    current = ReviewStatus(review.status)
    allowed = TRANSITIONS[current]
    if data.to not in allowed:
        options = ", ".join(sorted(allowed)) or "none (it is closed)"
        raise ReviewTransitionNotAllowed(
            f"A review in status '{current}' cannot move to '{data.to}'. Allowed next: {options}.",
            extra={"current_status": current.value, "allowed": sorted(allowed)},
        )
    now = datetime.now(UTC)
    review.status = data.to.value
    if data.to in (ReviewStatus.REFERRED, ReviewStatus.NO_FURTHER_ACTION, ReviewStatus.ALREADY_MANAGED):
        review.outcome_reason = data.reason
        review.forum_case_ref = data.forum_case_ref
    if data.to is ReviewStatus.CLOSED:
        review.closed_at = now
    review.updated_at = now
    await repo.add_events(
        [
            {
                "review_id": review.id,
                "kind": ReviewEventKind.TRANSITION.value,
                "from_status": current.value,
                "to_status": data.to.value,
                "reason": data.reason,
                "forum_case_ref": data.forum_case_ref,
                "actor": principal.subject,
                "actor_name": principal.name,
            }
        ]
    )
    await repo.flush()
    await record(
        session,
        principal=principal,
        action=AuditAction.UPDATE,
        record_type="review",
        record_ids=[review.id],
        purpose=f"review {data.to.value.replace('_', ' ')}",
    )
    return await _read(repo, row, target_days)
