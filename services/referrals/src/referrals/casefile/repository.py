from collections.abc import Collection, Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Row, Select, Uuid, and_, delete, exists, or_, select
from sqlalchemy import update as sql_update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import aliased, joinedload, undefer

from referrals.access import CaseworkScope
from referrals.incident.models import Incident, IncidentPerson
from referrals.incident.repository import IncidentRepository, incident_of_person
from referrals.reference.repository import any_of
from referrals.referral.models import Referral
from referrals.referral.repository import ReferralRepository
from referrals.review.models import Review, ReviewSubject
from referrals.review.repository import ReviewRepository, VisibleSubjectRepository
from referrals.subject.models import DuplicateStatus, Subject, SubjectDuplicate
from vru_shared.pagination import PageParams, keyset


def _where(stmt: Select[Any], condition: ColumnElement[bool] | None) -> Select[Any]:
    return stmt if condition is None else stmt.where(condition)


class CasefileRepository(VisibleSubjectRepository):
    """Young people as the casework sees them (with ``possible_duplicate``), and the records of one.

    A young person's page gathers records of several kinds, each shown only if the caller may read it on its
    own route: every query below applies that record's repository ``visible()`` — never a rule of its own —
    so a coordinator sees no incident, review, referral or other young person of districts not theirs."""

    def statement(self) -> Select[Subject]:
        return select(Subject).options(undefer(Subject.possible_duplicate))

    async def search(
        self, page: PageParams, scope: frozenset[str] | None, *, possible_duplicate: bool | None
    ) -> Sequence[Subject]:
        """Newest first; merged records left out."""
        filters: list[ColumnElement[bool]] = [Subject.merged_into_id.is_(None)]
        if possible_duplicate is not None:
            flagged = Subject.possible_duplicate.expression
            filters.append(flagged if possible_duplicate else ~flagged)
        return await self.page_visible(page, scope, *filters, descending=True)

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
