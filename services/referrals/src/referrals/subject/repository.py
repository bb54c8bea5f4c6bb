from collections.abc import Collection, Sequence
from datetime import date
from typing import Any, cast
from uuid import UUID

from sqlalchemy import Date, Row, String, Table, Uuid, and_, bindparam, func, or_, select, union
from sqlalchemy.dialects.postgresql import ARRAY

from referrals import bulk
from referrals.reference.repository import any_of
from referrals.subject.models import DuplicateStatus, Subject, SubjectDuplicate
from vru_shared.repository import Repository

SUBJECT_COLUMNS = ("id", "police_person_id", "given_name", "family_name", "name_key", "date_of_birth")


class SubjectRepository(Repository[Subject]):
    """Young people: matching (set-based, for intake) and their possible-duplicate flags. Who may see one
    is :class:`referrals.review.repository.VisibleSubjectRepository`."""

    model = Subject

    # --- matching -------------------------------------------------------------------------------------

    async def candidates(
        self, *, police_ids: Collection[str], name_keys: Collection[str], born: Sequence[tuple[date, str, str]]
    ) -> Sequence[Row[UUID, str | None, str, date | None]]:
        """Unmerged subjects that may be one of the people: the same police person id, the same name, or the
        same date of birth and the same family name, given name, or the two swapped (``born`` holds
        (date of birth, family, given) of each person). Oldest first; index lookups, not a scan."""
        family = func.split_part(Subject.name_key, "|", 1)
        given = func.split_part(Subject.name_key, "|", 2)
        people = select(
            func.unnest(bindparam(None, [b[0] for b in born], type_=ARRAY(Date()))).label("dob"),
            func.unnest(bindparam(None, [b[1] for b in born], type_=ARRAY(String()))).label("family"),
            func.unnest(bindparam(None, [b[2] for b in born], type_=ARRAY(String()))).label("given"),
        ).subquery()
        unmerged = Subject.merged_into_id.is_(None)
        same_birthday = (
            select(Subject.id)
            .join(people, Subject.date_of_birth == people.c.dob)
            .where(unmerged, or_(family == people.c.family, given == people.c.given, family == people.c.given))
        )
        same_police_id = select(Subject.id).where(unmerged, any_of(Subject.police_person_id, police_ids, String()))
        same_name = select(Subject.id).where(unmerged, any_of(Subject.name_key, name_keys, String()))
        matches = union(same_police_id, same_name, same_birthday).subquery()
        stmt = (
            select(Subject.id, Subject.police_person_id, Subject.name_key, Subject.date_of_birth)
            .where(Subject.id.in_(select(matches.c.id)))
            .order_by(Subject.created_at, Subject.id)
        )
        return (await self.session.execute(stmt)).all()

    async def insert_subjects(self, rows: Sequence[dict[str, Any]]) -> None:
        """New subjects (``id``, ``police_person_id``, names, ``name_key``, ``date_of_birth``), in order: one
        ``COPY`` (their ``created_at`` follows the order, which matching reads oldest first)."""
        await bulk.copy(
            self.session,
            cast(Table, Subject.__table__),
            (*SUBJECT_COLUMNS, "version"),
            [(*(row[c] for c in SUBJECT_COLUMNS), 1) for row in rows],
        )

    async def correct(self, rows: Sequence[tuple[UUID, UUID, str | None, str, str, date | None, str]]) -> list[UUID]:
        """Corrections from re-sent reports, ``(subject_id, incident_id, police_person_id, given_name,
        family_name, date_of_birth, name_key)``: applied to a young person whom no other incident names (a
        police person id only if no other record holds it). Returns those corrected. One statement."""
        if not rows:
            return []
        connection = await bulk.driver(self.session)
        columns = list(zip(*rows, strict=True))
        corrected = await connection.fetch(
            "UPDATE referrals.subjects s SET police_person_id = CASE WHEN c.police IS NULL OR EXISTS ("
            "SELECT FROM referrals.subjects o WHERE o.police_person_id = c.police AND o.merged_into_id IS NULL "
            "AND o.id <> s.id) THEN s.police_person_id ELSE c.police END, "
            "given_name = c.given, family_name = c.family, date_of_birth = c.dob, name_key = c.key, "
            "version = s.version + 1, updated_at = now() "
            "FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[], $6::date[], "
            "$7::varchar[]) AS c(id, incident_id, police, given, family, dob, key) "
            "WHERE s.id = c.id AND s.merged_into_id IS NULL AND NOT EXISTS (SELECT FROM referrals.incident_people p "
            "WHERE p.subject_id = s.id AND p.incident_id <> c.incident_id) "
            "RETURNING s.id",
            *(list(column) for column in columns),
        )
        return [row[0] for row in corrected]

    async def set_police_ids(self, police_ids: dict[UUID, str]) -> None:
        if police_ids:
            await bulk.execute(
                self.session,
                "UPDATE referrals.subjects s "
                "SET police_person_id = u.police, version = s.version + 1, updated_at = now() "
                "FROM unnest($1::uuid[], $2::varchar[]) AS u(id, police) WHERE s.id = u.id",
                list(police_ids),
                list(police_ids.values()),
            )

    async def add_flags(self, rows: Sequence[dict[str, Any]]) -> None:
        """Possible-duplicate flags (``subject_id``, ``other_id``, ``reason``); a pair already flagged stays."""
        if rows:
            await bulk.execute(
                self.session,
                "INSERT INTO referrals.subject_duplicates (id, subject_id, other_id, reason, status) "
                "SELECT gen_random_uuid(), f.subject_id, f.other_id, f.reason, $4 "
                "FROM unnest($1::uuid[], $2::uuid[], $3::varchar[]) AS f(subject_id, other_id, reason) "
                "ON CONFLICT (subject_id, other_id) DO NOTHING",
                [row["subject_id"] for row in rows],
                [row["other_id"] for row in rows],
                [row["reason"] for row in rows],
                DuplicateStatus.OPEN.value,
            )

    # --- reading --------------------------------------------------------------------------------------

    async def flags_of(self, subject_ids: Collection[UUID]) -> Sequence[SubjectDuplicate]:
        either = or_(
            any_of(SubjectDuplicate.subject_id, subject_ids, Uuid()),
            any_of(SubjectDuplicate.other_id, subject_ids, Uuid()),
        )
        stmt = select(SubjectDuplicate).where(either).order_by(SubjectDuplicate.created_at, SubjectDuplicate.id)
        return (await self.session.scalars(stmt)).all()

    # --- resolving possible duplicates ----------------------------------------------------------------

    async def flag_between(self, a: UUID, b: UUID) -> SubjectDuplicate | None:
        stmt = (
            select(SubjectDuplicate)
            .where(
                or_(
                    and_(SubjectDuplicate.subject_id == a, SubjectDuplicate.other_id == b),
                    and_(SubjectDuplicate.subject_id == b, SubjectDuplicate.other_id == a),
                )
            )
            .with_for_update()
        )
        return (await self.session.scalars(stmt)).first()

    async def open_flags_of(self, subject_id: UUID) -> Sequence[SubjectDuplicate]:
        stmt = select(SubjectDuplicate).where(
            SubjectDuplicate.status == DuplicateStatus.OPEN.value,
            or_(SubjectDuplicate.subject_id == subject_id, SubjectDuplicate.other_id == subject_id),
        )
        return (await self.session.scalars(stmt.with_for_update())).all()
