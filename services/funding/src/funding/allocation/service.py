from datetime import UTC, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from funding.access import EVENT_AUDIENCE, DistrictScope
from funding.allocation.exceptions import (
    AllocationInfeasible,
    AllocationNotFound,
    AlreadyCommitted,
    InvalidAllocation,
    NoCsuOrganisation,
)
from funding.allocation.formula import METHOD, TIE_BREAK, InfeasibleAllocation, Share, allocate
from funding.allocation.models import Allocation, AllocationBasis, AllocationLine, AllocationStatus
from funding.allocation.repository import AllocationRepository
from funding.allocation.schemas import AllocationCreate, AllocationLineRead, AllocationRead
from funding.clients.referrals import ReferralsClient
from funding.db import event_outbox
from funding.fund.repository import BudgetLineRepository
from funding.fund.service import ensure_room
from funding.grant.models import Grant, GrantStatus
from funding.grant.repository import GrantRepository
from funding.money import pounds
from funding.organisation.repository import OrganisationRepository
from funding.project.repository import ProjectRepository
from vru_shared.auth import Principal
from vru_shared.etag import check_if_match
from vru_shared.events import publish
from vru_shared.kent_medway import DISTRICTS
from vru_shared.pagination import PageParams

SIX_PLACES = Decimal("0.000001")


def _decimal(value: Fraction) -> str:
    return str((Decimal(value.numerator) / Decimal(value.denominator)).quantize(SIX_PLACES))


def _text(value: Fraction) -> str:
    return f"{value.numerator}/{value.denominator}"


def _line(share: Share) -> AllocationLine:
    return AllocationLine(
        district=share.recipient,
        basis_value=share.weight,
        quota=_text(share.quota),
        bound=share.bound,
        whole_pence=share.whole,
        remainder=_text(share.remainder),
        rank=share.rank,
        extra_penny=share.extra_penny,
        tie_broken=share.tie_broken,
        amount_pence=share.amount,
    )


def _compute(inputs: dict[str, Any]) -> list[Share]:
    return allocate(
        int(inputs["pot_pence"]),
        {k: int(v) for k, v in inputs["basis_values"].items()},
        floor=inputs.get("floor_pence"),
        cap=inputs.get("cap_pence"),
    )


def _reproducible(allocation: Allocation) -> bool:
    """Recompute from the stored inputs and compare with the stored figures."""
    try:
        shares = {s.recipient: s for s in _compute(allocation.inputs)}
    except (InfeasibleAllocation, KeyError, TypeError, ValueError):
        return False
    return all(
        (s := shares.get(line.district)) is not None
        and (s.weight, _text(s.quota), s.whole, _text(s.remainder), s.rank, s.extra_penny, s.amount)
        == (
            line.basis_value,
            line.quota,
            line.whole_pence,
            line.remainder,
            line.rank,
            line.extra_penny,
            line.amount_pence,
        )
        for line in allocation.lines
    )


def _read(allocation: Allocation, *, full: bool) -> AllocationRead:
    lines = allocation.lines
    return AllocationRead(
        id=allocation.id,
        title=allocation.title,
        status=AllocationStatus(allocation.status),
        basis=AllocationBasis(allocation.basis),
        budget_line_id=allocation.budget_line_id,
        project_id=allocation.project_id,
        pot_pence=allocation.pot_pence,
        currency="GBP",
        period_from=allocation.period_from,
        period_to=allocation.period_to,
        floor_pence=allocation.floor_pence,
        cap_pence=allocation.cap_pence,
        basis_total=sum(line.basis_value for line in lines),
        total_pence=sum(line.amount_pence for line in lines),
        method=str(allocation.inputs.get("method", METHOD)),
        tie_break=str(allocation.inputs.get("tie_break", TIE_BREAK)),
        recipients=[
            AllocationLineRead(
                district=line.district,
                district_name=DISTRICTS[line.district].name,
                basis_value=line.basis_value,
                quota=line.quota,
                quota_pence=_decimal(Fraction(line.quota)),
                bound=line.bound,
                whole_pence=line.whole_pence,
                remainder=line.remainder,
                remainder_decimal=_decimal(Fraction(line.remainder)),
                rank=line.rank,
                extra_penny=line.extra_penny,
                tie_broken=line.tie_broken,
                amount_pence=line.amount_pence,
                grant_id=line.grant_id,
            )
            for line in lines
        ],
        inputs=allocation.inputs if full else None,
        reproducible=_reproducible(allocation),
        created_by=allocation.created_by,
        created_at=allocation.created_at,
        committed_by=allocation.committed_by,
        committed_at=allocation.committed_at,
        version=allocation.version,
    )


async def preview(
    session: AsyncSession, *, data: AllocationCreate, principal: Principal, referrals: ReferralsClient
) -> AllocationRead:
    """Compute and store a run in status ``preview``. The referrals service is asked first: if it fails,
    nothing is stored."""
    if await BudgetLineRepository(session).get(data.budget_line_id) is None:
        raise InvalidAllocation(f"There is no budget line {data.budget_line_id}.")
    if data.project_id is not None and await ProjectRepository(session).get(data.project_id) is None:
        raise InvalidAllocation(f"There is no project {data.project_id}.")
    recipients = data.recipient_codes()
    inputs: dict[str, Any] = {
        "method": METHOD,
        "tie_break": TIE_BREAK,
        "basis": data.basis.value,
        "pot_pence": data.pot_pence,
        "currency": "GBP",
        "floor_pence": data.floor_pence,
        "cap_pence": data.cap_pence,
        "recipients": recipients,
    }
    if data.basis is AllocationBasis.KNIFE_INCIDENTS:
        assert data.period_from is not None
        assert data.period_to is not None
        stats = await referrals.knife_incidents_by_district(data.period_from, data.period_to)
        counts = {g.district: g.count for g in stats.groups if g.district is not None}
        inputs["basis_values"] = {d: counts.get(d, 0) for d in recipients}
        inputs["period"] = {"from": data.period_from.isoformat(), "to": data.period_to.isoformat()}
        inputs["source"] = {
            "service": "referrals",
            "request": "GET /v1/statistics/incidents",
            "params": {
                "from": data.period_from.isoformat(),
                "to": data.period_to.isoformat(),
                "group_by": "district",
                "knife": "true",
            },
            "response": stats.model_dump(mode="json", by_alias=True),
            "fetched_at": datetime.now(UTC).isoformat(),
        }
    else:
        assert data.weights is not None
        inputs["basis_values"] = {d: int(data.weights[d]) for d in recipients}  # type: ignore[index]
    try:
        shares = _compute(inputs)
    except InfeasibleAllocation as exc:
        raise AllocationInfeasible(str(exc), extra={"basis_values": inputs["basis_values"]}) from exc
    allocation = Allocation(
        title=data.title,
        status=AllocationStatus.PREVIEW.value,
        basis=data.basis.value,
        budget_line_id=data.budget_line_id,
        project_id=data.project_id,
        pot_pence=data.pot_pence,
        currency="GBP",
        period_from=data.period_from,
        period_to=data.period_to,
        floor_pence=data.floor_pence,
        cap_pence=data.cap_pence,
        inputs=inputs,
        created_by=principal.subject,
        lines=[_line(share) for share in shares],
    )
    await AllocationRepository(session).add(allocation)
    return _read(allocation, full=True)


async def list_allocations(
    session: AsyncSession, *, scope: DistrictScope, page: PageParams, status: AllocationStatus | None
) -> list[AllocationRead]:
    runs = await AllocationRepository(session).filtered(page, scope, status=status)
    return [_read(run, full=scope is None) for run in runs]


async def get_allocation(session: AsyncSession, *, scope: DistrictScope, allocation_id: UUID) -> AllocationRead:
    run = await AllocationRepository(session).get_visible(allocation_id, scope)
    if run is None:
        raise AllocationNotFound(f"There is no allocation {allocation_id} that you can see.")
    return _read(run, full=scope is None)


async def commit(
    session: AsyncSession, *, allocation_id: UUID, principal: Principal, if_match: str | None
) -> AllocationRead:
    """Create a submitted grant to each district's Community Safety Unit for its share (shares of £0.00 get
    none). The grants still need approval by a second person; the pot must fit the budget line now."""
    run = await AllocationRepository(session).get_visible(allocation_id, None, for_update=True)
    if run is None:
        raise AllocationNotFound(f"There is no allocation {allocation_id}.")
    if if_match is not None:
        check_if_match(if_match, run.version)
    if run.status == AllocationStatus.COMMITTED.value:
        raise AlreadyCommitted(f"Allocation {allocation_id} was already committed on {run.committed_at:%Y-%m-%d}.")
    lines = run.lines
    csus = await OrganisationRepository(session).csus()
    missing = sorted(line.district for line in lines if line.amount_pence > 0 and line.district not in csus)
    if missing:
        raise NoCsuOrganisation(f"No organisation hosts the Community Safety Unit of: {', '.join(missing)}.")
    budget_lines = BudgetLineRepository(session)
    budget = await budget_lines.lock(run.budget_line_id)
    assert budget is not None
    await ensure_room(session, budget, run.pot_pence, "The allocation")
    budget = await budget_lines.get(run.budget_line_id)
    assert budget is not None
    financial_year = budget.year
    now = datetime.now(UTC)
    grants = GrantRepository(session)
    for line in lines:
        if line.amount_pence == 0:
            continue
        name = DISTRICTS[line.district].name
        grant = Grant(
            title=f"{run.title}: {name} Community Safety Unit",
            description=f"{name}'s share of {pounds(run.pot_pence)} by formula allocation {run.id} "
            f"({run.basis.replace('_', ' ')}: {line.basis_value}); largest remainder in pence.",
            recipient_organisation_id=csus[line.district].id,
            project_id=run.project_id,
            budget_line_id=run.budget_line_id,
            allocation_id=run.id,
            districts=[line.district],
            status=GrantStatus.SUBMITTED.value,
            currency="GBP",
            amount_applied_pence=line.amount_pence,
            amount_recommended_pence=line.amount_pence,
            planned_start_on=financial_year.starts_on,
            planned_end_on=financial_year.ends_on,
            regrant=True,
            created_by=principal.subject,
            submitted_by=principal.subject,
            submitted_at=now,
        )
        await grants.add(grant)
        for from_status, to_status in ((None, GrantStatus.DRAFT), (GrantStatus.DRAFT, GrantStatus.SUBMITTED)):
            await grants.add_event(
                grant_id=grant.id,
                from_status=from_status.value if from_status else None,
                to_status=to_status.value,
                reason=f"formula allocation {run.id}",
                actor=principal.subject,
                actor_name=principal.name,
            )
        line.grant_id = grant.id
    run.status = AllocationStatus.COMMITTED.value
    run.committed_by, run.committed_at = principal.subject, now
    await AllocationRepository(session).flush()
    shared = sorted(line.district for line in lines if line.amount_pence > 0)
    await publish(
        session,
        event_outbox,
        "allocation.committed",
        record_id=run.id,
        path=f"/v1/allocations/{run.id}",
        audience=EVENT_AUDIENCE,
        status=run.status,
        district=shared[0] if len(shared) == 1 else None,
        extra={
            "districts": shared,
            "grant_ids": sorted(str(line.grant_id) for line in lines if line.grant_id is not None),
            "budget_line_id": str(run.budget_line_id),
            "project_id": str(run.project_id) if run.project_id is not None else None,
            "basis": run.basis,
        },
    )
    return _read(run, full=True)
