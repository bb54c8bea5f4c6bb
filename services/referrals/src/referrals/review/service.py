from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from referrals.audit.schemas import AuditAction
from referrals.audit.service import entry, record
from referrals.calendar import WorkingDays, local_day, london_today
from referrals.review.exceptions import ReviewNotFound, ReviewTransitionNotAllowed
from referrals.review.models import TRANSITIONS, Review, ReviewEventKind, ReviewStatus
from referrals.review.repository import ReviewRepository
from referrals.review.schemas import EXPORT_COLUMNS, ReviewRead, ReviewSummary, ReviewTransition
from vru_shared.auth import Principal
from vru_shared.etag import check_if_match
from vru_shared.exports import ExportFile, ExportFormat, export_purpose, keyset_batches, write_export
from vru_shared.kent_medway import LONDON
from vru_shared.pagination import PageParams

#: What a review summary reads from the review itself.
_COLUMNS = "id status area district districts forum_case_ref outcome_reason created_at updated_at closed_at version"


def due_on(created_at: datetime, target: WorkingDays) -> date:
    return target.after(local_day(created_at))


def overdue_before(today: date, target: WorkingDays) -> datetime:
    """Reviews opened before this instant (and not closed) are overdue today.

    ``target.after`` never decreases as its start moves later, so the latest opening day that is
    already late bounds them all."""
    latest = today - timedelta(days=1)
    while target.after(latest) >= today:
        latest -= timedelta(days=1)
    return datetime.combine(latest + timedelta(days=1), time(), tzinfo=LONDON)


async def _summaries(repo: ReviewRepository, reviews: Sequence[Review], target: WorkingDays) -> list[ReviewSummary]:
    uncounted = [r.id for r in reviews if r.incident_count is None or r.subject_count is None]
    counts = await repo.counts_of(uncounted) if uncounted else {}
    today = london_today()
    summaries = []
    for review in reviews:
        due = due_on(review.created_at, target)
        summaries.append(
            ReviewSummary.model_validate(
                {
                    **{name: getattr(review, name) for name in _COLUMNS.split()},
                    "incident_count": counts[review.id][0] if review.id in counts else review.incident_count,
                    "subject_count": counts[review.id][1] if review.id in counts else review.subject_count,
                    "due_on": due,
                    "overdue": review.status != ReviewStatus.CLOSED.value and today > due,
                }
            )
        )
    return summaries


async def list_reviews(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: frozenset[str] | None,
    page: PageParams,
    target: WorkingDays,
    area: str | None,
    district: str | None,
    status: ReviewStatus | None,
    overdue: bool | None,
) -> list[ReviewSummary]:
    rows = await ReviewRepository(session).search_rows(
        page,
        scope,
        area=area,
        district=district,
        status=status,
        overdue_before=overdue_before(london_today(), target),
        overdue=overdue,
        audit=entry(principal, action=AuditAction.READ, record_type="review", purpose="review queue"),
    )
    today, closed = london_today(), ReviewStatus.CLOSED.value
    items = []
    for row in rows:
        due = due_on(row["created_at"], target)
        overdue_now = row["status"] != closed and today > due
        items.append(ReviewSummary.model_validate({**row, "due_on": due, "overdue": overdue_now}))
    return items


async def export_reviews(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: frozenset[str] | None,
    fmt: ExportFormat,
    target: WorkingDays,
    area: str | None,
    district: str | None,
    status: ReviewStatus | None,
    overdue: bool | None,
) -> ExportFile:
    """Every review the queue would show with these filters (its query, in batches), as a file; one audit entry."""
    repo = ReviewRepository(session)
    before = overdue_before(london_today(), target)

    async def fetch(page: PageParams) -> list[ReviewSummary]:
        reviews = await repo.search(
            page, scope, area=area, district=district, status=status, overdue_before=before, overdue=overdue
        )
        return await _summaries(repo, reviews, target)

    file = await write_export(
        EXPORT_COLUMNS,
        keyset_batches(fetch, lambda r: (r.created_at, r.id)),
        fmt=fmt,
        name="reviews",
        record_id=lambda r: r.id,
    )
    await record(
        session,
        principal=principal,
        action=AuditAction.EXPORT,
        record_type="review",
        record_ids=file.record_ids,
        purpose=export_purpose(
            "review queue export", format=fmt.value, area=area, district=district, status=status, overdue=overdue
        ),
    )
    return file


async def _read(repo: ReviewRepository, review: Review, target: WorkingDays) -> ReviewRead:
    (summary,) = await _summaries(repo, [review], target)
    return ReviewRead(
        **summary.model_dump(),
        incidents=review.incidents,
        subjects=review.subjects,
        events=review.events,
    )


async def get_review(
    session: AsyncSession, *, principal: Principal, scope: frozenset[str] | None, review_id: UUID, target: WorkingDays
) -> ReviewRead:
    audit = entry(principal, action=AuditAction.READ, record_type="review", purpose="review")
    row = await ReviewRepository(session).read_audited(review_id, scope, audit)
    if row is None:
        raise ReviewNotFound(f"There is no review {review_id} that you can see.")
    due = due_on(row["created_at"], target)
    overdue = row["status"] != ReviewStatus.CLOSED.value and london_today() > due
    return ReviewRead.model_validate({**row, "due_on": due, "overdue": overdue})


async def transition(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: frozenset[str] | None,
    review_id: UUID,
    data: ReviewTransition,
    if_match: str | None,
    target: WorkingDays,
) -> ReviewRead:
    repo = ReviewRepository(session)
    review = await repo.get_visible(review_id, scope, for_update=True)
    if review is None:
        raise ReviewNotFound(f"There is no review {review_id} that you can see.")
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
    await repo.read(review.id, None)  # the incidents, young people and history, with the new step
    return await _read(repo, review, target)
