from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from sqlalchemy import ColumnElement, Select, exists, or_, select
from sqlalchemy.orm import aliased, contains_eager, joinedload, selectinload
from sqlalchemy.orm.interfaces import ORMOption

from referrals.incident.models import Incident, IncidentPerson, ScreeningDecision
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

    async def id_of_reference(self, crime_reference: str) -> UUID | None:
        stmt = select(Incident.id).where(Incident.crime_reference == crime_reference)
        return (await self.session.execute(stmt)).scalar_one_or_none()
