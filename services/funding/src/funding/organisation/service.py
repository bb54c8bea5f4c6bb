from collections.abc import Sequence
from datetime import date
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from funding.organisation.exceptions import (
    CheckedInTheFuture,
    DueDiligenceCheckNotFound,
    DueDiligenceNotCurrent,
    OrganisationNotFound,
    OrgIdTaken,
)
from funding.organisation.models import DueDiligenceCheck, DueDiligenceOutcome, Organisation, OrganisationKind
from funding.organisation.repository import DueDiligenceRepository, OrganisationRepository
from funding.organisation.schemas import DueDiligenceCheckCreate, OrganisationCreate
from vru_shared.auth import Principal
from vru_shared.pagination import PageParams


async def list_organisations(
    session: AsyncSession, *, page: PageParams, kind: OrganisationKind | None, district: str | None, csu: bool | None
) -> Sequence[Organisation]:
    return await OrganisationRepository(session).filtered(page, kind=kind, district=district, csu=csu)


async def get_organisation(session: AsyncSession, *, organisation_id: UUID) -> Organisation:
    organisation = await OrganisationRepository(session).get(organisation_id)
    if organisation is None:
        raise OrganisationNotFound(f"There is no organisation {organisation_id}.")
    return organisation


async def create_organisation(session: AsyncSession, *, data: OrganisationCreate) -> Organisation:
    organisation = Organisation(org_id=data.org_id, name=data.name, kind=data.kind.value, district=data.district)
    if not await OrganisationRepository(session).add(organisation):
        raise OrgIdTaken(f"An organisation with identifier '{data.org_id}' already exists.")
    return organisation


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it has no such day)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def with_validity(check: DueDiligenceCheck, months: int) -> DueDiligenceCheck:
    """The check with ``valid_until`` set: ``months`` after the day it was made (the day before)."""
    check.valid_until = add_months(check.checked_on, months)  # type: ignore[attr-defined]
    return check


async def record_check(
    session: AsyncSession,
    *,
    organisation_id: UUID,
    data: DueDiligenceCheckCreate,
    principal: Principal,
    today: date,
    months: int,
) -> DueDiligenceCheck:
    await get_organisation(session, organisation_id=organisation_id)
    if data.checked_on > today:
        raise CheckedInTheFuture(f"checked_on {data.checked_on} is after today ({today}).")
    check = DueDiligenceCheck(
        organisation_id=organisation_id,
        register=data.registry.value,
        register_number=data.register_number,
        register_status=data.register_status,
        checked_on=data.checked_on,
        outcome=data.outcome.value,
        notes=data.notes,
        checked_by=principal.client_id or principal.subject,
        checked_by_name=principal.name,
    )
    await DueDiligenceRepository(session).record(check)
    return with_validity(check, months)


async def list_checks(
    session: AsyncSession, *, organisation_id: UUID, page: PageParams, months: int
) -> Sequence[DueDiligenceCheck]:
    await get_organisation(session, organisation_id=organisation_id)
    checks = await DueDiligenceRepository(session).of_organisation(page, organisation_id)
    return [with_validity(c, months) for c in checks]


async def get_check(session: AsyncSession, *, organisation_id: UUID, check_id: UUID, months: int) -> DueDiligenceCheck:
    check = await DueDiligenceRepository(session).get(check_id)
    if check is None or check.organisation_id != organisation_id:
        raise DueDiligenceCheckNotFound(f"Organisation {organisation_id} has no due-diligence check {check_id}.")
    return with_validity(check, months)


async def ensure_due_diligence(session: AsyncSession, *, organisation_id: UUID, today: date, months: int) -> None:
    """Refuse (409 ``due-diligence-not-current``) unless the organisation's latest check passed and was made
    within ``months`` of ``today``: the grants minimum standards' check before an award."""
    latest = await DueDiligenceRepository(session).latest(organisation_id)
    if latest is None:
        raise DueDiligenceNotCurrent(
            f"Organisation {organisation_id} has no due-diligence check: record one "
            f"(POST /v1/organisations/{organisation_id}/due-diligence-checks) before approving a grant to it.",
            extra={"organisation_id": str(organisation_id)},
        )
    valid_until = add_months(latest.checked_on, months)
    if latest.outcome != DueDiligenceOutcome.PASS.value or valid_until < today:
        why = "did not pass" if latest.outcome != DueDiligenceOutcome.PASS.value else f"expired on {valid_until}"
        raise DueDiligenceNotCurrent(
            f"Organisation {organisation_id}'s latest due-diligence check (made {latest.checked_on}) {why}: "
            "record a new passing check before approving a grant to it.",
            extra={
                "organisation_id": str(organisation_id),
                "latest_check_id": str(latest.id),
                "checked_on": latest.checked_on.isoformat(),
                "outcome": latest.outcome,
            },
        )
