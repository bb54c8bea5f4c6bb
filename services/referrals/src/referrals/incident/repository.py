from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast
from uuid import UUID

from sqlalchemy import ColumnElement, Row, String, Table, Uuid, delete, exists, func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from referrals import bulk
from referrals.incident.models import Incident, IncidentChange, IncidentPerson
from referrals.reference.models import District, OffenceCategory
from referrals.reference.repository import any_of, district_ids
from vru_shared.pagination import PageParams, keyset

#: Any constant: imports take this transaction-scoped advisory lock, so two never interleave.
INTAKE_LOCK = 0x5652_5549_4E54_414B  # "VRUINTAK"


@dataclass(frozen=True, slots=True)
class CategoryCode:
    id: UUID
    serious_violence: bool


@dataclass(frozen=True, slots=True)
class Codes:
    districts: dict[str, UUID]
    categories: dict[str, CategoryCode]

    def district_code(self, district_id: UUID | None) -> str | None:
        if district_id is None:
            return None
        return next(code for code, id_ in self.districts.items() if id_ == district_id)

    def category_code(self, category_id: UUID) -> str:
        return next(code for code, c in self.categories.items() if c.id == category_id)


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


EXISTING_COLUMNS = (
    Incident.id,
    Incident.crime_reference,
    Incident.report_hash,
    Incident.occurred_at,
    Incident.district_id,
    Incident.category_id,
    Incident.weapon_knife,
    Incident.weapon_firearm,
    Incident.location,
    Incident.screening,
    Incident.screening_source,
    Incident.review_id,
    Incident.version,
)


#: Column order of the tuples :meth:`IncidentRepository.insert_incidents` takes.
INCIDENT_COLUMNS = (
    "id",
    "crime_reference",
    "occurred_at",
    "district_id",
    "category_id",
    "weapon_knife",
    "weapon_firearm",
    "location",
    "report_hash",
    "screening",
    "screening_source",
    "review_id",
    "version",
)
#: ... :meth:`IncidentRepository.update_incidents` takes.
UPDATE_COLUMNS = (
    "id",
    "occurred_at",
    "district_id",
    "category_id",
    "weapon_knife",
    "weapon_firearm",
    "location",
    "report_hash",
    "screening",
    "screening_source",
    "review_id",
    "version",
    "updated_at",
)
#: ... :meth:`IncidentRepository.replace_people` takes.
PERSON_COLUMNS = (
    "id",
    "incident_id",
    "position",
    "role",
    "police_person_id",
    "given_name",
    "family_name",
    "date_of_birth",
    "age",
    "age_on_day",
    "home_district_id",
    "subject_id",
)


class IncidentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # --- intake ---------------------------------------------------------------------------------------

    async def lock_intake(self) -> None:
        await self.session.execute(select(func.pg_advisory_xact_lock(INTAKE_LOCK)))

    async def codes(self) -> Codes:
        districts = {code: id_ for id_, code in (await self.session.execute(select(District.id, District.code))).all()}
        categories = {
            code: CategoryCode(id_, serious)
            for id_, code, serious in (
                await self.session.execute(
                    select(OffenceCategory.id, OffenceCategory.code, OffenceCategory.serious_violence)
                )
            ).all()
        }
        return Codes(districts, categories)

    async def existing(self, references: Collection[str]) -> dict[str, Row[Any]]:
        stmt = select(*EXISTING_COLUMNS).where(any_of(Incident.crime_reference, references, String()))
        result: Any = await self.session.execute(stmt)
        return {row.crime_reference: row for row in result.all()}

    async def people_of_many(self, incident_ids: Collection[UUID]) -> dict[UUID, list[IncidentPerson]]:
        out: dict[UUID, list[IncidentPerson]] = {i: [] for i in incident_ids}
        if incident_ids:
            stmt = (
                select(IncidentPerson)
                .where(any_of(IncidentPerson.incident_id, incident_ids, Uuid()))
                .order_by(IncidentPerson.incident_id, IncidentPerson.position)
            )
            for person in (await self.session.scalars(stmt)).all():
                out[person.incident_id].append(person)
        return out

    async def insert_incidents(self, rows: Sequence[Sequence[Any]]) -> None:
        """New incidents, tuples in ``INCIDENT_COLUMNS`` order: one ``COPY``."""
        await bulk.copy(self.session, cast(Table, Incident.__table__), INCIDENT_COLUMNS, rows)

    async def update_incidents(self, rows: Sequence[Sequence[Any]]) -> None:
        """Re-sent incidents, tuples in ``UPDATE_COLUMNS`` order (``id`` first): one statement."""
        if rows:
            await bulk.execute(
                self.session,
                "UPDATE referrals.incidents i SET occurred_at = u.occurred_at, district_id = u.district_id, "
                "category_id = u.category_id, weapon_knife = u.weapon_knife, weapon_firearm = u.weapon_firearm, "
                "location = u.location, report_hash = u.report_hash, screening = u.screening, "
                "screening_source = u.screening_source, review_id = u.review_id, version = u.version, "
                "updated_at = u.updated_at "
                "FROM unnest($1::uuid[], $2::timestamptz[], $3::uuid[], $4::uuid[], $5::bool[], $6::bool[], "
                "$7::varchar[], $8::varchar[], $9::varchar[], $10::varchar[], $11::uuid[], $12::int[], "
                "$13::timestamptz[]) AS u(id, occurred_at, district_id, category_id, weapon_knife, weapon_firearm, "
                "location, report_hash, screening, screening_source, review_id, version, updated_at) "
                "WHERE i.id = u.id",
                *(list(column) for column in zip(*rows, strict=True)),
            )

    async def replace_people(self, incident_ids: Collection[UUID], rows: Sequence[Sequence[Any]]) -> None:
        """The people of the incidents written (tuples in ``PERSON_COLUMNS`` order): those held for
        ``incident_ids`` (the re-sent ones) go first."""
        if incident_ids:
            await self.session.execute(
                delete(IncidentPerson).where(any_of(IncidentPerson.incident_id, incident_ids, Uuid()))
            )
        await bulk.copy(self.session, cast(Table, IncidentPerson.__table__), PERSON_COLUMNS, rows)

    async def insert_changes(self, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            await self.session.execute(insert(IncidentChange).execution_options(render_nulls=True), rows)

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
