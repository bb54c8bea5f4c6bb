"""Support plans: the interventions agreed for a young person (electronic tag, NRM submission, education
re-engagement, substance-misuse support, …), each with provider, dates and outcome."""

from collections.abc import Sequence
from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from referrals.access import CaseworkScope
from referrals.audit.schemas import AuditAction
from referrals.audit.service import record
from referrals.reference.repository import PartnerAgencyRepository
from referrals.referral.repository import ReferralRepository
from referrals.review.repository import VisibleSubjectRepository
from referrals.subject.exceptions import SubjectNotFound
from referrals.support.exceptions import (
    ActivePlanExists,
    InterventionNotFound,
    InvalidSupport,
    PlanClosed,
    SupportPlanNotFound,
)
from referrals.support.models import Intervention, InterventionStatus, PlanStatus, SupportPlan
from referrals.support.repository import InterventionRepository, SupportRepository
from referrals.support.schemas import (
    InterventionCreate,
    InterventionUpdate,
    SupportPlanCreate,
    SupportPlanUpdate,
)
from vru_shared.auth import Principal
from vru_shared.etag import check_if_match
from vru_shared.pagination import PageParams


async def _audit(
    session: AsyncSession, principal: Principal, action: AuditAction, ids: Sequence[UUID], purpose: str
) -> None:
    await record(
        session, principal=principal, action=action, record_type="support_plan", record_ids=ids, purpose=purpose
    )


async def _plan(repo: SupportRepository, plan_id: UUID, scope: CaseworkScope) -> SupportPlan:
    plan = await repo.get_visible(plan_id, scope.districts)
    if plan is None:
        raise SupportPlanNotFound(f"There is no support plan {plan_id} that you can see.")
    return plan


async def list_plans(
    session: AsyncSession, *, principal: Principal, scope: CaseworkScope, page: PageParams, subject_id: UUID | None
) -> Sequence[SupportPlan]:
    plans = await SupportRepository(session).find(page, scope.districts, subject_id=subject_id)
    if plans:
        ids = [p.id for p in plans[: page.limit]] + list(dict.fromkeys(p.subject_id for p in plans[: page.limit]))
        await _audit(session, principal, AuditAction.READ, ids, "support plans")
    return plans


async def get_plan(session: AsyncSession, *, principal: Principal, scope: CaseworkScope, plan_id: UUID) -> SupportPlan:
    plan = await _plan(SupportRepository(session), plan_id, scope)
    await _audit(session, principal, AuditAction.READ, [plan.id, plan.subject_id], "support plan")
    return plan


async def create_plan(
    session: AsyncSession, *, principal: Principal, scope: CaseworkScope, data: SupportPlanCreate
) -> SupportPlan:
    repo = SupportRepository(session)
    subject = await VisibleSubjectRepository(session).get_visible(data.subject_id, scope.districts)
    if subject is None or subject.merged_into_id is not None:
        raise SubjectNotFound(f"There is no subject {data.subject_id} that you can see.")
    if data.referral_id is not None:
        referral = await ReferralRepository(session).get_visible(data.referral_id, scope)
        if referral is None or referral.subject_id != subject.id:
            raise InvalidSupport("That referral is not one of this young person's that you can see.")
    plan = SupportPlan(
        subject_id=subject.id,
        referral_id=data.referral_id,
        status=PlanStatus.ACTIVE.value,
        summary=data.summary,
        created_by=principal.subject,
    )
    if not await repo.add(plan):
        existing = await repo.active_of(subject.id)
        raise ActivePlanExists(
            f"Support plan {existing.id if existing else ''} is active for this young person; add to it.",
            extra={"existing_plan_id": str(existing.id) if existing else None},
        )
    await _audit(session, principal, AuditAction.CREATE, [plan.id, subject.id], "support plan created")
    return await _plan(repo, plan.id, scope)


async def update_plan(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: CaseworkScope,
    plan_id: UUID,
    data: SupportPlanUpdate,
    if_match: str | None,
) -> SupportPlan:
    repo = SupportRepository(session)
    plan = await _plan(repo, plan_id, scope)
    check_if_match(if_match, plan.version)
    if plan.status == PlanStatus.CLOSED.value:
        raise PlanClosed("The plan is closed; start a new one.")
    now = datetime.now(UTC)
    values: dict[str, object] = {"updated_at": now}
    if data.summary is not None:
        values["summary"] = data.summary
    if data.status is PlanStatus.CLOSED:
        values |= {"status": PlanStatus.CLOSED.value, "closed_at": now}
    await repo.update(plan, values)
    await _audit(session, principal, AuditAction.UPDATE, [plan.id, plan.subject_id], "support plan updated")
    return plan


async def add_intervention(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: CaseworkScope,
    plan_id: UUID,
    data: InterventionCreate,
) -> Intervention:
    repo = SupportRepository(session)
    plan = await _plan(repo, plan_id, scope)
    if plan.status == PlanStatus.CLOSED.value:
        raise PlanClosed("The plan is closed; start a new one.")
    provider_agency = None
    if data.provider_agency is not None:
        provider_agency = await PartnerAgencyRepository(session).get_by(code=data.provider_agency)
        if provider_agency is None:
            raise InvalidSupport(f"There is no partner agency '{data.provider_agency}'.")
    intervention = Intervention(
        plan_id=plan.id,
        kind=data.kind.value,
        provider_agency_id=provider_agency.id if provider_agency else None,
        provider=data.provider or (provider_agency.name if provider_agency else ""),
        description=data.description,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        status=data.status.value,
        outcome=data.outcome,
    )
    await InterventionRepository(session).add(intervention)
    # The plan changes with its interventions: its version (the ETag) moves on.
    await repo.update(plan, {"updated_at": datetime.now(UTC)})
    await _audit(
        session, principal, AuditAction.CREATE, [intervention.id, plan.id, plan.subject_id], "intervention added"
    )
    return await _intervention(session, intervention.id, scope)


async def _intervention(session: AsyncSession, intervention_id: UUID, scope: CaseworkScope) -> Intervention:
    intervention = await InterventionRepository(session).get_visible(intervention_id, scope.districts)
    if intervention is None:
        raise InterventionNotFound(f"There is no intervention {intervention_id} that you can see.")
    return intervention


async def get_intervention(
    session: AsyncSession, *, principal: Principal, scope: CaseworkScope, intervention_id: UUID
) -> Intervention:
    intervention = await _intervention(session, intervention_id, scope)
    plan = intervention.plan
    await _audit(session, principal, AuditAction.READ, [intervention.id, plan.id, plan.subject_id], "intervention")
    return intervention


async def update_intervention(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: CaseworkScope,
    intervention_id: UUID,
    data: InterventionUpdate,
    if_match: str | None,
) -> Intervention:
    intervention = await _intervention(session, intervention_id, scope)
    check_if_match(if_match, intervention.version)
    values: dict[str, object] = {"updated_at": datetime.now(UTC)}
    for name in data.model_fields_set:
        value = getattr(data, name)
        values[name] = value.value if isinstance(value, InterventionStatus) else value
    status = data.status or InterventionStatus(intervention.status)
    outcome = data.outcome if "outcome" in data.model_fields_set else intervention.outcome
    ends_on = data.ends_on if "ends_on" in data.model_fields_set else intervention.ends_on
    if status in (InterventionStatus.COMPLETED, InterventionStatus.STOPPED) and not outcome:
        raise InvalidSupport(f"An outcome is required when the intervention is {status.value}.")
    if ends_on is not None and ends_on < intervention.starts_on:
        raise InvalidSupport("ends_on is before starts_on.")
    await InterventionRepository(session).update(intervention, values)
    plan = intervention.plan
    await _audit(
        session, principal, AuditAction.UPDATE, [intervention.id, plan.id, plan.subject_id], "intervention updated"
    )
    return intervention
