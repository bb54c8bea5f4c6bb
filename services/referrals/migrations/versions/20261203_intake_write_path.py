"""intake's write path: an incident index no query uses dropped; the trigram similarity computed in C

Revision ID: s23_intake_write_path
Revises: a11_overdue_announcements
Create Date: 2026-12-03 18:15:00.000000+00:00

Every incident an import writes was written into seven indexes. One serves no query (issue 17, item 5; the
statements read, and ``pg_stat_user_indexes`` over the tests and the bench's intake: 0 scans). (The plain
``ix_referrals_incidents_occurred_at`` showed 0 scans too and was dropped at first, but at 1M incidents the
knife-crime statistics then planned a sequential scan of the table: it stays.)

- ``ix_referrals_incidents_category_id``: no statement selects incidents by category (the statistics join the
  category to incidents selected by time), and offence categories are reference data never deleted (the
  foreign key's check on delete is the only other use such an index has).

``referrals.trigram_similarity(a, b)`` (pg_trgm's measure, |A ∩ B| / |A ∪ B|, over the sorted, distinct trigram
arrays of ``referrals.name_trigrams``) counted the shared trigrams with a subquery per pair (``unnest`` and
``= ANY``): ~30 µs a pair, thousands of pairs per chunk of an import where many young people share a date of
birth. The same value from built-ins written in C: each array as a ``tsvector`` (its elements as lexemes, as
they are), |A ∪ B| the length of the two merged (``||`` keeps one of each), |A ∩ B| = |A| + |B| − |A ∪ B|:
the same ``real`` to the bit, several times faster, still one expression that the planner inlines.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "s23_intake_write_path"
down_revision: str | None = "a11_overdue_announcements"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TRIGRAM_SIMILARITY = """
CREATE OR REPLACE FUNCTION referrals.trigram_similarity(a text[], b text[]) RETURNS real
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (cardinality(a) + cardinality(b) - length(array_to_tsvector(a) || array_to_tsvector(b)))::real
       / nullif(length(array_to_tsvector(a) || array_to_tsvector(b)), 0)
"""

TRIGRAM_SIMILARITY_BEFORE = """
CREATE OR REPLACE FUNCTION referrals.trigram_similarity(a text[], b text[]) RETURNS real
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (
    SELECT shared::real / nullif(cardinality(a) + cardinality(b) - shared, 0)
    FROM (SELECT count(*) AS shared FROM unnest(a) AS t WHERE t = ANY (b)) AS c
)
"""


def upgrade() -> None:
    op.drop_index("ix_referrals_incidents_category_id", table_name="incidents", schema="referrals")
    op.execute(TRIGRAM_SIMILARITY)


def downgrade() -> None:
    op.execute(TRIGRAM_SIMILARITY_BEFORE)
    op.create_index("ix_referrals_incidents_category_id", "incidents", ["category_id"], schema="referrals")
