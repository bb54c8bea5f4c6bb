from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, cast
from uuid import UUID

from sqlalchemy import Row, String, Table, Uuid, delete, func, insert, select

from referrals import bulk
from referrals.incident.models import Incident, IncidentChange, IncidentPerson
from referrals.reference.models import District, OffenceCategory
from referrals.reference.repository import any_of
from vru_shared.repository import Repository

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


#: Column order of the tuples :meth:`IntakeRepository.insert_incidents` takes.
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
#: ... :meth:`IntakeRepository.update_incidents` takes.
UPDATE_COLUMNS = ("id", *INCIDENT_COLUMNS[2:], "updated_at")  # all but the crime reference, which is the key
#: ... :meth:`IntakeRepository.replace_people` takes.
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


class IntakeRepository(Repository[Incident]):
    """Intake's set-based reads and writes of incidents (``COPY`` and statements over arrays)."""

    model = Incident

    async def try_lock_intake(self) -> bool:
        """Take the intake lock (held to the end of the transaction) if it is free."""
        return bool((await self.session.execute(select(func.pg_try_advisory_xact_lock(INTAKE_LOCK)))).scalar_one())

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
        stmt = select(*(getattr(Incident, c) for c in INCIDENT_COLUMNS)).where(
            any_of(Incident.crime_reference, references, String())
        )
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
