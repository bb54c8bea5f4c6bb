from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, exists, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from referrals.incident.models import Incident, IncidentChange, IncidentPerson
from referrals.reference.models import District, OffenceCategory
from referrals.reference.repository import district_ids
from vru_shared.pagination import PageParams, keyset


def visible_incident(scope: frozenset[str] | None) -> ColumnElement[bool] | None:
    """A coordinator sees incidents in their districts, or involving someone who lives there."""
    if scope is None:
        return None
    ids = district_ids(scope)
    return or_(
        Incident.district_id.in_(ids),
        exists(
            select(IncidentPerson.id).where(
                IncidentPerson.incident_id == Incident.id, IncidentPerson.home_district_id.in_(ids)
            )
        ),
    )


class IncidentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # --- reading --------------------------------------------------------------------------------------

    def _base(self, scope: frozenset[str] | None) -> Any:
        stmt = (
            select(Incident, District.code, OffenceCategory.code)
            .join(District, District.id == Incident.district_id)
            .join(OffenceCategory, OffenceCategory.id == Incident.category_id)
        )
        visible = visible_incident(scope)
        return stmt if visible is None else stmt.where(visible)

    async def page(
        self,
        page: PageParams,
        scope: frozenset[str] | None,
        *,
        crime_reference: str | None,
        district: str | None,
        screening: str | None,
        occurred_from: datetime | None,
        occurred_to: datetime | None,
    ) -> Sequence[tuple[Incident, str, str]]:
        stmt = self._base(scope)
        if crime_reference is not None:
            stmt = stmt.where(Incident.crime_reference == crime_reference)
        if district is not None:
            stmt = stmt.where(District.code == district)
        if screening is not None:
            stmt = stmt.where(Incident.screening == screening)
        if occurred_from is not None:
            stmt = stmt.where(Incident.occurred_at >= occurred_from)
        if occurred_to is not None:
            stmt = stmt.where(Incident.occurred_at < occurred_to)
        rows = await self.session.execute(keyset(stmt, page, Incident.occurred_at, Incident.id, descending=True))
        return [(r[0], r[1], r[2]) for r in rows.all()]

    async def get(
        self, incident_id: UUID, scope: frozenset[str] | None, *, for_update: bool = False
    ) -> tuple[Incident, str, str] | None:
        stmt = self._base(scope).where(Incident.id == incident_id)
        if for_update:
            stmt = stmt.with_for_update(of=Incident)
        row = (await self.session.execute(stmt)).one_or_none()
        return (row[0], row[1], row[2]) if row else None

    async def id_of_reference(self, crime_reference: str) -> UUID | None:
        stmt = select(Incident.id).where(Incident.crime_reference == crime_reference)
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def people_with_districts(self, incident_id: UUID) -> Sequence[tuple[IncidentPerson, str | None]]:
        stmt = (
            select(IncidentPerson, District.code)
            .outerjoin(District, District.id == IncidentPerson.home_district_id)
            .where(IncidentPerson.incident_id == incident_id)
            .order_by(IncidentPerson.position)
        )
        return [(r[0], r[1]) for r in (await self.session.execute(stmt)).all()]

    async def changes_of(self, incident_id: UUID) -> Sequence[IncidentChange]:
        stmt = (
            select(IncidentChange)
            .where(IncidentChange.incident_id == incident_id)
            .order_by(IncidentChange.changed_at, IncidentChange.id)
        )
        return (await self.session.scalars(stmt)).all()

    async def serious_violence(self, category_id: UUID) -> bool:
        stmt = select(OffenceCategory.serious_violence).where(OffenceCategory.id == category_id)
        return bool((await self.session.execute(stmt)).scalar_one())

    async def flush(self) -> None:
        await self.session.flush()
