"""The reviews' side of screening, written set-based: however many incidents are screened, one statement
per table (arrays, not a statement per row)."""

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from referrals import bulk
from referrals.incident.models import ScreeningDecision
from referrals.review.models import Review, ReviewStatus
from vru_shared.repository import Repository


class ScreeningRepository(Repository[Review]):
    model = Review

    async def insert_reviews(self, rows: Sequence[tuple[UUID, UUID, UUID]]) -> None:
        """New reviews, ``(id, area_id, district_id)``, in order (their ``created_at`` follows it)."""
        if rows:
            ids, areas, districts = zip(*rows, strict=True)
            await bulk.execute(
                self.session,
                "INSERT INTO referrals.reviews (id, status, area_id, district_id, version) "
                "SELECT r.id, $4, r.area_id, r.district_id, 1 "
                "FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) WITH ORDINALITY AS r(id, area_id, district_id, n) "
                "ORDER BY r.n",
                list(ids),
                list(areas),
                list(districts),
                ReviewStatus.NEW.value,
            )

    async def link(self, *, districts: Collection[tuple[UUID, UUID]], subjects: Collection[tuple[UUID, UUID]]) -> None:
        """Draw districts and young people into reviews (``(review_id, other_id)`` pairs); links held stay. A
        district drawn in carries its review's ``created_at`` (the coordinators' queue reads it in that order)."""
        if districts:
            reviews, others = zip(*districts, strict=True)
            await bulk.execute(
                self.session,
                "INSERT INTO referrals.review_districts (review_id, district_id, review_created_at) "
                "SELECT l.review_id, l.district_id, "
                "(SELECT r.created_at FROM referrals.reviews r WHERE r.id = l.review_id) "
                "FROM unnest($1::uuid[], $2::uuid[]) AS l(review_id, district_id) ON CONFLICT DO NOTHING",
                list(reviews),
                list(others),
            )
        if subjects:
            reviews, others = zip(*subjects, strict=True)
            await bulk.execute(
                self.session,
                "INSERT INTO referrals.review_subjects (review_id, subject_id) "
                "SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING",
                list(reviews),
                list(others),
            )

    async def add_events(self, rows: Sequence[dict[str, Any]]) -> None:
        """Review history, in order (``at`` follows it): ``review_id``, ``kind``, ``incident_id``,
        ``to_status``, ``reason``, ``actor``, ``actor_name``."""
        if rows:
            columns = ("review_id", "kind", "incident_id", "to_status", "reason", "actor", "actor_name")
            await bulk.execute(
                self.session,
                "INSERT INTO referrals.review_events "
                "(id, review_id, kind, incident_id, to_status, reason, actor, actor_name) "
                "SELECT gen_random_uuid(), e.review_id, e.kind, e.incident_id, e.to_status, e.reason, e.actor, "
                "e.actor_name FROM unnest($1::uuid[], $2::varchar[], $3::uuid[], $4::varchar[], $5::text[], "
                "$6::varchar[], $7::varchar[]) WITH ORDINALITY "
                "AS e(review_id, kind, incident_id, to_status, reason, actor, actor_name, n) ORDER BY e.n",
                *([row[c] for row in rows] for c in columns),
            )

    async def release(self, *, subjects: Collection[UUID], reviews: Collection[UUID]) -> list[UUID]:
        """Young people no longer named in an incident they were linked through (dropped from a corrected
        report, or its incident screened out): each leaves those of ``reviews`` in which no incident and no
        referral names them any more (the review's head-count follows), and a record nothing else refers to —
        no incident, review, referral, meeting decision or action, support plan, merged record — is deleted
        with its possible-duplicate flags. Returns the deleted ones. Three statements however many."""
        if not subjects:
            return []
        subject_ids, review_ids = list(subjects), list(reviews)
        if review_ids:
            await bulk.execute(
                self.session,
                "DELETE FROM referrals.review_subjects rs WHERE rs.subject_id = ANY($1::uuid[]) "
                "AND rs.review_id = ANY($2::uuid[]) "
                "AND NOT EXISTS (SELECT FROM referrals.incident_people p JOIN referrals.incidents i "
                "ON i.id = p.incident_id WHERE p.subject_id = rs.subject_id AND i.review_id = rs.review_id) "
                "AND NOT EXISTS (SELECT FROM referrals.referrals r "
                "WHERE r.subject_id = rs.subject_id AND r.review_id = rs.review_id)",
                subject_ids,
                review_ids,
            )
        connection = await bulk.driver(self.session)
        orphans: list[UUID] = [
            row[0]
            for row in await connection.fetch(
                "SELECT s.id FROM referrals.subjects s WHERE s.id = ANY($1::uuid[]) "
                "AND NOT EXISTS (SELECT FROM referrals.incident_people p WHERE p.subject_id = s.id) "
                "AND NOT EXISTS (SELECT FROM referrals.review_subjects rs WHERE rs.subject_id = s.id) "
                "AND NOT EXISTS (SELECT FROM referrals.referrals r WHERE r.subject_id = s.id) "
                "AND NOT EXISTS (SELECT FROM referrals.meeting_decisions d WHERE d.subject_id = s.id) "
                "AND NOT EXISTS (SELECT FROM referrals.meeting_actions a WHERE a.subject_id = s.id) "
                "AND NOT EXISTS (SELECT FROM referrals.support_plans sp WHERE sp.subject_id = s.id) "
                "AND NOT EXISTS (SELECT FROM referrals.subjects m WHERE m.merged_into_id = s.id) "
                "FOR UPDATE OF s",
                subject_ids,
            )
        ]
        if orphans:
            await connection.execute(
                "DELETE FROM referrals.subject_duplicates "
                "WHERE subject_id = ANY($1::uuid[]) OR other_id = ANY($1::uuid[])",
                orphans,
            )
            await connection.execute("DELETE FROM referrals.subjects WHERE id = ANY($1::uuid[])", orphans)
        return orphans

    async def purge_screened_out(self, before: datetime) -> list[UUID]:
        """Blank what identifies the people of incidents out of scope and unchanged since ``before``: names,
        date of birth and police person id go; role, age on the day (kept as the age) and home district stay,
        for the statistics. Only people linked to no young person's record. Returns the incidents. One statement."""
        connection = await bulk.driver(self.session)
        rows = await connection.fetch(
            "UPDATE referrals.incident_people p SET given_name = '', family_name = '', date_of_birth = NULL, "
            "police_person_id = NULL, age = p.age_on_day "
            "FROM referrals.incidents i WHERE i.id = p.incident_id AND i.screening = $1 AND i.updated_at < $2 "
            "AND p.subject_id IS NULL AND (p.given_name <> '' OR p.family_name <> '' OR p.date_of_birth IS NOT NULL "
            "OR p.police_person_id IS NOT NULL) RETURNING p.incident_id",
            ScreeningDecision.OUT.value,
            before,
        )
        return sorted({row[0] for row in rows})
