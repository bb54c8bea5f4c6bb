from collections.abc import Collection, Sequence
from datetime import date
from typing import Any, cast
from uuid import UUID

from sqlalchemy import Row, String, Table, Uuid, and_, or_, select, union

from referrals import bulk
from referrals.reference.repository import any_of
from referrals.subject.models import DuplicateStatus, Subject, SubjectDuplicate
from vru_shared.repository import Repository

#: At most this many possible-duplicate flags for one new subject.
MAX_FLAGS = 5

#: See :meth:`SubjectRepository.flag_similar_names`. ``$1`` the subjects, ``$2`` the threshold, ``$3`` the most
#: flags per subject, ``$4`` the open status. Of two new subjects flagged with each other, the newer names the other.
SIMILAR_NAMES = """
WITH
-- The candidates: of the same date of birth (the index on it: a handful, however common the name's trigrams),
-- or, when one of the two is known by age only, the names sharing a trigram (``&&``), found by a GIN index (the
-- partial one holds only those known by age only). Only indexable conditions here; the rest once they are found.
candidate AS MATERIALIZED (
    SELECT b.id AS subject_id, b.name_key, b.name_trigrams, b.date_of_birth, b.created_at, b.merged_into_id,
           t.id AS other_id, t.name_key AS other_key, t.name_trigrams AS other_trigrams,
           t.date_of_birth AS other_born, t.created_at AS other_created_at, t.merged_into_id AS other_merged
    FROM referrals.subjects b JOIN referrals.subjects t ON t.date_of_birth = b.date_of_birth
    WHERE b.id = ANY($1::uuid[])
    UNION ALL
    SELECT b.id, b.name_key, b.name_trigrams, b.date_of_birth, b.created_at, b.merged_into_id,
           t.id, t.name_key, t.name_trigrams, t.date_of_birth, t.created_at, t.merged_into_id
    FROM referrals.subjects b JOIN referrals.subjects t ON t.name_trigrams && b.name_trigrams
    WHERE b.id = ANY($1::uuid[]) AND b.date_of_birth IS NULL
    UNION ALL
    SELECT b.id, b.name_key, b.name_trigrams, b.date_of_birth, b.created_at, b.merged_into_id,
           t.id, t.name_key, t.name_trigrams, t.date_of_birth, t.created_at, t.merged_into_id
    FROM referrals.subjects b JOIN referrals.subjects t
      ON t.name_trigrams && b.name_trigrams AND t.date_of_birth IS NULL
    WHERE b.id = ANY($1::uuid[]) AND b.date_of_birth IS NOT NULL
),
scored AS MATERIALIZED (  -- the similarity computed once per candidate
    SELECT c.*, referrals.trigram_similarity(c.name_trigrams, c.other_trigrams) AS similarity
    FROM candidate c
    WHERE c.other_id <> c.subject_id AND c.merged_into_id IS NULL AND c.other_merged IS NULL
      AND NOT (c.other_id = ANY($1::uuid[]) AND (c.other_created_at, c.other_id) > (c.created_at, c.subject_id))
),
close AS (
    SELECT * FROM scored WHERE similarity >= $2
),
pair AS (
    SELECT c.subject_id, c.other_id, c.similarity,
           CASE
               WHEN c.date_of_birth = c.other_born AND c.name_trigrams = c.other_trigrams
                   THEN 'same date of birth, given and family names transposed'
               WHEN c.date_of_birth = c.other_born THEN 'same date of birth, similar name'
               WHEN c.name_key = c.other_key THEN 'same name, same age band in the same district'
               ELSE 'similar name, same age band in the same district'
           END AS reason
    FROM close c
    WHERE (
          c.date_of_birth = c.other_born
          OR ((c.date_of_birth IS NULL OR c.other_born IS NULL) AND EXISTS (
              SELECT FROM referrals.incident_people x JOIN referrals.incidents xi ON xi.id = x.incident_id,
                          referrals.incident_people y JOIN referrals.incidents yi ON yi.id = y.incident_id
              WHERE x.subject_id = c.subject_id AND y.subject_id = c.other_id
                AND coalesce(x.home_district_id, xi.district_id) = coalesce(y.home_district_id, yi.district_id)
                AND abs((extract(year FROM xi.occurred_at)::int - x.age_on_day)
                        - (extract(year FROM yi.occurred_at)::int - y.age_on_day)) <= 1
          ))
      )
      AND NOT EXISTS (
          SELECT FROM referrals.subject_duplicates d WHERE d.subject_id = c.subject_id AND d.other_id = c.other_id
      )
      AND NOT EXISTS (
          SELECT FROM referrals.subject_duplicates d WHERE d.subject_id = c.other_id AND d.other_id = c.subject_id
      )
),
ranked AS (
    SELECT *, row_number() OVER (PARTITION BY subject_id ORDER BY similarity DESC, other_id) AS n FROM pair
)
INSERT INTO referrals.subject_duplicates (id, subject_id, other_id, reason, status)
SELECT gen_random_uuid(), subject_id, other_id, reason, $4 FROM ranked WHERE n <= $3
ON CONFLICT (subject_id, other_id) DO NOTHING
"""

SUBJECT_COLUMNS = ("id", "police_person_id", "given_name", "family_name", "name_key", "date_of_birth")


class SubjectRepository(Repository[Subject]):
    """Young people: matching (set-based, for intake) and their possible-duplicate flags. Who may see one
    is :class:`referrals.review.repository.VisibleSubjectRepository`."""

    model = Subject

    # --- matching -------------------------------------------------------------------------------------

    async def candidates(
        self, *, police_ids: Collection[str], name_keys: Collection[str]
    ) -> Sequence[Row[UUID, str | None, str, date | None]]:
        """Unmerged subjects that may be one of the people: the same police person id or the same name (similar
        names are flagged afterwards, in SQL: :meth:`flag_similar_names`). Oldest first; index lookups."""
        unmerged = Subject.merged_into_id.is_(None)
        same_police_id = select(Subject.id).where(unmerged, any_of(Subject.police_person_id, police_ids, String()))
        same_name = select(Subject.id).where(unmerged, any_of(Subject.name_key, name_keys, String()))
        matches = union(same_police_id, same_name).subquery()
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

    async def refresh_statistics(self) -> None:
        """ANALYZE the young people's table when a tenth of it changed since it was last analysed (a bulk
        import into a young database): the similar-names statement's plan relies on its size being known."""
        connection = await bulk.driver(self.session)
        stale = await connection.fetchval(
            "SELECT n_mod_since_analyze > 1000 + reltuples / 10 FROM pg_stat_user_tables s "
            "JOIN pg_class c ON c.oid = s.relid WHERE s.schemaname = 'referrals' AND s.relname = 'subjects'"
        )
        if stale:
            await connection.execute("ANALYZE referrals.subjects")

    async def flag_similar_names(self, subject_ids: Collection[UUID], threshold: float) -> int:
        """Flag the possible duplicates of these young people (new, or corrected) by similar names, in one
        statement. The candidates: the unmerged subjects of the same date of birth (its index), and, when one of
        the two is known by age only, those sharing a trigram with the name (``&&`` on the GIN indexes
        ``ix_subjects_name_trigrams`` / ``…_age_only``). Kept when the names' trigram similarity (pg_trgm's, in
        SQL: ``referrals.trigram_similarity``) is at least ``threshold`` and
          - both have the same date of birth, or
          - one is known by age only and an incident of each puts them in the same district (where they live,
            else where it happened) with estimated years of birth at most one apart.
        Words in any order (given and family names transposed) have the same trigrams; a hyphenated or
        double-barrelled name is one word per part. A pair already flagged (either way) is not flagged again;
        at most ``MAX_FLAGS`` per young person, the most similar first. Returns how many were flagged."""
        if not subject_ids:
            return 0
        connection = await bulk.driver(self.session)
        result = await connection.execute(
            SIMILAR_NAMES, list(subject_ids), threshold, MAX_FLAGS, DuplicateStatus.OPEN.value
        )
        return int(result.split()[-1])

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
