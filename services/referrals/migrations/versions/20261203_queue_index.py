"""the coordinators' review queue read in order from an index: the review's created_at beside each district drawn in

Revision ID: s24_queue_index
Revises: s23_intake_write_path
Create Date: 2026-12-03 23:40:00.000000+00:00

A coordinator's queue page (``GET /v1/reviews``, newest first, the reviews drawing in one of their districts)
found every review of their districts (a hash join over ``review_districts``, then each review by its key:
1,538 reviews fetched and sorted for a page of 51 at 10,000 reviews, growing with the table). The order is
``reviews.created_at``, which ``review_districts`` did not hold, so no index could give a district's reviews
in the queue's order.

- ``review_districts.review_created_at``: the review's ``created_at``, copied when a district is drawn in
  (screening's one ``INSERT ... SELECT`` over arrays joins the reviews), backfilled here.
- ``ix_review_districts_queue (district_id, review_created_at, review_id)``: each of the coordinator's
  districts read backwards from the cursor, a page's worth each (``ReviewRepository.search_rows``). It leads
  with ``district_id``, so it replaces ``ix_referrals_review_districts_district_id`` (no more index writes per
  review than before).
- The trigger ``review_districts_created_at`` keeps the copy in step should a review's ``created_at`` ever be
  changed (no route does; a correction by hand or a test's back-dating would).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "s24_queue_index"
down_revision: str | None = "s23_intake_write_path"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEEP_IN_STEP_FUNCTION = """
CREATE FUNCTION referrals.review_districts_created_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE referrals.review_districts SET review_created_at = NEW.created_at WHERE review_id = NEW.id;
    RETURN NULL;
END
$$
"""
KEEP_IN_STEP_TRIGGER = """
CREATE TRIGGER review_districts_created_at
AFTER UPDATE OF created_at ON referrals.reviews
FOR EACH ROW WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at)
EXECUTE FUNCTION referrals.review_districts_created_at()
"""


def upgrade() -> None:
    op.add_column(
        "review_districts",
        sa.Column("review_created_at", sa.DateTime(timezone=True), nullable=True),
        schema="referrals",
    )
    op.execute(
        "UPDATE referrals.review_districts rd SET review_created_at = r.created_at "
        "FROM referrals.reviews r WHERE r.id = rd.review_id"
    )
    op.alter_column("review_districts", "review_created_at", nullable=False, schema="referrals")
    op.create_index(
        "ix_review_districts_queue",
        "review_districts",
        ["district_id", "review_created_at", "review_id"],
        schema="referrals",
    )
    op.drop_index("ix_referrals_review_districts_district_id", table_name="review_districts", schema="referrals")
    op.execute(KEEP_IN_STEP_FUNCTION)
    op.execute(KEEP_IN_STEP_TRIGGER)


def downgrade() -> None:
    op.execute("DROP TRIGGER review_districts_created_at ON referrals.reviews")
    op.execute("DROP FUNCTION referrals.review_districts_created_at()")
    op.create_index(
        "ix_referrals_review_districts_district_id", "review_districts", ["district_id"], schema="referrals"
    )
    op.drop_index("ix_review_districts_queue", table_name="review_districts", schema="referrals")
    op.drop_column("review_districts", "review_created_at", schema="referrals")
