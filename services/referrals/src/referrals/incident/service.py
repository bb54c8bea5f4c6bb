"""Reading incidents."""

from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from referrals.audit.schemas import AuditAction
from referrals.audit.service import record
from referrals.incident.exceptions import IncidentNotFound
from referrals.incident.models import Incident, PersonRole, ScreeningDecision, ScreeningSource
from referrals.incident.repository import IncidentRepository
from referrals.incident.schemas import (
    CrimeReferenceCheck,
    IncidentChangeRead,
    IncidentRead,
    IncidentSummary,
    PersonRead,
    ScreeningRead,
)
from vru_shared.auth import Principal
from vru_shared.pagination import PageParams


def _screening(incident: Incident) -> ScreeningRead:
    return ScreeningRead(
        decision=ScreeningDecision(incident.screening),
        source=ScreeningSource(incident.screening_source),
        reason=incident.screening_reason,
        by=incident.screened_by,
        at=incident.screened_at,
    )


def summary(incident: Incident, district: str, category: str) -> IncidentSummary:
    return IncidentSummary(
        id=incident.id,
        crime_reference=incident.crime_reference,
        occurred_at=incident.occurred_at,
        district=district,
        category=category,
        weapon_knife=incident.weapon_knife,
        weapon_firearm=incident.weapon_firearm,
        location=incident.location,
        screening=_screening(incident),
        review_id=incident.review_id,
        version=incident.version,
        created_at=incident.created_at,
        updated_at=incident.updated_at,
    )


async def list_incidents(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: frozenset[str] | None,
    page: PageParams,
    crime_reference: str | None,
    district: str | None,
    screening: ScreeningDecision | None,
    occurred_from: datetime | None,
    occurred_to: datetime | None,
) -> list[IncidentSummary]:
    rows = await IncidentRepository(session).page(
        page,
        scope,
        crime_reference=crime_reference,
        district=district,
        screening=screening.value if screening else None,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
    )
    items = [summary(*row) for row in rows]
    if items:
        await record(
            session,
            principal=principal,
            action=AuditAction.READ,
            record_type="incident",
            record_ids=[i.id for i in items[: page.limit]],
            purpose="incident list",
        )
    return items


async def read(repo: IncidentRepository, row: tuple[Incident, str, str]) -> IncidentRead:
    incident = row[0]
    people = await repo.people_with_districts(incident.id)
    changes = await repo.changes_of(incident.id)
    return IncidentRead(
        **summary(*row).model_dump(),
        people=[
            PersonRead(
                role=PersonRole(p.role),
                police_person_id=p.police_person_id,
                given_name=p.given_name,
                family_name=p.family_name,
                date_of_birth=p.date_of_birth,
                age=p.age,
                age_on_day=p.age_on_day,
                home_district=home,
                subject_id=p.subject_id,
            )
            for p, home in people
        ],
        changes=[IncidentChangeRead.model_validate(c) for c in changes],
    )


async def get_incident(
    session: AsyncSession, *, principal: Principal, scope: frozenset[str] | None, incident_id: UUID
) -> IncidentRead:
    repo = IncidentRepository(session)
    row = await repo.get(incident_id, scope)
    if row is None:
        raise IncidentNotFound(f"There is no incident {incident_id} that you can see.")
    result = await read(repo, row)
    await record(
        session,
        principal=principal,
        action=AuditAction.READ,
        record_type="incident",
        record_ids=[incident_id],
        purpose="incident",
    )
    return result


async def check_reference(session: AsyncSession, *, principal: Principal, crime_reference: str) -> CrimeReferenceCheck:
    """Is an incident with this crime reference held? No personal data; a hit is audited as a read."""
    incident_id = await IncidentRepository(session).id_of_reference(crime_reference)
    if incident_id is not None:
        await record(
            session,
            principal=principal,
            action=AuditAction.READ,
            record_type="incident",
            record_ids=[incident_id],
            purpose="crime reference check",
        )
    return CrimeReferenceCheck(crime_reference=crime_reference, known=incident_id is not None)
