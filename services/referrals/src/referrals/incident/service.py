"""Reading incidents."""

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from referrals.audit.schemas import AuditAction
from referrals.audit.service import record
from referrals.incident.exceptions import IncidentNotFound
from referrals.incident.models import Incident, ScreeningDecision
from referrals.incident.repository import IncidentRepository
from referrals.incident.schemas import CrimeReferenceCheck
from vru_shared.auth import Principal
from vru_shared.pagination import PageParams


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
) -> Sequence[Incident]:
    items = await IncidentRepository(session).search(
        page,
        scope,
        crime_reference=crime_reference,
        district=district,
        screening=screening,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
    )
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


async def get_incident(
    session: AsyncSession, *, principal: Principal, scope: frozenset[str] | None, incident_id: UUID
) -> Incident:
    incident = await IncidentRepository(session).read(incident_id, scope)
    if incident is None:
        raise IncidentNotFound(f"There is no incident {incident_id} that you can see.")
    await record(
        session,
        principal=principal,
        action=AuditAction.READ,
        record_type="incident",
        record_ids=[incident_id],
        purpose="incident",
    )
    return incident


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
