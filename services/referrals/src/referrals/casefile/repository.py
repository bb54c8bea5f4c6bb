from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, cast
from uuid import UUID

from sqlalchemy import ColumnElement, Integer, Row, Select, Text, Uuid, and_, delete, exists, func, literal, or_, select
from sqlalchemy import cast as sql_cast
from sqlalchemy import update as sql_update
from sqlalchemy.dialects.postgresql import REGCONFIG, array
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import InstrumentedAttribute, aliased, joinedload, undefer, with_expression

from referrals.access import CaseworkScope
from referrals.audit.repository import with_audit_row
from referrals.incident.models import Incident, IncidentPerson
from referrals.incident.repository import IncidentRepository, incident_of_person
from referrals.reference.repository import any_of
from referrals.referral.models import Referral
from referrals.referral.repository import ReferralRepository
from referrals.review.models import Review, ReviewSubject
from referrals.review.repository import ReviewRepository, VisibleSubjectRepository
from referrals.subject.models import DuplicateStatus, Subject, SubjectDuplicate
from vru_shared.pagination import PageParams, keyset


@dataclass(frozen=True, slots=True)
class SubjectSearch:
    """What to find young people by; every criterion given must hold. ``name`` is normalised (``normalise``)."""

    name: str | None = None
    date_of_birth: date | None = None
    police_person_id: str | None = None
    crime_reference: str | None = None
    possible_duplicate: bool | None = None


def _words_query(name: str) -> ColumnElement[Any]:
    """Every word of ``name`` (normalised: letters and digits only) as the start of a word of the name."""
    return func.to_tsquery(literal("simple").cast(REGCONFIG), " & ".join(f"{word}:*" for word in name.split()))


def name_matches(name: str) -> ColumnElement[bool]:
    """Each word of ``name`` (a normalised name) begins a word of the young person's name, in any order:
    ``zara okafor`` finds Okafor-Mills, Zara; ``okaf`` finds Okafor. PostgreSQL's own full-text search over
    the name's words (``ix_subjects_name_words``, a GIN index), no extension."""
    return Subject.name_words.expression.op("@@")(_words_query(name))


def name_rank(name: str) -> ColumnElement[int]:
    """How close the name is, 0–1000 (an integer, so a cursor compares it exactly): fewer other words first."""
    return sql_cast(func.round(func.ts_rank_cd(Subject.name_words.expression, _words_query(name), 2) * 1000), Integer)


def _where(stmt: Select[Any], condition: ColumnElement[bool] | None) -> Select[Any]:
    return stmt if condition is None else stmt.where(condition)


class CasefileRepository(VisibleSubjectRepository):
    """Young people as the casework sees them (with ``possible_duplicate``), and the records of one.

    A young person's page gathers records of several kinds, each shown only if the caller may read it on its
    own route: every query below applies that record's repository ``visible()`` — never a rule of its own —
    so a coordinator sees no incident, review, referral or other young person of districts not theirs."""

    def statement(self) -> Select[Subject]:
        return select(Subject).options(undefer(Subject.possible_duplicate))

    async def read_audited(
        self, subject_id: UUID, scope: frozenset[str] | None, audit: Mapping[str, object]
    ) -> Subject | None:
        """The young person if ``scope`` may see them, with the read's audit entry written by the same SELECT
        (:func:`~referrals.audit.repository.with_audit_row`); nothing is audited when they are not visible."""
        ids = select(array([sql_cast(Subject.id, Text)])).where(Subject.id == subject_id)
        condition = self.visible(scope)
        if condition is not None:
            ids = ids.where(condition)
        return await self.get(subject_id, base=with_audit_row(self.readable(scope), audit, ids))

    async def search(self, page: PageParams, scope: frozenset[str] | None, search: SubjectSearch) -> Sequence[Subject]:
        """The young people ``scope`` may see that match every criterion given; merged records left out. Newest
        first, or with a name, the closest names first (``Subject.name_rank``)."""
        filters: list[ColumnElement[bool]] = [Subject.merged_into_id.is_(None)]
        if search.possible_duplicate is not None:
            flagged = Subject.possible_duplicate.expression
            filters.append(flagged if search.possible_duplicate else ~flagged)
        if search.date_of_birth is not None:
            filters.append(Subject.date_of_birth == search.date_of_birth)
        if search.police_person_id is not None:
            filters.append(Subject.police_person_id == search.police_person_id)
        if search.crime_reference is not None:
            # only through an incident ``scope`` may read: a reference of another district's incident finds nobody
            readable = IncidentRepository(self.session).visible(scope)
            filters.append(
                exists(
                    select(IncidentPerson.id)
                    .join(Incident, Incident.id == IncidentPerson.incident_id)
                    .where(
                        IncidentPerson.subject_id == Subject.id,
                        Incident.crime_reference == search.crime_reference,
                        *([] if readable is None else [readable]),
                    )
                )
            )
        if search.name is None:
            return await self.page_visible(page, scope, *filters, descending=True)
        filters.append(name_matches(search.name))
        rank = name_rank(search.name)
        stmt = self.readable(scope).where(*filters).options(with_expression(Subject.name_rank, rank))
        columns = cast(list[InstrumentedAttribute[Any]], [rank, Subject.created_at, Subject.id])
        return (await self.session.scalars(keyset(stmt, page, *columns, descending=True))).unique().all()

    async def incidents_of(self, subject_id: UUID, scope: CaseworkScope) -> Sequence[IncidentPerson]:
        """The young person as involved in the incidents ``scope`` may read, with the incidents (newest first)
        and their codes."""
        stmt = (
            select(IncidentPerson)
            .join(IncidentPerson.incident)
            .where(IncidentPerson.subject_id == subject_id)
            .options(*incident_of_person())
            .order_by(Incident.occurred_at.desc(), Incident.id)
        )
        stmt = _where(stmt, IncidentRepository(self.session).visible(scope.districts))
        return (await self.session.scalars(stmt)).all()

    async def reviews_of(self, subject_id: UUID, scope: CaseworkScope) -> Sequence[Review]:
        """The reviews ``scope`` may read, newest first, with their coordinator area."""
        stmt = (
            select(Review)
            .join(ReviewSubject, ReviewSubject.review_id == Review.id)
            .where(ReviewSubject.subject_id == subject_id)
            .options(joinedload(Review.area_ref))
            .order_by(Review.created_at.desc(), Review.id)
        )
        stmt = _where(stmt, ReviewRepository(self.session).visible(scope.districts))
        return (await self.session.scalars(stmt)).all()

    async def referrals_of(self, subject_id: UUID, scope: CaseworkScope) -> Sequence[Referral]:
        """The referrals ``scope`` may read, newest first, with their destination."""
        stmt = (
            select(Referral)
            .where(Referral.subject_id == subject_id)
            .options(joinedload(Referral.forum), joinedload(Referral.partner_agency))
            .order_by(Referral.created_at.desc(), Referral.id)
        )
        stmt = _where(stmt, ReferralRepository(self.session).visible(scope))
        return (await self.session.scalars(stmt)).all()

    async def flags_of(self, subject_ids: Collection[UUID], scope: CaseworkScope) -> Sequence[SubjectDuplicate]:
        """The possible-duplicate flags of these young people whose other young person ``scope`` may see."""

        def seen(other: Any) -> ColumnElement[bool]:
            condition = self.visible(scope.districts)
            return exists(select(Subject.id).where(Subject.id == other, *([] if condition is None else [condition])))

        ids = any_of(SubjectDuplicate.subject_id, subject_ids, Uuid())
        reverse = any_of(SubjectDuplicate.other_id, subject_ids, Uuid())
        stmt = (
            select(SubjectDuplicate)
            .where(or_(and_(ids, seen(SubjectDuplicate.other_id)), and_(reverse, seen(SubjectDuplicate.subject_id))))
            .order_by(SubjectDuplicate.created_at, SubjectDuplicate.id)
        )
        return (await self.session.scalars(stmt)).all()

    async def open_flags(
        self, page: PageParams, scope: frozenset[str] | None
    ) -> Sequence[Row[SubjectDuplicate, Subject, Subject]]:
        """The possible duplicates awaiting a decision, oldest first (a queue), each with its two young people:
        only pairs whose young people ``scope`` may both see, neither of them merged."""
        first, second = aliased(Subject), aliased(Subject)
        stmt = (
            select(SubjectDuplicate, first, second)
            .join(first, first.id == SubjectDuplicate.subject_id)
            .join(second, second.id == SubjectDuplicate.other_id)
            .where(
                SubjectDuplicate.status == DuplicateStatus.OPEN.value,
                first.merged_into_id.is_(None),
                second.merged_into_id.is_(None),
            )
        )
        condition = self.visible(scope)
        if condition is not None:
            seen = select(Subject.id).where(condition)
            stmt = stmt.where(SubjectDuplicate.subject_id.in_(seen), SubjectDuplicate.other_id.in_(seen))
        stmt = keyset(stmt, page, SubjectDuplicate.created_at, SubjectDuplicate.id)
        return (await self.session.execute(stmt)).all()

    async def move_records(self, *, merged: UUID, into: UUID) -> list[UUID]:
        """Point the merged subject's incident people and reviews at the surviving one; return those reviews."""
        await self.session.execute(
            sql_update(IncidentPerson).where(IncidentPerson.subject_id == merged).values(subject_id=into)
        )
        reviews = list(
            (
                await self.session.scalars(select(ReviewSubject.review_id).where(ReviewSubject.subject_id == merged))
            ).all()
        )
        if reviews:
            await self.session.execute(
                pg_insert(ReviewSubject).on_conflict_do_nothing(),
                [{"review_id": r, "subject_id": into} for r in reviews],
            )
            await self.session.execute(delete(ReviewSubject).where(ReviewSubject.subject_id == merged))
        return reviews
