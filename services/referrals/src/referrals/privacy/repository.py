from collections.abc import Callable, Collection, Sequence
from datetime import date, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Text, Uuid, cast, delete, exists, func, literal, or_, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import aliased, joinedload, selectinload

from referrals.audit.models import AuditEntry
from referrals.incident.models import Incident, IncidentPerson
from referrals.incident.repository import incident_of_person
from referrals.meeting.models import OUTSTANDING_ACTIONS, MeetingAction, MeetingDecision
from referrals.meeting.repository import ACTION_LOADS
from referrals.reference.models import District
from referrals.reference.repository import any_of
from referrals.referral.models import OPEN_STATUSES, Referral
from referrals.review.models import Review, ReviewStatus, ReviewSubject
from referrals.subject.models import Subject, SubjectDuplicate
from referrals.support.models import PlanStatus, SupportPlan
from vru_shared.pagination import PageParams, keyset
from vru_shared.repository import Repository

HomeDistrict = aliased(District)


def _ids(column: Any, ids: Collection[UUID]) -> Any:
    return any_of(column, ids, Uuid())


def last_activity() -> Any:
    """The latest activity on a young person's records: an incident, a review, referral, plan or action change."""

    def latest(column: Any, *where: Any) -> Any:
        return select(func.max(column)).where(*where).scalar_subquery()

    return func.greatest(
        Subject.updated_at,
        latest(
            Incident.occurred_at, Incident.id == IncidentPerson.incident_id, IncidentPerson.subject_id == Subject.id
        ),
        latest(Incident.updated_at, Incident.id == IncidentPerson.incident_id, IncidentPerson.subject_id == Subject.id),
        latest(Review.updated_at, Review.id == ReviewSubject.review_id, ReviewSubject.subject_id == Subject.id),
        latest(Referral.updated_at, Referral.subject_id == Subject.id),
        latest(SupportPlan.updated_at, SupportPlan.subject_id == Subject.id),
        latest(MeetingAction.updated_at, MeetingAction.subject_id == Subject.id),
    )


def open_casework(of: Callable[[Any], Any]) -> Any:
    """Something still open about the young people ``of(subject_id_column)`` selects: a review, a referral,
    an active support plan or an action still to do."""
    return or_(
        exists(
            select(ReviewSubject.review_id)
            .join(Review, Review.id == ReviewSubject.review_id)
            .where(of(ReviewSubject.subject_id), Review.status != ReviewStatus.CLOSED.value)
        ),
        exists(
            select(Referral.id).where(of(Referral.subject_id), Referral.status.in_([s.value for s in OPEN_STATUSES]))
        ),
        exists(select(SupportPlan.id).where(of(SupportPlan.subject_id), SupportPlan.status == PlanStatus.ACTIVE.value)),
        exists(
            select(MeetingAction.id).where(
                of(MeetingAction.subject_id), MeetingAction.status.in_([s.value for s in OUTSTANDING_ACTIONS])
            )
        ),
    )


class PrivacyRepository(Repository[Subject]):
    """A young person's records across the service, for subject access, retention and erasure."""

    model = Subject

    # --- the records of one young person ---------------------------------------------------------------

    async def merged_into(self, subject_id: UUID) -> list[Subject]:
        """The records confirmed to be the same young person (merged into this one), at any depth."""
        found: list[Subject] = []
        frontier = [subject_id]
        while frontier:
            stmt = select(Subject).where(_ids(Subject.merged_into_id, frontier)).order_by(Subject.created_at)
            batch = list((await self.session.scalars(stmt)).all())
            found += batch
            frontier = [s.id for s in batch]
        return found

    async def incidents(self, ids: Collection[UUID]) -> Sequence[IncidentPerson]:
        """These young people as involved in incidents, with the incidents (oldest first) and their codes."""
        stmt = (
            select(IncidentPerson)
            .join(IncidentPerson.incident)
            .where(_ids(IncidentPerson.subject_id, ids))
            .options(*incident_of_person())
            .order_by(Incident.occurred_at, Incident.id)
        )
        return (await self.session.scalars(stmt)).all()

    async def reviews(self, ids: Collection[UUID]) -> Sequence[Review]:
        """The reviews of these young people, oldest first, with their area and history."""
        stmt = (
            select(Review)
            .where(exists().where(ReviewSubject.review_id == Review.id, _ids(ReviewSubject.subject_id, ids)))
            .options(joinedload(Review.area_ref), selectinload(Review.events))
            .order_by(Review.created_at, Review.id)
        )
        return (await self.session.scalars(stmt)).all()

    async def referral_ids(self, ids: Collection[UUID]) -> list[UUID]:
        stmt = select(Referral.id).where(_ids(Referral.subject_id, ids)).order_by(Referral.created_at, Referral.id)
        return list((await self.session.scalars(stmt)).all())

    async def decisions(self, ids: Collection[UUID]) -> Sequence[MeetingDecision]:
        stmt = (
            select(MeetingDecision).where(_ids(MeetingDecision.subject_id, ids)).order_by(MeetingDecision.recorded_at)
        )
        return (await self.session.scalars(stmt)).all()

    async def actions(self, ids: Collection[UUID]) -> Sequence[MeetingAction]:
        """Every action about these young people, soonest due first."""
        stmt = (
            select(MeetingAction)
            .options(*ACTION_LOADS)
            .where(_ids(MeetingAction.subject_id, ids))
            .order_by(MeetingAction.due_on, MeetingAction.id)
        )
        return (await self.session.scalars(stmt)).all()

    async def plan_ids(self, ids: Collection[UUID]) -> list[UUID]:
        stmt = select(SupportPlan.id).where(_ids(SupportPlan.subject_id, ids)).order_by(SupportPlan.created_at)
        return list((await self.session.scalars(stmt)).all())

    async def audit_entries(self, record_ids: Collection[UUID]) -> Sequence[AuditEntry]:
        wanted = cast(literal([str(i) for i in record_ids], ARRAY(Text())), ARRAY(Text()))
        stmt = select(AuditEntry).where(AuditEntry.record_ids.overlap(wanted)).order_by(AuditEntry.id)
        return (await self.session.scalars(stmt)).all()

    async def has_open_casework(self, ids: Collection[UUID]) -> bool:
        found = open_casework(lambda column: _ids(column, ids))
        return bool((await self.session.execute(select(found))).scalar_one())

    # --- retention -------------------------------------------------------------------------------------

    async def due_for_review(
        self, page: PageParams, *, inactive_before: datetime, born_before: date
    ) -> Sequence[tuple[Subject, datetime]]:
        activity = last_activity()
        stmt = select(Subject, activity).where(
            Subject.merged_into_id.is_(None),
            activity < inactive_before,
            or_(Subject.date_of_birth.is_(None), Subject.date_of_birth <= born_before),
            ~open_casework(lambda column: column == Subject.id),
        )
        rows = await self.session.execute(keyset(stmt, page, Subject.created_at, Subject.id))
        return [(r[0], r[1]) for r in rows.all()]

    # --- erasure ---------------------------------------------------------------------------------------

    async def erase(self, ids: Collection[UUID]) -> dict[str, int]:
        """Delete every record of these subjects; returns how many of each kind went."""
        counts: dict[str, int] = {}

        async def run(name: str, stmt: Any) -> list[Any]:
            rows: list[Any] = list((await self.session.execute(stmt)).scalars().all())
            counts[name] = counts.get(name, 0) + len(rows)
            return rows

        await run(
            "meeting_actions",
            delete(MeetingAction).where(_ids(MeetingAction.subject_id, ids)).returning(MeetingAction.id),
        )
        await run(
            "meeting_decisions",
            delete(MeetingDecision).where(_ids(MeetingDecision.subject_id, ids)).returning(MeetingDecision.id),
        )
        await run(
            "support_plans", delete(SupportPlan).where(_ids(SupportPlan.subject_id, ids)).returning(SupportPlan.id)
        )
        await run("referrals", delete(Referral).where(_ids(Referral.subject_id, ids)).returning(Referral.id))
        incident_ids = await run(
            "incident_people",
            delete(IncidentPerson).where(_ids(IncidentPerson.subject_id, ids)).returning(IncidentPerson.incident_id),
        )
        orphan_incidents = select(Incident.id).where(
            _ids(Incident.id, set(incident_ids)),
            ~exists().where(IncidentPerson.incident_id == Incident.id),
        )
        await run("incidents", delete(Incident).where(Incident.id.in_(orphan_incidents)).returning(Incident.id))
        review_ids = await run(
            "review_links",
            delete(ReviewSubject).where(_ids(ReviewSubject.subject_id, ids)).returning(ReviewSubject.review_id),
        )
        orphan_reviews = select(Review.id).where(
            _ids(Review.id, set(review_ids)),
            ~exists().where(ReviewSubject.review_id == Review.id),
            ~exists().where(Incident.review_id == Review.id),
            ~exists().where(Referral.review_id == Review.id),
        )
        await run("reviews", delete(Review).where(Review.id.in_(orphan_reviews)).returning(Review.id))
        await run(
            "possible_duplicates",
            delete(SubjectDuplicate)
            .where(or_(_ids(SubjectDuplicate.subject_id, ids), _ids(SubjectDuplicate.other_id, ids)))
            .returning(SubjectDuplicate.id),
        )
        await run("subjects", delete(Subject).where(_ids(Subject.id, ids)).returning(Subject.id))
        return counts
