"""Subject access (everything held about one young person, for the data protection officer) and retention
(the review list; erasure that leaves an audit entry naming only ids, and no personal data)."""

from datetime import UTC, date, datetime, time
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from referrals.access import CaseworkScope
from referrals.audit.schemas import AuditAction, AuditEntryRead
from referrals.audit.service import record
from referrals.calendar import london_today
from referrals.incident.models import IncidentPerson
from referrals.meeting.schemas import ActionRead
from referrals.privacy.exceptions import CaseworkStillOpen
from referrals.privacy.repository import PrivacyRepository
from referrals.privacy.schemas import (
    DecisionRecord,
    ErasureRequest,
    ErasureResult,
    IncidentRecord,
    RetentionCandidate,
    ReviewRecord,
    SubjectAccessExport,
    SubjectRecord,
)
from referrals.referral.repository import ReferralRepository
from referrals.referral.schemas import ReferralRead
from referrals.subject.exceptions import SubjectNotFound
from referrals.subject.repository import SubjectRepository
from referrals.subject.service import possible_duplicates
from referrals.support.repository import SupportRepository
from referrals.support.schemas import SupportPlanRead
from vru_shared.auth import Principal
from vru_shared.pagination import PageParams

ALL = CaseworkScope(None)


async def export(session: AsyncSession, *, principal: Principal, subject_id: UUID) -> SubjectAccessExport:
    repo = PrivacyRepository(session)
    subject = await SubjectRepository(session).get(subject_id)
    if subject is None:
        raise SubjectNotFound(f"There is no subject {subject_id}.")
    merged = await repo.merged_into(subject.id)
    ids = [subject.id, *(m.id for m in merged)]

    incidents = [
        IncidentRecord(
            incident_id=person.incident_id,
            # the person's part (role, names, ages, home district) from the person, the rest from the incident
            **{
                name: getattr(person if hasattr(IncidentPerson, name) else person.incident, name)
                for name in IncidentRecord.model_fields
                if name != "incident_id"
            },
        )
        for person in await repo.incidents(ids)
    ]
    referral_repo, support_repo = ReferralRepository(session), SupportRepository(session)
    referrals = [
        ReferralRead.model_validate(referral)
        for referral_id in await repo.referral_ids(ids)
        if (referral := await referral_repo.get_visible(referral_id, ALL)) is not None
    ]
    decisions = [DecisionRecord.model_validate(d) for d in await repo.decisions(ids)]
    actions = [ActionRead.model_validate(a) for a in await repo.actions(ids)]
    plans = [
        SupportPlanRead.model_validate(plan)
        for plan_id in await repo.plan_ids(ids)
        if (plan := await support_repo.get_visible(plan_id, None)) is not None
    ]
    flags = possible_duplicates(await SubjectRepository(session).flags_of(ids), ids)
    about = [*ids, *(r.id for r in referrals), *(p.id for p in plans), *(d.id for d in decisions)]
    entries = [AuditEntryRead.model_validate(e) for e in await repo.audit_entries(about)]
    await record(
        session,
        principal=principal,
        action=AuditAction.EXPORT,
        record_type="subject",
        record_ids=ids,
        purpose="subject access export",
    )
    return SubjectAccessExport(
        generated_at=datetime.now(UTC),
        subject=SubjectRecord.model_validate(subject),
        merged_records=[SubjectRecord.model_validate(m) for m in merged],
        incidents=incidents,
        reviews=[ReviewRecord.model_validate(r) for r in await repo.reviews(ids)],
        referrals=referrals,
        meeting_decisions=decisions,
        actions=actions,
        support_plans=plans,
        possible_duplicates=flags,
        audit_entries=entries,
    )


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _years_after(moment: datetime, years: int) -> date:
    day = moment.date()
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


async def review_list(
    session: AsyncSession, *, principal: Principal, page: PageParams, retention_years: int, minimum_age: int
) -> list[RetentionCandidate]:
    today = london_today()
    inactive_before = datetime.combine(_years_before(today, retention_years), time(), tzinfo=UTC)
    rows = await PrivacyRepository(session).due_for_review(
        page, inactive_before=inactive_before, born_before=_years_before(today, minimum_age)
    )
    items = [
        RetentionCandidate(
            subject_id=subject.id,
            last_activity_at=activity,
            retain_until=_years_after(activity, retention_years),
            created_at=subject.created_at,
        )
        for subject, activity in rows
    ]
    if items:
        await record(
            session,
            principal=principal,
            action=AuditAction.READ,
            record_type="subject",
            record_ids=[i.subject_id for i in items[: page.limit]],
            purpose="retention review",
        )
    return items


async def erase(session: AsyncSession, *, principal: Principal, data: ErasureRequest) -> ErasureResult:
    repo = PrivacyRepository(session)
    subject = await SubjectRepository(session).get(data.subject_id, for_update=True)
    if subject is None:
        raise SubjectNotFound(f"There is no subject {data.subject_id}.")
    ids = [subject.id, *(m.id for m in await repo.merged_into(subject.id))]
    if await repo.has_open_casework(ids):
        raise CaseworkStillOpen(
            "Something about this young person is still open (a review, referral, support plan or action); "
            "close it before erasing."
        )
    referral_ids = await repo.referral_ids(ids)
    erased = await repo.erase(ids)
    await record(
        session,
        principal=principal,
        action=AuditAction.ERASE,
        record_type="subject",
        record_ids=[*ids, *referral_ids],
        purpose=f"erasure: {data.reason.value.replace('_', ' ')}",
    )
    return ErasureResult(subject_id=subject.id, erased_at=datetime.now(UTC), reason=data.reason, erased=erased)
