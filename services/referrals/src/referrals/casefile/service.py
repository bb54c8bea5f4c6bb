"""A young person's page, above the domains it gathers (incidents, reviews, referrals), and resolving
possible duplicates, which merges a young person's records across them."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from referrals.access import CaseworkScope
from referrals.audit.schemas import AuditAction
from referrals.audit.service import entry, record
from referrals.casefile.repository import CasefileRepository, SubjectSearch
from referrals.casefile.schemas import SubjectRead
from referrals.review.models import ReviewEventKind
from referrals.review.repository import ReviewRepository
from referrals.subject.exceptions import DuplicateAlreadyResolved, DuplicateFlagNotFound, SubjectNotFound
from referrals.subject.models import DuplicateStatus, Subject, SubjectDuplicate
from referrals.subject.repository import SubjectRepository
from referrals.subject.schemas import PossibleDuplicatePair, SubjectBrief, SubjectSummary
from referrals.subject.service import normalise, possible_duplicates
from vru_shared.auth import Principal
from vru_shared.pagination import PageParams


async def list_subjects(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: CaseworkScope,
    page: PageParams,
    search: SubjectSearch,
) -> Sequence[Subject]:
    """The young people ``scope`` may see matching ``search`` (its name as written: normalised here, the same
    way as the names it is compared with). Each page read is recorded, a search as a search."""
    if search.name is not None:
        name = normalise(search.name)
        if len(name) < 2:
            return []
        search = replace(search, name=name)
    items = await CasefileRepository(session).search(page, scope.districts, search)
    if items:
        searched = any(
            value is not None
            for value in (search.name, search.date_of_birth, search.police_person_id, search.crime_reference)
        )
        await record(
            session,
            principal=principal,
            action=AuditAction.READ,
            record_type="subject",
            record_ids=[s.id for s in items[: page.limit]],
            purpose="young people search" if searched else "young people list",
        )
    return items


async def list_possible_duplicates(
    session: AsyncSession, *, principal: Principal, scope: CaseworkScope, page: PageParams
) -> list[PossibleDuplicatePair]:
    """The queue of possible duplicates awaiting a decision, oldest first (limit + 1, for the next cursor)."""
    rows = await CasefileRepository(session).open_flags(page, scope.districts)
    pairs = [
        PossibleDuplicatePair(
            id=flag.id,
            subject=SubjectBrief.model_validate(subject),
            other=SubjectBrief.model_validate(other),
            reason=flag.reason,
            created_at=flag.created_at,
        )
        for flag, subject, other in rows
    ]
    shown = {s for pair in pairs[: page.limit] for s in (pair.subject.id, pair.other.id)}
    if shown:
        await record(
            session,
            principal=principal,
            action=AuditAction.READ,
            record_type="subject",
            record_ids=sorted(shown),
            purpose="possible duplicates queue",
        )
    return pairs


async def _read(session: AsyncSession, subject: Subject, scope: CaseworkScope) -> SubjectRead:
    """The page as ``scope`` may see it: only the incidents, reviews, referrals and other young people that
    ``scope`` could read on their own routes."""
    repo = CasefileRepository(session)
    # whether a flag is open, as the list says it; which young person it names, only if ``scope`` sees them
    every_flag = await SubjectRepository(session).flags_of([subject.id])
    flags = await repo.flags_of([subject.id], scope)
    return SubjectRead(
        **{name: getattr(subject, name) for name in SubjectSummary.model_fields if name != "possible_duplicate"},
        possible_duplicate=any(f.status == DuplicateStatus.OPEN.value for f in every_flag),
        incidents=await repo.incidents_of(subject.id, scope),
        reviews=await repo.reviews_of(subject.id, scope),
        referrals=await repo.referrals_of(subject.id, scope),
        possible_duplicates=possible_duplicates(flags, {subject.id}),
    )


async def get_subject(
    session: AsyncSession, *, principal: Principal, scope: CaseworkScope, subject_id: UUID
) -> SubjectRead:
    audit = entry(principal, action=AuditAction.READ, record_type="subject", purpose="young person's page")
    subject = await CasefileRepository(session).read_audited(subject_id, scope.districts, audit)
    if subject is None:
        raise SubjectNotFound(f"There is no subject {subject_id} that you can see.")
    return await _read(session, subject, scope)


# --- resolving possible duplicates --------------------------------------------------------------------


async def _open_pair(
    repo: SubjectRepository, subject_id: UUID, other_id: UUID
) -> tuple[Subject, Subject, SubjectDuplicate]:
    subject = await repo.get(subject_id, for_update=True)
    if subject is None:
        raise SubjectNotFound(f"There is no subject {subject_id}.")
    flag = await repo.flag_between(subject_id, other_id)
    other = await repo.get(other_id, for_update=True)
    if flag is None or other is None:
        raise DuplicateFlagNotFound(f"Subject {subject_id} is not flagged as a possible duplicate of {other_id}.")
    if flag.status != DuplicateStatus.OPEN.value:
        raise DuplicateAlreadyResolved(f"This possible duplicate was already {flag.status}.")
    if subject.merged_into_id is not None or other.merged_into_id is not None:
        raise DuplicateAlreadyResolved("One of these subjects has already been merged into another.")
    return subject, other, flag


def _resolve(flag: SubjectDuplicate, status: DuplicateStatus, principal: Principal, now: datetime) -> None:
    flag.status = status.value
    flag.resolved_at = now
    flag.resolved_by = principal.subject


async def _resolved(
    session: AsyncSession, principal: Principal, subject: Subject, other: Subject, purpose: str
) -> SubjectRead:
    await SubjectRepository(session).flush()
    await record(
        session,
        principal=principal,
        action=AuditAction.UPDATE,
        record_type="subject",
        record_ids=[subject.id, other.id],
        purpose=purpose,
    )
    return await _read(session, subject, CaseworkScope(None))  # analysts only


async def confirm_duplicate(
    session: AsyncSession, *, principal: Principal, subject_id: UUID, other_id: UUID
) -> SubjectRead:
    """The two are the same young person: ``other`` is merged into ``subject`` (its incidents and reviews
    move over; it stays, marked merged, as the audit trail)."""
    repo = SubjectRepository(session)
    subject, other, flag = await _open_pair(repo, subject_id, other_id)
    now = datetime.now(UTC)
    _resolve(flag, DuplicateStatus.CONFIRMED, principal, now)
    reviews = await CasefileRepository(session).move_records(merged=other.id, into=subject.id)
    other.merged_into_id, other.merged_at, other.merged_by = subject.id, now, principal.subject
    await repo.flush()  # the merged record leaves the police-id index before the survivor may take its id
    if subject.police_person_id is None and other.police_person_id is not None:
        subject.police_person_id = other.police_person_id
    subject.updated_at = other.updated_at = now
    for remaining in await repo.open_flags_of(other.id):
        third = remaining.other_id if remaining.subject_id == other.id else remaining.subject_id
        if third == subject.id or await repo.flag_between(subject.id, third) is not None:
            _resolve(remaining, DuplicateStatus.DISMISSED, principal, now)
        elif remaining.subject_id == other.id:
            remaining.subject_id = subject.id
        else:
            remaining.other_id = subject.id
    review_repo = ReviewRepository(session)
    await review_repo.add_events(
        [
            {
                "review_id": review_id,
                "kind": ReviewEventKind.SUBJECTS_MERGED.value,
                "reason": f"subject {other.id} confirmed the same young person as {subject.id}",
                "actor": principal.subject,
                "actor_name": principal.name,
            }
            for review_id in reviews
        ]
    )
    await review_repo.touch(reviews)
    return await _resolved(session, principal, subject, other, "confirm possible duplicate")


async def split_duplicate(
    session: AsyncSession, *, principal: Principal, subject_id: UUID, other_id: UUID
) -> SubjectRead:
    """The two are different young people: the flag is dismissed and both records stay as they are."""
    repo = SubjectRepository(session)
    subject, other, flag = await _open_pair(repo, subject_id, other_id)
    _resolve(flag, DuplicateStatus.DISMISSED, principal, datetime.now(UTC))
    return await _resolved(session, principal, subject, other, "split possible duplicate")
