from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any
from uuid import UUID

from sqlalchemy import (
    JSON,
    ColumnElement,
    DateTime,
    RowMapping,
    Select,
    String,
    Text,
    Uuid,
    any_,
    bindparam,
    cast,
    exists,
    func,
    insert,
    literal_column,
    or_,
    select,
    true,
)
from sqlalchemy import update as sql_update
from sqlalchemy.dialects.postgresql import ARRAY, aggregate_order_by, array
from sqlalchemy.orm import QueryableAttribute, aliased, joinedload, selectinload, with_expression

from referrals.audit.repository import audit_parameters, with_audit_row, with_bound_audit_row
from referrals.incident.models import Incident, IncidentPerson
from referrals.incident.repository import IncidentRepository
from referrals.reference.models import CoordinatorArea, District, OffenceCategory
from referrals.reference.repository import any_of, district_ids
from referrals.review.models import Review, ReviewDistrict, ReviewEvent, ReviewStatus, ReviewSubject
from referrals.subject.models import Subject
from vru_shared.db import one_statement_rows
from vru_shared.pagination import PageParams, keyset
from vru_shared.problems import BadRequest
from vru_shared.repository import ScopedRepository, json_list


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


class VisibleSubjectRepository(ScopedRepository[Subject, frozenset[str] | None]):
    """Young people as a coordinator sees them (see :func:`visible_subject`): the one way to load a visible
    young person (``get_visible``), for referrals, support plans and the casefile."""

    model = Subject
    order = ("created_at", "id")

    def visible(self, scope: frozenset[str] | None) -> ColumnElement[bool] | None:
        return visible_subject(scope)


def counted(stmt: Select[Review]) -> Select[Review]:
    """``stmt`` computing each review's incident and young-person counts in the same SELECT (correlated
    counts on indexed ``review_id``), not one more statement per page; read afresh (``populate_existing``).
    Not for a locking read: its subqueries would see the rows as of before it waited for the lock."""
    incidents = select(func.count()).where(Incident.review_id == Review.id).correlate(Review).scalar_subquery()
    subjects = select(func.count()).where(ReviewSubject.review_id == Review.id).correlate(Review).scalar_subquery()
    return stmt.options(
        with_expression(Review.incident_count, incidents), with_expression(Review.subject_count, subjects)
    ).execution_options(populate_existing=True)


# --- the review read as one statement, built once (issue 17) ------------------------------------------------
#: A coordinator's district codes, bound at execution (``districts``): one statement for every coordinator.
_SCOPE = bindparam("districts", type_=ARRAY(String()))
_REVIEW_ID = bindparam("review_id", type_=Uuid())


def _scoped_district_ids() -> Select[Any]:
    return select(District.id).where(District.code == any_(_SCOPE))


def _seen_incident(incident: type[Incident] | Any) -> ColumnElement[bool]:
    """:func:`referrals.incident.repository.visible_incident` for the bound ``districts``."""
    resident = aliased(IncidentPerson)
    return or_(
        incident.district_id.in_(_scoped_district_ids()),
        exists(
            select(resident.id).where(
                resident.incident_id == incident.id, resident.home_district_id.in_(_scoped_district_ids())
            )
        ),
    )


def _review_read(scoped: bool) -> Select[Any]:
    """The review with its area, districts, counts, incidents (with their codes), young people and history, and
    its audit row (:func:`~referrals.audit.repository.with_bound_audit_row`): one statement, one round trip,
    rows straight into the response model — what :meth:`ReviewRepository.read` gives the ORM in four. Scoped: as
    the coordinator of the bound ``districts`` sees it (the review, and of its incidents and of its history's
    entries about an incident, those they may read), else everything."""
    area, lead, drawn = aliased(CoordinatorArea), aliased(District), aliased(District)
    incident_district, category = aliased(District), aliased(OffenceCategory)
    seen = aliased(Incident)
    districts = (
        select(func.coalesce(func.array_agg(aggregate_order_by(drawn.code, drawn.code)), literal_column("'{}'")))
        .join(ReviewDistrict, ReviewDistrict.district_id == drawn.id)
        .where(ReviewDistrict.review_id == Review.id)
        .scalar_subquery()
    )
    incidents = (
        select(
            json_list(
                {
                    "id": Incident.id,
                    "crime_reference": Incident.crime_reference,
                    "occurred_at": Incident.occurred_at,
                    "district": incident_district.code,
                    "category": category.code,
                    "weapon_knife": Incident.weapon_knife,
                    "weapon_firearm": Incident.weapon_firearm,
                },
                Incident.occurred_at,
                Incident.id,
            )
        )
        .select_from(Incident)
        .join(incident_district, incident_district.id == Incident.district_id)
        .join(category, category.id == Incident.category_id)
        .where(Incident.review_id == Review.id, *([_seen_incident(Incident)] if scoped else []))
        .scalar_subquery()
    )
    subjects = (
        select(
            json_list(
                {
                    "id": Subject.id,
                    "given_name": Subject.given_name,
                    "family_name": Subject.family_name,
                    "date_of_birth": Subject.date_of_birth,
                },
                Subject.family_name,
                Subject.given_name,
                Subject.id,
            )
        )
        .select_from(ReviewSubject)
        .join(Subject, Subject.id == ReviewSubject.subject_id)
        .where(ReviewSubject.review_id == Review.id)
        .scalar_subquery()
    )
    about_seen = or_(
        ReviewEvent.incident_id.is_(None),
        exists(select(seen.id).where(seen.id == ReviewEvent.incident_id, _seen_incident(seen))),
    )
    events = (
        select(
            json_list(
                {
                    "kind": ReviewEvent.kind,
                    "from_status": ReviewEvent.from_status,
                    "to_status": ReviewEvent.to_status,
                    "reason": ReviewEvent.reason,
                    "forum_case_ref": ReviewEvent.forum_case_ref,
                    "incident_id": ReviewEvent.incident_id,
                    "actor": ReviewEvent.actor,
                    "actor_name": ReviewEvent.actor_name,
                    "at": ReviewEvent.at,
                },
                ReviewEvent.at,
                ReviewEvent.id,
            )
        )
        .where(ReviewEvent.review_id == Review.id, *([about_seen] if scoped else []))
        .scalar_subquery()
    )
    visible = [
        exists(
            select(ReviewDistrict.review_id).where(
                ReviewDistrict.review_id == Review.id, ReviewDistrict.district_id.in_(_scoped_district_ids())
            )
        )
    ]
    where = [Review.id == _REVIEW_ID, *(visible if scoped else [])]
    read = (
        select(
            Review.id,
            Review.status,
            area.code.label("area"),
            lead.code.label("district"),
            districts.label("districts"),
            select(func.count()).where(Incident.review_id == Review.id).scalar_subquery().label("incident_count"),
            select(func.count()).where(ReviewSubject.review_id == Review.id).scalar_subquery().label("subject_count"),
            Review.forum_case_ref,
            Review.outcome_reason,
            Review.created_at,
            Review.updated_at,
            Review.closed_at,
            Review.version,
            cast(incidents, JSON).label("incidents"),
            cast(subjects, JSON).label("subjects"),
            cast(events, JSON).label("events"),
        )
        .select_from(Review)
        .join(area, area.id == Review.area_id)
        .join(lead, lead.id == Review.district_id)
        .where(*where)
    )
    return with_bound_audit_row(read, select(array([cast(Review.id, Text)])).where(*where))


def _summary_rows() -> Select[Any]:
    """A review as the queue shows it (``ReviewSummary`` but its due date): its area and lead district codes, every
    district drawn in and its counts, in one SELECT."""
    area, lead, drawn = aliased(CoordinatorArea), aliased(District), aliased(District)
    districts = (
        select(func.coalesce(func.array_agg(aggregate_order_by(drawn.code, drawn.code)), literal_column("'{}'")))
        .join(ReviewDistrict, ReviewDistrict.district_id == drawn.id)
        .where(ReviewDistrict.review_id == Review.id)
        .scalar_subquery()
    )
    return (
        select(
            Review.id,
            Review.status,
            area.code.label("area"),
            lead.code.label("district"),
            districts.label("districts"),
            select(func.count()).where(Incident.review_id == Review.id).scalar_subquery().label("incident_count"),
            select(func.count()).where(ReviewSubject.review_id == Review.id).scalar_subquery().label("subject_count"),
            Review.forum_case_ref,
            Review.outcome_reason,
            Review.created_at,
            Review.updated_at,
            Review.closed_at,
            Review.version,
        )
        .select_from(Review)
        .join(area, area.id == Review.area_id)
        .join(lead, lead.id == Review.district_id)
    )


SUMMARY_ROWS = _summary_rows()

#: Built and compiled once: for analysts and the director (everything), and for coordinators (their districts).
REVIEW_READ = {False: _review_read(scoped=False), True: _review_read(scoped=True)}


def in_queue_order(filters: Sequence[ColumnElement[bool]], page: PageParams) -> ColumnElement[bool]:
    """The reviews that may be on a coordinator's queue page (newest first, after ``page``'s cursor), for the
    districts bound as ``districts``: for each district, its first ``limit + 1`` reviews meeting ``filters``, read in
    the queue's order from ``ix_review_districts_queue`` — a page's worth of rows per district, however many
    reviews the districts hold (issue 17). The page's own ``limit + 1`` newest of them are exactly the page that the
    filter "draws in one of the districts" would give: a review on that page has fewer than ``limit + 1`` reviews
    before it, so in each district it draws in too; the ``limit + 1`` newest candidates (a review drawn into two of
    the districts counted once) are the page's reviews, fetched by their keys."""
    scoped = _scoped_district_ids().subquery("scoped")
    drawn = aliased(ReviewDistrict)
    candidates = select(drawn.review_created_at, drawn.review_id)
    if filters:  # on the review's own columns
        candidates = candidates.join(Review, Review.id == drawn.review_id)
    per_district = keyset(
        candidates.where(drawn.district_id == scoped.c.id, *filters).correlate(scoped),
        page,
        drawn.review_created_at,
        drawn.review_id,
        descending=True,
    ).lateral("per_district")
    newest = (per_district.c.review_created_at.desc(), per_district.c.review_id.desc())
    ids = (
        select(per_district.c.review_id)
        .select_from(scoped)
        .join(per_district, true())
        .group_by(per_district.c.review_created_at, per_district.c.review_id)  # once, if drawn in twice
        .order_by(*newest)
        .limit(page.limit + 1)
    )
    # As an array computed first (an InitPlan), then the reviews fetched by their keys: a semi-join here would
    # let the planner hash the candidates and scan the whole table of reviews for them.
    return Review.id == any_(func.array(ids.scalar_subquery()))


#: The queue page's filters and cursor, bound at execution (:func:`queue_page`).
_AREA = bindparam("area", type_=String())
_DISTRICT = bindparam("district", type_=String())
_STATUS = bindparam("status", type_=String())
_OVERDUE_BEFORE = bindparam("overdue_before", type_=DateTime(timezone=True))
_CHANGED_SINCE = bindparam("changed_since", type_=DateTime(timezone=True))
_AFTER = (bindparam("after_0", type_=DateTime(timezone=True)), bindparam("after_1", type_=Uuid()))


@lru_cache(maxsize=512)
def queue_page(
    *,
    scoped: bool,
    feed: bool,
    cursor: bool,
    area: bool,
    district: bool,
    status: bool,
    overdue: bool | None,
    limit: int,
) -> Select[Any]:
    """The review queue page as one statement, built once per shape (which filters, a cursor or not, a
    coordinator's or everyone's, the page size) with every value a bound parameter (``districts``, ``area``,
    ``district``, ``status``, ``overdue_before``, ``changed_since``, ``after_0``/``after_1``, the audit entry's
    ``audit_*``): its cache key and compiled SQL are made once, not per request (issue 17). The rows are
    ``ReviewSummary``'s but its due date, the page's audit entry (the ids of the page's rows but the extra one, in
    the page's order; none for an empty page) written by the same statement. The page is a CTE that both the
    answer and the audit entry read, so its rows are found once."""
    filters: list[ColumnElement[bool]] = []
    if area:
        filters.append(Review.area_id.in_(select(CoordinatorArea.id).where(CoordinatorArea.code == _AREA)))
    if district:
        filters.append(
            exists(
                select(ReviewDistrict.review_id)
                .join(District, District.id == ReviewDistrict.district_id)
                .where(ReviewDistrict.review_id == Review.id, District.code == _DISTRICT)
            )
        )
    if status:
        filters.append(Review.status == _STATUS)
    if overdue is not None:
        late = (Review.status != ReviewStatus.CLOSED.value) & (Review.created_at < _OVERDUE_BEFORE)
        filters.append(late if overdue else ~late)
    bound = PageParams(limit=limit, after=_AFTER if cursor else None)
    if scoped and not feed:
        filters = [in_queue_order(filters, bound)]
    elif scoped:
        filters.append(
            exists(
                select(ReviewDistrict.review_id).where(
                    ReviewDistrict.review_id == Review.id, ReviewDistrict.district_id.in_(_scoped_district_ids())
                )
            )
        )
    if feed:
        key = (Review.updated_at, Review.id)
        filters.append(Review.updated_at >= _CHANGED_SINCE)
    else:
        key = (Review.created_at, Review.id)
    listed = keyset(SUMMARY_ROWS.where(*filters), bound, *key, descending=not feed).cte("listed")

    def ordered(rows: Any) -> list[Any]:  # the page's order: newest first, or the change feed's
        return [rows.c[c.key].asc() if feed else rows.c[c.key].desc() for c in key]

    shown = select(listed.c.id, listed.c[key[0].key]).order_by(*ordered(listed)).limit(limit).subquery()
    ids = select(func.array_agg(aggregate_order_by(cast(shown.c.id, Text), *ordered(shown)))).having(func.count() > 0)
    return with_bound_audit_row(select(listed).order_by(*ordered(listed)), ids)


class ReviewRepository(ScopedRepository[Review, frozenset[str] | None]):
    """Reviews with their area, lead district and every district drawn in; :meth:`read` adds the incidents,
    young people and history."""

    model = Review
    order = ("created_at", "id")

    def statement(self, *, one: bool = False) -> Select[Review]:
        """``one``: for a single review, its few districts joined into the same SELECT (a page loads them in
        one more)."""
        districts = joinedload(Review.districts_ref) if one else selectinload(Review.districts_ref)
        return select(Review).options(joinedload(Review.area_ref), joinedload(Review.district_ref), districts)

    def visible(self, scope: frozenset[str] | None) -> ColumnElement[bool] | None:
        return visible_review(scope)

    async def search(
        self,
        page: PageParams,
        scope: frozenset[str] | None,
        *,
        area: str | None,
        district: str | None,
        status: ReviewStatus | None,
        overdue_before: datetime | None,
        overdue: bool | None,
    ) -> Sequence[Review]:
        filters = self._search_filters(area=area, district=district, status=status, overdue_before=overdue_before)
        if overdue is not None and overdue_before is not None:
            late = (Review.status != ReviewStatus.CLOSED.value) & (Review.created_at < overdue_before)
            filters.append(late if overdue else ~late)
        return await self.page(page, *filters, base=counted(self.readable(scope)), descending=True)

    @staticmethod
    def _search_filters(
        *, area: str | None, district: str | None, status: ReviewStatus | None, overdue_before: datetime | None
    ) -> list[ColumnElement[bool]]:
        filters: list[ColumnElement[bool]] = []
        if area is not None:
            filters.append(Review.area_id.in_(select(CoordinatorArea.id).where(CoordinatorArea.code == area)))
        if district is not None:
            filters.append(
                exists(
                    select(ReviewDistrict.review_id)
                    .join(District, District.id == ReviewDistrict.district_id)
                    .where(ReviewDistrict.review_id == Review.id, District.code == district)
                )
            )
        if status is not None:
            filters.append(Review.status == status.value)
        return filters

    async def search_rows(
        self,
        page: PageParams,
        scope: frozenset[str] | None,
        *,
        area: str | None,
        district: str | None,
        status: ReviewStatus | None,
        overdue_before: datetime,
        overdue: bool | None,
        audit: Mapping[str, object],
    ) -> Sequence[RowMapping]:
        """:meth:`search` as rows for ``ReviewSummary`` (its codes, districts and counts in the same SELECT), with
        the page's audit entry (``audit``: :func:`referrals.audit.service.entry`'s fields) written by the same
        statement: :func:`queue_page`, one statement, one round trip (the request's whole work in the database:
        :func:`~vru_shared.db.one_statement_rows`) and no ORM objects, for the review queue page (issue 17)."""
        if page.after is not None and len(page.after) != len(_AFTER):
            raise BadRequest("The cursor is not valid for this list; start again without one.")
        statement = queue_page(
            scoped=scope is not None,
            feed=page.changed_since is not None,
            cursor=page.after is not None,
            area=area is not None,
            district=district is not None,
            status=status is not None,
            overdue=overdue,
            limit=page.limit,
        )
        parameters: dict[str, object] = {
            "area": area,
            "district": district,
            "status": None if status is None else status.value,
            "overdue_before": overdue_before,
            "changed_since": page.changed_since,
            **audit_parameters(audit),
        }
        if scope is not None:
            parameters["districts"] = sorted(scope)
        if page.after is not None:
            parameters |= {"after_0": page.after[0], "after_1": page.after[1]}
        return await one_statement_rows(self.session, statement, parameters)  # 1 round trip

    async def read(
        self,
        review_id: UUID,
        scope: frozenset[str] | None,
        *,
        for_update: bool = False,
        audit: Mapping[str, object] | None = None,
    ) -> Review | None:
        """The review with its incidents (and their codes), young people and history, if ``scope`` may see it;
        unless locking, with its counts (:func:`counted`). ``audit``: the fields of the read's audit entry,
        written by the same SELECT (:func:`~referrals.audit.repository.with_audit_row`) when the review is
        visible.

        Of the incidents, and of the history's entries about an incident, only those ``scope`` may read (the
        incident's own ``visible()``): a review drawn into two districts shows each coordinator their districts'
        incidents, never the other's ids or crime references."""
        seen = IncidentRepository(self.session).visible(scope)
        incidents: QueryableAttribute[Any] = Review.incidents
        events: QueryableAttribute[Any] = Review.events
        if seen is not None:
            incidents = incidents.and_(seen)
            about_seen = exists(select(Incident.id).where(Incident.id == ReviewEvent.incident_id, seen))
            events = events.and_(or_(ReviewEvent.incident_id.is_(None), about_seen))
        condition = self.visible(scope)
        details = self.statement(one=True)
        if condition is not None:
            details = details.where(condition)
        details = details.options(
            selectinload(incidents).options(joinedload(Incident.district_ref), joinedload(Incident.category_ref)),
            selectinload(Review.subjects),
            selectinload(events),
        )
        if not for_update:
            details = counted(details)
        if audit is not None:
            ids = select(array([cast(Review.id, Text)])).where(Review.id == review_id)
            details = with_audit_row(details, audit, ids if condition is None else ids.where(condition))
        return await self.get(review_id, for_update=for_update, base=details)

    async def read_audited(
        self, review_id: UUID, scope: frozenset[str] | None, audit: Mapping[str, object]
    ) -> RowMapping | None:
        """The review as :data:`REVIEW_READ` reads it, if ``scope`` may see it, with its audit entry (the fields
        of :func:`referrals.audit.service.entry`) written by the same statement; nothing is audited when it is not
        visible. Its nested lists are JSON (``incidents``, ``subjects``, ``events``), for the response model."""
        parameters: dict[str, object] = {"review_id": review_id, **audit_parameters(audit)}
        if scope is not None:
            parameters["districts"] = sorted(scope)
        rows = await one_statement_rows(self.session, REVIEW_READ[scope is not None], parameters)  # 1 round trip
        return rows[0] if rows else None

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

    # --- screening --------------------------------------------------------------------------------------

    async def district_areas(self) -> dict[UUID, tuple[UUID, str]]:
        """Each district's coordinator area and code, by district id."""
        rows = (await self.session.execute(select(District.id, District.area_id, District.code))).all()
        return {d: (a, code) for d, a, code in rows}

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
