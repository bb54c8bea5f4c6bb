from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Uuid, exists, func, insert, or_, select
from sqlalchemy import update as sql_update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from referrals.incident.models import Incident, IncidentPerson
from referrals.reference.models import CoordinatorArea, District, OffenceCategory
from referrals.reference.repository import any_of, district_ids
from referrals.review.models import Review, ReviewDistrict, ReviewEvent, ReviewStatus, ReviewSubject
from referrals.subject.models import Subject
from vru_shared.pagination import PageParams, keyset

LeadDistrict = aliased(District)


def visible_review(scope: frozenset[str] | None) -> ColumnElement[bool] | None:
    """A coordinator sees a review that draws in any of their districts."""
    if scope is None:
        return None
    return exists(
        select(ReviewDistrict.review_id).where(
            ReviewDistrict.review_id == Review.id, ReviewDistrict.district_id.in_(district_ids(scope))
        )
    )


def visible_subject(scope: frozenset[str] | None) -> ColumnElement[bool] | None:
    """A coordinator sees a young person involved in an incident, or part of a review, in their districts."""
    if scope is None:
        return None
    ids = district_ids(scope)
    via_incident = exists(
        select(IncidentPerson.id)
        .join(Incident, Incident.id == IncidentPerson.incident_id)
        .where(
            IncidentPerson.subject_id == Subject.id,
            or_(Incident.district_id.in_(ids), IncidentPerson.home_district_id.in_(ids)),
        )
    )
    via_review = exists(
        select(ReviewSubject.review_id)
        .join(ReviewDistrict, ReviewDistrict.review_id == ReviewSubject.review_id)
        .where(ReviewSubject.subject_id == Subject.id, ReviewDistrict.district_id.in_(ids))
    )
    return or_(via_incident, via_review)


class ReviewRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # --- reading --------------------------------------------------------------------------------------

    def _base(self, scope: frozenset[str] | None) -> Any:
        stmt = (
            select(Review, CoordinatorArea.code, LeadDistrict.code)
            .join(CoordinatorArea, CoordinatorArea.id == Review.area_id)
            .join(LeadDistrict, LeadDistrict.id == Review.district_id)
        )
        visible = visible_review(scope)
        return stmt if visible is None else stmt.where(visible)

    async def page(
        self,
        page: PageParams,
        scope: frozenset[str] | None,
        *,
        area: str | None,
        district: str | None,
        status: ReviewStatus | None,
        overdue_before: datetime | None,
        overdue: bool | None,
    ) -> Sequence[tuple[Review, str, str]]:
        stmt = self._base(scope)
        if area is not None:
            stmt = stmt.where(CoordinatorArea.code == area)
        if district is not None:
            stmt = stmt.where(
                exists(
                    select(ReviewDistrict.review_id)
                    .join(District, District.id == ReviewDistrict.district_id)
                    .where(ReviewDistrict.review_id == Review.id, District.code == district)
                )
            )
        if status is not None:
            stmt = stmt.where(Review.status == status.value)
        if overdue is not None and overdue_before is not None:
            late = (Review.status != ReviewStatus.CLOSED.value) & (Review.created_at < overdue_before)
            stmt = stmt.where(late if overdue else ~late)
        rows = await self.session.execute(keyset(stmt, page, Review.created_at, Review.id, descending=True))
        return [(r[0], r[1], r[2]) for r in rows.all()]

    async def get(
        self, review_id: UUID, scope: frozenset[str] | None, *, for_update: bool = False
    ) -> tuple[Review, str, str] | None:
        stmt = self._base(scope).where(Review.id == review_id)
        if for_update:
            stmt = stmt.with_for_update(of=Review)
        row = (await self.session.execute(stmt)).one_or_none()
        return (row[0], row[1], row[2]) if row else None

    async def districts_of(self, review_ids: Collection[UUID]) -> dict[UUID, list[str]]:
        stmt = (
            select(ReviewDistrict.review_id, District.code)
            .join(District, District.id == ReviewDistrict.district_id)
            .where(any_of(ReviewDistrict.review_id, review_ids, Uuid()))
            .order_by(District.code)
        )
        out: dict[UUID, list[str]] = {r: [] for r in review_ids}
        for review_id, code in (await self.session.execute(stmt)).all():
            out[review_id].append(code)
        return out

    async def counts_of(self, review_ids: Collection[UUID]) -> dict[UUID, tuple[int, int]]:
        """(incidents, subjects) per review."""
        incidents = (
            select(Incident.review_id, func.count())
            .where(any_of(Incident.review_id, review_ids, Uuid()))
            .group_by(Incident.review_id)
        )
        subjects = (
            select(ReviewSubject.review_id, func.count())
            .where(any_of(ReviewSubject.review_id, review_ids, Uuid()))
            .group_by(ReviewSubject.review_id)
        )
        by_incidents = {r: n for r, n in (await self.session.execute(incidents)).all()}
        by_subjects = {r: n for r, n in (await self.session.execute(subjects)).all()}
        return {r: (by_incidents.get(r, 0), by_subjects.get(r, 0)) for r in review_ids}

    async def incidents_of(self, review_id: UUID) -> Sequence[tuple[Incident, str, str]]:
        stmt = (
            select(Incident, District.code, OffenceCategory.code)
            .join(District, District.id == Incident.district_id)
            .join(OffenceCategory, OffenceCategory.id == Incident.category_id)
            .where(Incident.review_id == review_id)
            .order_by(Incident.occurred_at, Incident.id)
        )
        return [(r[0], r[1], r[2]) for r in (await self.session.execute(stmt)).all()]

    async def subjects_of(self, review_id: UUID) -> Sequence[Subject]:
        stmt = (
            select(Subject)
            .join(ReviewSubject, ReviewSubject.subject_id == Subject.id)
            .where(ReviewSubject.review_id == review_id)
            .order_by(Subject.family_name, Subject.given_name, Subject.id)
        )
        return (await self.session.scalars(stmt)).all()

    async def subject(self, subject_id: UUID, scope: frozenset[str] | None) -> Subject | None:
        """The young person, when one with ``scope`` may see them (see :func:`visible_subject`)."""
        stmt = select(Subject).where(Subject.id == subject_id)
        visible = visible_subject(scope)
        return (await self.session.scalars(stmt if visible is None else stmt.where(visible))).one_or_none()

    async def events_of(self, review_id: UUID) -> Sequence[ReviewEvent]:
        stmt = select(ReviewEvent).where(ReviewEvent.review_id == review_id).order_by(ReviewEvent.at, ReviewEvent.id)
        return (await self.session.scalars(stmt)).all()

    # --- screening --------------------------------------------------------------------------------------

    async def district_areas(self) -> dict[UUID, UUID]:
        return {d: a for d, a in (await self.session.execute(select(District.id, District.area_id))).all()}

    async def open_reviews_of_subjects(self, subject_ids: Collection[UUID]) -> dict[UUID, UUID]:
        """Each subject's oldest review that is not closed."""
        if not subject_ids:
            return {}
        stmt = (
            select(ReviewSubject.subject_id, Review.id)
            .join(Review, Review.id == ReviewSubject.review_id)
            .where(
                any_of(ReviewSubject.subject_id, subject_ids, Uuid()),
                Review.status != ReviewStatus.CLOSED.value,
            )
            .order_by(Review.created_at.desc(), Review.id.desc())
        )
        return {subject: review for subject, review in (await self.session.execute(stmt)).all()}

    async def insert_reviews(self, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            await self.session.execute(insert(Review).execution_options(render_nulls=True), rows)

    async def link(self, *, districts: Collection[tuple[UUID, UUID]], subjects: Collection[tuple[UUID, UUID]]) -> None:
        if districts:
            await self.session.execute(
                pg_insert(ReviewDistrict).on_conflict_do_nothing(),
                [{"review_id": r, "district_id": d} for r, d in districts],
            )
        if subjects:
            await self.session.execute(
                pg_insert(ReviewSubject).on_conflict_do_nothing(),
                [{"review_id": r, "subject_id": s} for r, s in subjects],
            )

    async def add_events(self, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            await self.session.execute(insert(ReviewEvent).execution_options(render_nulls=True), rows)

    async def touch(self, review_ids: Collection[UUID]) -> None:
        """A linked incident changed: bump the reviews' versions (their ETags change)."""
        if review_ids:
            await self.session.execute(
                sql_update(Review)
                .where(any_of(Review.id, review_ids, Uuid()))
                .values(version=Review.version + 1, updated_at=func.clock_timestamp())
            )

    async def flush(self) -> None:
        await self.session.flush()
