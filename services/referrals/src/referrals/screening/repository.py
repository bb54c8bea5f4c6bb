"""The reviews' side of screening, written set-based: however many incidents are screened, one statement
per table (arrays, not a statement per row)."""

from collections.abc import Collection, Sequence
from typing import Any
from uuid import UUID

from referrals import bulk
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
        """Draw districts and young people into reviews (``(review_id, other_id)`` pairs); links held stay."""
        for table, column, pairs in (
            ("review_districts", "district_id", districts),
            ("review_subjects", "subject_id", subjects),
        ):
            if pairs:
                reviews, others = zip(*pairs, strict=True)
                await bulk.execute(
                    self.session,
                    f"INSERT INTO referrals.{table} (review_id, {column}) "  # noqa: S608 - names from this code
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
