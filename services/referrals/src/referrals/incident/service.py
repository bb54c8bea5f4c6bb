"""Reading incidents."""

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from referrals.audit.schemas import AuditAction
from referrals.audit.service import entry, record
from referrals.incident.exceptions import IncidentNotFound
from referrals.incident.models import Incident, ScreeningDecision
from referrals.incident.repository import IncidentRepository
from referrals.incident.schemas import EXPORT_COLUMNS, CrimeReferenceCheck, IncidentRead
from vru_shared.auth import Principal
from vru_shared.exports import ExportFile, ExportFormat, export_purpose, keyset_batches, write_export
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
    shown = items[: page.limit]
    own = [i.id for i in shown if _in_scope(i, scope)]
    elsewhere = [i.id for i in shown if not _in_scope(i, scope)]
    for ids, purpose in ((own, "incident list"), (elsewhere, RESIDENTS_LIST_PURPOSE)):
        if ids:
            await record(
                session,
                principal=principal,
                action=AuditAction.READ,
                record_type="incident",
                record_ids=ids,
                purpose=purpose,
            )
    return items


async def export_incidents(
    session: AsyncSession,
    *,
    principal: Principal,
    scope: frozenset[str] | None,
    fmt: ExportFormat,
    crime_reference: str | None,
    district: str | None,
    screening: ScreeningDecision | None,
    occurred_from: datetime | None,
    occurred_to: datetime | None,
) -> ExportFile:
    """Every incident the list would show with these filters (its query, in batches), as a file; audited like the
    list: the caller's districts' incidents in one entry, those elsewhere (involving their residents) in another."""
    filters = {
        "crime_reference": crime_reference,
        "district": district,
        "screening": screening,
        "occurred_from": occurred_from,
        "occurred_to": occurred_to,
    }
    repo = IncidentRepository(session)

    async def fetch(page: PageParams) -> Sequence[Incident]:
        return await repo.search(
            page,
            scope,
            crime_reference=crime_reference,
            district=district,
            screening=screening,
            occurred_from=occurred_from,
            occurred_to=occurred_to,
        )

    elsewhere: list[str] = []

    def record_id(incident: Incident) -> str:
        if not _in_scope(incident, scope):
            elsewhere.append(str(incident.id))
        return str(incident.id)

    file = await write_export(
        EXPORT_COLUMNS,
        keyset_batches(fetch, lambda i: (i.occurred_at, i.id)),
        fmt=fmt,
        name="incidents",
        record_id=record_id,
    )
    others = set(elsewhere)
    own = [i for i in file.record_ids if i not in others]
    entries = [(own, "incident export")]
    if elsewhere:
        entries.append((elsewhere, "incident export: " + RESIDENTS_EXPORT_REASON))
    for ids, name in entries:
        await record(
            session,
            principal=principal,
            action=AuditAction.EXPORT,
            record_type="incident",
            record_ids=ids,
            purpose=export_purpose(name, format=fmt.value, **filters),
        )
    return file


#: Why a coordinator exports incidents outside their districts (the audit purpose).
RESIDENTS_EXPORT_REASON = "in other districts, involving residents of the caller's"

#: Why a coordinator reads an incident outside their districts: the audit log's purpose.
RESIDENTS_LIST_PURPOSE = "incident list: in other districts, involving residents of the caller's"


def _in_scope(incident: Incident, scope: frozenset[str] | None) -> bool:
    return scope is None or str(incident.district) in scope


def as_seen(incident: Incident, scope: frozenset[str] | None) -> IncidentRead:
    """The incident as the caller may see it. A coordinator sees an incident in another district only because
    someone involved lives in one of theirs (the review draws their district in): then only those residents,
    and not the change history, which names everyone (the data-protection minimum; docs/referrals.md)."""
    read = IncidentRead.model_validate(incident)
    if scope is None or read.district in scope:
        return read
    residents = [p for p in read.people if p.home_district in scope]
    return read.model_copy(
        update={
            "people": residents,
            "changes": [],
            "view": "residents",
            "people_withheld": len(read.people) - len(residents),
        }
    )


async def get_incident(
    session: AsyncSession, *, principal: Principal, scope: frozenset[str] | None, incident_id: UUID
) -> IncidentRead:
    # the audit entry is written by the read's own SELECT, its purpose computed there: "incident", or for a
    # coordinator reading another district's incident for their residents, "incident in <district>: involves a
    # resident of <their districts involved>" (IncidentRepository.read_audited)
    audit = entry(principal, action=AuditAction.READ, record_type="incident", purpose="incident")
    incident = await IncidentRepository(session).read_audited(incident_id, scope, audit)
    if incident is None:
        raise IncidentNotFound(f"There is no incident {incident_id} that you can see.")
    return as_seen(incident, scope)


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
