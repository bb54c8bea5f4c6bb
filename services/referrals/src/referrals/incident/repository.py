from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    Text,
    case,
    cast,
    distinct,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by, array
from sqlalchemy.orm import aliased, contains_eager, joinedload, selectinload
from sqlalchemy.orm.interfaces import ORMOption

from referrals.audit.repository import with_audit_row
from referrals.incident.models import Incident, IncidentPerson, ScreeningDecision
from referrals.reference.models import District
from referrals.reference.repository import district_ids
from vru_shared.pagination import PageParams
from vru_shared.repository import ScopedRepository

#: The people of an incident as its visibility filter reads them, aliased so the filter never correlates with
#: people a query has joined (a young person's page reads people joined to their incidents).
Resident = aliased(IncidentPerson)


def visible_incident(scope: frozenset[str] | None) -> ColumnElement[bool] | None:
    """A coordinator sees incidents in their districts, or involving someone who lives there."""
    if scope is None:
        return None
    ids = district_ids(scope)
    return or_(
        Incident.district_id.in_(ids),
        exists(select(Resident.id).where(Resident.incident_id == Incident.id, Resident.home_district_id.in_(ids))),
    )


def incident_of_person() -> tuple[ORMOption, ...]:
    """Load options for people read joined to their incident (``.join(IncidentPerson.incident)``): the incident
    with its district and category, and where the person lives."""
    return (
        contains_eager(IncidentPerson.incident).options(
            joinedload(Incident.district_ref), joinedload(Incident.category_ref)
        ),
        joinedload(IncidentPerson.home_district_ref),
    )


class IncidentRepository(ScopedRepository[Incident, frozenset[str] | None]):
    """Incidents with their district and category codes; :meth:`read` also loads the people and changes."""

    model = Incident
    order = ("occurred_at", "id")

    def statement(self) -> Select[Incident]:
        return select(Incident).options(joinedload(Incident.district_ref), joinedload(Incident.category_ref))

    def visible(self, scope: frozenset[str] | None) -> ColumnElement[bool] | None:
        return visible_incident(scope)

    async def search(
        self,
        page: PageParams,
        scope: frozenset[str] | None,
        *,
        crime_reference: str | None,
        district: str | None,
        screening: ScreeningDecision | None,
        occurred_from: datetime | None,
        occurred_to: datetime | None,
    ) -> Sequence[Incident]:
        """Most recent first."""
        filters: list[ColumnElement[bool]] = []
        if crime_reference is not None:
            filters.append(Incident.crime_reference == crime_reference)
        if district is not None:
            filters.append(Incident.district_id.in_(district_ids([district])))
        if screening is not None:
            filters.append(Incident.screening == screening.value)
        if occurred_from is not None:
            filters.append(Incident.occurred_at >= occurred_from)
        if occurred_to is not None:
            filters.append(Incident.occurred_at < occurred_to)
        return await self.page_visible(page, scope, *filters, descending=True)

    async def read(
        self, incident_id: UUID, scope: frozenset[str] | None, *, for_update: bool = False
    ) -> Incident | None:
        """The incident with its people (and where they live) and its changes, if ``scope`` may see it."""
        details = self.readable(scope).options(
            selectinload(Incident.people).joinedload(IncidentPerson.home_district_ref),
            selectinload(Incident.changes),
        )
        return await self.get(incident_id, for_update=for_update, base=details)

    async def read_audited(
        self, incident_id: UUID, scope: frozenset[str] | None, audit: Mapping[str, object]
    ) -> Incident | None:
        """:meth:`read` with its audit entry written by the same SELECT (the record's own filters: nothing is
        audited when it is not visible). The purpose depends on what the caller sees: ``incident``, or for a
        coordinator reading another district's incident because residents of theirs are involved, ``incident in
        <district>: involves a resident of <their districts involved>`` — computed in the statement."""
        details = self.readable(scope).options(
            selectinload(Incident.people).joinedload(IncidentPerson.home_district_ref),
            selectinload(Incident.changes),
        )
        purpose: Any = literal("incident", String())
        if scope is not None:
            home = aliased(District)
            residents = (  # the district codes sort the same in any collation (lower-case letters and hyphens)
                select(func.string_agg(distinct(home.code), aggregate_order_by(literal_column("', '"), home.code)))
                .select_from(IncidentPerson)
                .join(home, home.id == IncidentPerson.home_district_id)
                .where(IncidentPerson.incident_id == Incident.id, home.code.in_(sorted(scope)))
                .scalar_subquery()
            )
            where = select(District.code).where(District.id == Incident.district_id).scalar_subquery()
            purpose = case(
                (Incident.district_id.in_(district_ids(scope)), purpose),
                else_=literal("incident in ", String())
                + where
                + literal(": involves a resident of ", String())
                + residents,
            )
        ids = select(array([cast(Incident.id, Text)]), purpose.label("purpose")).where(Incident.id == incident_id)
        condition = self.visible(scope)
        if condition is not None:
            ids = ids.where(condition)
        return await self.get(incident_id, base=with_audit_row(details, audit, ids, computed=("purpose",)))

    async def id_of_reference(self, crime_reference: str) -> UUID | None:
        stmt = select(Incident.id).where(Incident.crime_reference == crime_reference)
        return (await self.session.execute(stmt)).scalar_one_or_none()
