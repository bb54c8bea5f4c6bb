from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from funding.access import EVENT_AUDIENCE, DistrictScope
from funding.db import event_outbox
from funding.fund.repository import BudgetLineRepository
from funding.fund.service import ensure_room
from funding.grant.exceptions import (
    AlreadySubmitted,
    DisbursementNotFound,
    DisbursementTransitionNotAllowed,
    FourEyes,
    GrantNotEditable,
    GrantNotFound,
    GrantTransitionNotAllowed,
    InvalidGrant,
    MonitoringReturnNotFound,
    ReturnNotSubmitted,
    ReturnVersionNotFound,
    ScheduleExceedsAward,
    ScheduleNotAllowed,
)
from funding.grant.models import (
    DISBURSEMENT_TRANSITIONS,
    TRANSITIONS,
    Disbursement,
    DisbursementStatus,
    Grant,
    GrantStatus,
    MonitoringReturn,
    MonitoringReturnVersion,
    london_today,
)
from funding.grant.repository import (
    DisbursementRepository,
    GrantRepository,
    MonitoringReturnRepository,
    MonitoringReturnVersionRepository,
)
from funding.grant.schemas import (
    DisbursementTransition,
    Frequency,
    GrantCreate,
    GrantTransition,
    GrantUpdate,
    MonitoringReturnAmend,
    MonitoringReturnSubmit,
    ScheduleCreate,
)
from funding.money import pounds
from funding.organisation.repository import OrganisationRepository
from funding.organisation.service import ensure_due_diligence
from funding.project.repository import ProjectRepository
from vru_shared.auth import Principal
from vru_shared.etag import check_if_match
from vru_shared.events import publish
from vru_shared.pagination import PageParams

#: A monitoring return is due this many days after its quarter ends.
RETURN_DUE_DAYS = 30
EDITABLE = frozenset({GrantStatus.DRAFT, GrantStatus.SUBMITTED, GrantStatus.IN_REVIEW})


# --- pure arithmetic -------------------------------------------------------------------------------------


def split_pence(amount: int, parts: int) -> list[int]:
    """``amount`` in ``parts`` instalments that differ by at most a penny and sum to it exactly; the first
    instalments take the odd pennies (1,000,000 in 3 → 333,334 + 333,333 + 333,333)."""
    if parts < 1 or amount < 0:
        raise ValueError("parts must be at least 1 and amount not negative")
    base, odd = divmod(amount, parts)
    return [base + 1 if i < odd else base for i in range(parts)]


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or that month's last day when it is shorter (31 Jan + 1 → 28/29 Feb)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    next_month = date(year + (month == 12), month % 12 + 1, 1)
    return min(day.replace(year=year, month=month, day=1) + timedelta(days=day.day - 1), next_month - timedelta(days=1))


def financial_quarters(start: date, end: date) -> list[tuple[str, date, date]]:
    """The financial-year quarters (Q1 April–June … Q4 January–March) that overlap ``start``–``end``."""
    quarters = []
    first_month = ((start.month - 4) // 3 * 3 + 3) % 12 + 1
    quarter_start = date(start.year if first_month <= start.month else start.year - 1, first_month, 1)
    while quarter_start <= end:
        quarter_end = add_months(quarter_start, 3) - timedelta(days=1)
        year_start = quarter_start.year if quarter_start.month >= 4 else quarter_start.year - 1
        number = (quarter_start.month - 4) % 12 // 3 + 1
        quarters.append((f"{year_start}-{(year_start + 1) % 100:02d} Q{number}", quarter_start, quarter_end))
        quarter_start = quarter_end + timedelta(days=1)
    return quarters


# --- grants ------------------------------------------------------------------------------------------------


async def list_grants(
    session: AsyncSession,
    *,
    scope: DistrictScope,
    page: PageParams,
    status: GrantStatus | None,
    district: str | None,
    budget_line_id: UUID | None,
    project_id: UUID | None,
    recipient_id: UUID | None,
    allocation_id: UUID | None,
) -> Sequence[Grant]:
    return await GrantRepository(session).filtered(
        page,
        scope,
        status=status.value if status else None,
        district=district,
        budget_line_id=budget_line_id,
        project_id=project_id,
        recipient_id=recipient_id,
        allocation_id=allocation_id,
    )


async def _load(repo: GrantRepository, grant_id: UUID, scope: DistrictScope, *, lock: bool) -> Grant:
    grant = await repo.get_visible(grant_id, scope, for_update=lock)
    if grant is None:
        raise GrantNotFound(f"There is no grant {grant_id} that you can see.")
    return grant


async def get_grant(session: AsyncSession, *, scope: DistrictScope, grant_id: UUID) -> Grant:
    """The grant with its history (for :class:`GrantDetail`)."""
    grant = await GrantRepository(session).detail(grant_id, scope)
    if grant is None:
        raise GrantNotFound(f"There is no grant {grant_id} that you can see.")
    return grant


async def _check_references(
    session: AsyncSession, *, budget_line_id: UUID | None, project_id: UUID | None
) -> list[str] | None:
    """Validate the line and project; return the project's districts (if a project is given)."""
    if budget_line_id is not None and await BudgetLineRepository(session).get(budget_line_id) is None:
        raise InvalidGrant(f"There is no budget line {budget_line_id}.")
    if project_id is None:
        return None
    project = await ProjectRepository(session).get(project_id)
    if project is None:
        raise InvalidGrant(f"There is no project {project_id}.")
    return list(project.districts)


async def create_grant(session: AsyncSession, *, data: GrantCreate, principal: Principal) -> Grant:
    recipient = await OrganisationRepository(session).get(data.recipient_organisation_id)
    if recipient is None:
        raise InvalidGrant(f"There is no organisation {data.recipient_organisation_id}.")
    project_districts = await _check_references(session, budget_line_id=data.budget_line_id, project_id=data.project_id)
    districts = data.districts or project_districts or ([recipient.district] if recipient.district else [])
    grant = Grant(
        title=data.title,
        description=data.description,
        recipient_organisation_id=recipient.id,
        project_id=data.project_id,
        budget_line_id=data.budget_line_id,
        districts=sorted(set(districts)),
        status=GrantStatus.DRAFT.value,
        currency="GBP",
        amount_applied_pence=data.amount_applied_pence,
        amount_recommended_pence=data.amount_recommended_pence,
        planned_start_on=data.planned_start_on,
        planned_end_on=data.planned_end_on,
        created_by=principal.subject,
    )
    repo = GrantRepository(session)
    await repo.add(grant)
    await repo.add_event(
        grant_id=grant.id,
        from_status=None,
        to_status=GrantStatus.DRAFT.value,
        actor=principal.subject,
        actor_name=principal.name,
    )
    return await get_grant(session, scope=None, grant_id=grant.id)


async def update_grant(session: AsyncSession, *, grant_id: UUID, data: GrantUpdate, if_match: str | None) -> Grant:
    repo = GrantRepository(session)
    grant = await _load(repo, grant_id, None, lock=False)
    check_if_match(if_match, grant.version)
    if GrantStatus(grant.status) not in EDITABLE:
        raise GrantNotEditable(f"A grant in status '{grant.status}' can no longer be changed.")
    changes = data.model_dump(exclude_unset=True)
    if "budget_line_id" in changes or "project_id" in changes:
        await _check_references(session, budget_line_id=data.budget_line_id, project_id=data.project_id)
    if "districts" in changes and data.districts is not None:
        changes["districts"] = sorted(set(data.districts))
    start = changes.get("planned_start_on", grant.planned_start_on)
    end = changes.get("planned_end_on", grant.planned_end_on)
    if start and end and end < start:
        raise InvalidGrant("planned_end_on is before planned_start_on.")
    for field, value in changes.items():
        if value is None and field in ("title", "description", "amount_applied_pence", "districts"):
            raise InvalidGrant(f"{field} cannot be emptied.")
    if any(getattr(grant, field) != value for field, value in changes.items()):
        await repo.update(grant, {**changes, "updated_at": datetime.now(UTC)})
    return await get_grant(session, scope=None, grant_id=grant_id)


async def transition(
    session: AsyncSession,
    *,
    grant_id: UUID,
    data: GrantTransition,
    principal: Principal,
    if_match: str | None,
    due_diligence_months: int = 12,
) -> Grant:
    repo = GrantRepository(session)
    grant = await _load(repo, grant_id, None, lock=True)
    check_if_match(if_match, grant.version)
    current = GrantStatus(grant.status)
    allowed = TRANSITIONS[current]
    if data.to not in allowed:
        options = ", ".join(sorted(allowed)) or "none"
        raise GrantTransitionNotAllowed(
            f"A grant in status '{current}' cannot move to '{data.to}'. Allowed next: {options}.",
            extra={"current_status": current.value, "allowed": sorted(allowed)},
        )
    now = datetime.now(UTC)
    if data.to is GrantStatus.SUBMITTED:
        grant.submitted_by, grant.submitted_at = principal.subject, now
    elif data.to is GrantStatus.APPROVED:
        await _approve(session, grant, data, principal, due_diligence_months)
    elif data.to is GrantStatus.REJECTED:
        grant.decided_by, grant.decided_at = principal.subject, now
    elif data.to is GrantStatus.ACTIVE:
        await _schedule_returns(session, grant)
    if data.reason:
        grant.status_reason = data.reason
    grant.status = data.to.value
    grant.updated_at = now
    await repo.add_event(
        grant_id=grant.id,
        from_status=current.value,
        to_status=data.to.value,
        reason=data.reason,
        amount_awarded_pence=grant.amount_awarded_pence if data.to is GrantStatus.APPROVED else None,
        actor=principal.subject,
        actor_name=principal.name,
    )
    await repo.flush()
    if data.to is GrantStatus.APPROVED:
        await announce_grant(session, grant, "grant.approved")
    return await get_grant(session, scope=None, grant_id=grant_id)


def _district(districts: Sequence[str]) -> str | None:
    """The one district a grant serves (``data.district``), or None when it serves several."""
    return districts[0] if len(districts) == 1 else None


async def announce_grant(session: AsyncSession, grant: Grant, event_type: str) -> None:
    """``grant.<status>`` for webhooks, in this transaction: ids, codes and dates (never the title, description
    or amounts' reasons)."""
    await publish(
        session,
        event_outbox,
        event_type,
        record_id=grant.id,
        path=f"/v1/grants/{grant.id}",
        audience=EVENT_AUDIENCE,
        status=grant.status,
        district=_district(grant.districts),
        extra={
            "districts": sorted(grant.districts),
            "recipient_organisation_id": str(grant.recipient_organisation_id),
            "project_id": str(grant.project_id) if grant.project_id is not None else None,
            "budget_line_id": str(grant.budget_line_id) if grant.budget_line_id is not None else None,
            "allocation_id": str(grant.allocation_id) if grant.allocation_id is not None else None,
            "award_date": grant.award_date.isoformat() if grant.award_date is not None else None,
        },
    )


async def _approve(
    session: AsyncSession, grant: Grant, data: GrantTransition, principal: Principal, due_diligence_months: int
) -> None:
    if grant.submitted_by == principal.subject:
        raise FourEyes("You submitted this grant; someone else (the director or a programme officer) must approve it.")
    await ensure_due_diligence(
        session, organisation_id=grant.recipient_organisation_id, today=london_today(), months=due_diligence_months
    )
    if grant.budget_line_id is None:
        raise InvalidGrant("Set the grant's budget_line_id before approving it.")
    amount = data.amount_awarded_pence or grant.amount_recommended_pence or grant.amount_applied_pence
    if amount <= 0:
        raise InvalidGrant("The award must be above £0.00.")
    line = await BudgetLineRepository(session).lock(grant.budget_line_id)
    if line is None:  # pragma: no cover - a foreign key
        raise InvalidGrant(f"There is no budget line {grant.budget_line_id}.")
    await ensure_room(session, line, amount, "An award")
    grant.amount_awarded_pence = amount
    grant.award_date = data.award_date or london_today()
    grant.decided_by, grant.decided_at = principal.subject, datetime.now(UTC)


async def _schedule_returns(session: AsyncSession, grant: Grant) -> None:
    """An active grant owes a return for each financial quarter of its planned period."""
    start = grant.planned_start_on or grant.award_date or london_today()
    end = grant.planned_end_on or add_months(start, 12) - timedelta(days=1)
    rows = [
        MonitoringReturn(
            grant_id=grant.id,
            period=period,
            quarter_start=q_start,
            quarter_end=q_end,
            due_on=q_end + timedelta(days=RETURN_DUE_DAYS),
        )
        for period, q_start, q_end in financial_quarters(start, end)
    ]
    await MonitoringReturnRepository(session).add_all(rows)


# --- disbursements ------------------------------------------------------------------------------------------


async def schedule(session: AsyncSession, *, grant_id: UUID, data: ScheduleCreate) -> list[Disbursement]:
    repo = GrantRepository(session)
    grant = await _load(repo, grant_id, None, lock=True)
    if GrantStatus(grant.status) not in (GrantStatus.APPROVED, GrantStatus.ACTIVE):
        raise ScheduleNotAllowed(f"Only approved or active grants are paid; this one is '{grant.status}'.")
    assert grant.amount_awarded_pence is not None
    paid, scheduled = await repo.money(grant_id)
    remaining = grant.amount_awarded_pence - paid - scheduled
    amount = data.amount_pence if data.amount_pence is not None else remaining
    if amount <= 0 or amount > remaining:
        raise ScheduleExceedsAward(
            f"{pounds(amount)} cannot be scheduled: {pounds(remaining)} of the award remains "
            f"({pounds(paid)} paid, {pounds(scheduled)} scheduled).",
            extra={"remaining_pence": remaining},
        )
    if data.instalments > amount:
        raise ScheduleExceedsAward(f"{data.instalments} instalments cannot share {pounds(amount)}.")
    step = 1 if data.frequency is Frequency.MONTHLY else 3
    disbursements = DisbursementRepository(session)
    sequence = await disbursements.next_sequence(grant_id)
    rows = [
        Disbursement(
            grant_id=grant_id,
            sequence=sequence + i,
            due_on=add_months(data.first_due_on, i * step),
            amount_pence=part,
            currency="GBP",
            status=DisbursementStatus.SCHEDULED.value,
        )
        for i, part in enumerate(split_pence(amount, data.instalments))
    ]
    await disbursements.add_all(rows)
    await repo.update(grant, {"updated_at": datetime.now(UTC)})
    return rows


async def list_disbursements(
    session: AsyncSession, *, scope: DistrictScope, grant_id: UUID, page: PageParams
) -> Sequence[Disbursement]:
    await _load(GrantRepository(session), grant_id, scope, lock=False)
    return await DisbursementRepository(session).of_grant(grant_id, page)


async def get_disbursement(session: AsyncSession, *, scope: DistrictScope, disbursement_id: UUID) -> Disbursement:
    disbursement = await DisbursementRepository(session).get_visible(disbursement_id, scope)
    if disbursement is None:
        raise DisbursementNotFound(f"There is no disbursement {disbursement_id} that you can see.")
    return disbursement


async def transition_disbursement(
    session: AsyncSession, *, disbursement_id: UUID, data: DisbursementTransition, if_match: str | None
) -> Disbursement:
    disbursement = await DisbursementRepository(session).get(disbursement_id, for_update=True)
    if disbursement is None:
        raise DisbursementNotFound(f"There is no disbursement {disbursement_id}.")
    if if_match is not None:
        check_if_match(if_match, disbursement.version)
    current = DisbursementStatus(disbursement.status)
    allowed = DISBURSEMENT_TRANSITIONS[current]
    if data.to not in allowed:
        options = ", ".join(sorted(allowed)) or "none"
        raise DisbursementTransitionNotAllowed(
            f"A disbursement in status '{current}' cannot move to '{data.to}'. Allowed next: {options}.",
            extra={"current_status": current.value, "allowed": sorted(allowed)},
        )
    grant = None
    if data.to is DisbursementStatus.PAID:
        grant = await _load(GrantRepository(session), disbursement.grant_id, None, lock=True)
        if GrantStatus(grant.status) not in (GrantStatus.APPROVED, GrantStatus.ACTIVE):
            raise DisbursementTransitionNotAllowed(f"The grant is '{grant.status}': nothing more is paid on it.")
        disbursement.paid_on = data.paid_on or london_today()
    disbursement.status = data.to.value
    disbursement.reason = data.reason or disbursement.reason
    disbursement.updated_at = datetime.now(UTC)
    await DisbursementRepository(session).flush()
    if grant is not None:
        await publish(
            session,
            event_outbox,
            "disbursement.paid",
            record_id=disbursement.id,
            path=f"/v1/disbursements/{disbursement.id}",
            audience=EVENT_AUDIENCE,
            status=disbursement.status,
            district=_district(grant.districts),
            extra={
                "districts": sorted(grant.districts),
                "grant_id": str(grant.id),
                "recipient_organisation_id": str(grant.recipient_organisation_id),
                "sequence": str(disbursement.sequence),
                "due_on": disbursement.due_on.isoformat(),
                "paid_on": disbursement.paid_on.isoformat() if disbursement.paid_on else None,
            },
        )
    return disbursement


# --- monitoring returns -------------------------------------------------------------------------------------


async def list_returns(
    session: AsyncSession, *, scope: DistrictScope, page: PageParams, grant_id: UUID | None, overdue: bool | None
) -> Sequence[MonitoringReturn]:
    repo = MonitoringReturnRepository(session)
    return await repo.filtered(page, scope, grant_id=grant_id, overdue=overdue, today=london_today())


async def get_return(session: AsyncSession, *, scope: DistrictScope, return_id: UUID) -> MonitoringReturn:
    row = await MonitoringReturnRepository(session).get_visible(return_id, scope)
    if row is None:
        raise MonitoringReturnNotFound(f"There is no monitoring return {return_id} that you can see.")
    return row


async def submit_return(
    session: AsyncSession, *, return_id: UUID, data: MonitoringReturnSubmit, principal: Principal
) -> MonitoringReturn:
    repo = MonitoringReturnRepository(session)
    row = await repo.get(return_id, for_update=True)
    if row is None:
        raise MonitoringReturnNotFound(f"There is no monitoring return {return_id}.")
    if row.submitted_at is not None:
        raise AlreadySubmitted(f"The {row.period} return was already submitted on {row.submitted_at:%Y-%m-%d}.")
    values = data.model_dump()
    await repo.update(
        row, {**values, "submitted_at": datetime.now(UTC), "submitted_by": principal.subject, "figures_version": 1}
    )
    await _record_version(session, row=row, version=1, values=values, reason=None, principal=principal)
    return await get_return(session, scope=None, return_id=return_id)


async def _record_version(
    session: AsyncSession,
    *,
    row: MonitoringReturn,
    version: int,
    values: dict[str, object],
    reason: str | None,
    principal: Principal,
) -> MonitoringReturnVersion:
    """Keep this version of the return's figures, with who recorded it (the history is the audit trail)."""
    kept = MonitoringReturnVersion(
        return_id=row.id,
        version=version,
        people_served=values["people_served"],
        sessions_delivered=values["sessions_delivered"],
        outcomes=values["outcomes"],
        reason=reason,
        recorded_by=principal.client_id or principal.subject,
        recorded_by_name=principal.name,
    )
    await MonitoringReturnVersionRepository(session).record(kept)
    return kept


async def amend_return(
    session: AsyncSession, *, return_id: UUID, data: MonitoringReturnAmend, principal: Principal
) -> tuple[MonitoringReturn, MonitoringReturnVersion]:
    """Correct a submitted return: a new version of its figures with the reason, who and when; the return shows
    the latest (so every total derived from returns does), and the earlier versions stay readable."""
    repo = MonitoringReturnRepository(session)
    row = await repo.get(return_id, for_update=True)  # one amendment at a time: versions stay consecutive
    if row is None:
        raise MonitoringReturnNotFound(f"There is no monitoring return {return_id}.")
    if row.submitted_at is None:
        raise ReturnNotSubmitted(f"The {row.period} return has not been submitted: submit it instead of amending it.")
    figures = data.model_dump(exclude={"reason"})
    version = row.figures_version + 1
    await repo.update(
        row, {**figures, "figures_version": version, "amended_at": datetime.now(UTC), "amended_by": principal.subject}
    )
    kept = await _record_version(
        session, row=row, version=version, values=figures, reason=data.reason, principal=principal
    )
    return await get_return(session, scope=None, return_id=return_id), kept


async def list_return_versions(
    session: AsyncSession, *, scope: DistrictScope, return_id: UUID, page: PageParams
) -> Sequence[MonitoringReturnVersion]:
    """The versions of a return's figures, oldest first (404 for a return the caller cannot see)."""
    await get_return(session, scope=scope, return_id=return_id)
    return await MonitoringReturnVersionRepository(session).of_return(page, return_id)


async def get_return_version(
    session: AsyncSession, *, scope: DistrictScope, return_id: UUID, version: int
) -> MonitoringReturnVersion:
    await get_return(session, scope=scope, return_id=return_id)
    row = await MonitoringReturnVersionRepository(session).get_by(return_id=return_id, version=version)
    if row is None:
        raise ReturnVersionNotFound(f"The return {return_id} has no version {version}.")
    return row
