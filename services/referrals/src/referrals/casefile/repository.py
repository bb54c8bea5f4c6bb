from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import ColumnElement, Select, delete, select
from sqlalchemy import update as sql_update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import joinedload, undefer

from referrals.incident.models import Incident, IncidentPerson
from referrals.incident.repository import incident_of_person
from referrals.referral.models import Referral
from referrals.review.models import Review, ReviewSubject
from referrals.review.repository import VisibleSubjectRepository
from referrals.subject.models import Subject
from vru_shared.pagination import PageParams


class CasefileRepository(VisibleSubjectRepository):
    """Young people as the casework sees them (with ``possible_duplicate``), and the records of one."""

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

    async def incidents_of(self, subject_id: UUID) -> Sequence[IncidentPerson]:
        """The young person as involved in incidents, with the incidents (newest first) and their codes."""
        stmt = (
            select(IncidentPerson)
            .join(IncidentPerson.incident)
            .where(IncidentPerson.subject_id == subject_id)
            .options(*incident_of_person())
            .order_by(Incident.occurred_at.desc(), Incident.id)
        )
        return (await self.session.scalars(stmt)).all()

    async def reviews_of(self, subject_id: UUID) -> Sequence[Review]:
        """Newest first, with their coordinator area."""
        stmt = (
            select(Review)
            .join(ReviewSubject, ReviewSubject.review_id == Review.id)
            .where(ReviewSubject.subject_id == subject_id)
            .options(joinedload(Review.area_ref))
            .order_by(Review.created_at.desc(), Review.id)
        )
        return (await self.session.scalars(stmt)).all()

    async def referrals_of(self, subject_id: UUID) -> Sequence[Referral]:
        """Newest first, with their destination."""
        stmt = (
            select(Referral)
            .where(Referral.subject_id == subject_id)
            .options(joinedload(Referral.forum), joinedload(Referral.partner_agency))
            .order_by(Referral.created_at.desc(), Referral.id)
        )
        return (await self.session.scalars(stmt)).all()

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
