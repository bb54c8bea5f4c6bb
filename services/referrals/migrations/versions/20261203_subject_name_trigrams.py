"""subjects: the trigrams of the name, indexed, for flagging possible duplicates by similar names

Revision ID: a10_subject_name_trigrams
Revises: a10_event_outbox
Create Date: 2026-12-03 16:00:00.000000+00:00

pg_trgm's rule written with PostgreSQL's built-ins (the embedded PostgreSQL of ``vru up`` and the tests ships
no contrib extension): ``referrals.name_trigrams(text)`` is the set of a name's trigrams as pg_trgm makes
them (lower case, words of letters and digits, each padded with two spaces in front and one behind), as a
sorted ``text[]``; ``referrals.trigram_similarity(a, b)`` is |A ∩ B| / |A ∪ B| (pg_trgm's ``similarity``), not
declared STRICT so that the planner inlines it into the statement (a call of its own costs far more).
A stored generated column holds each subject's trigrams and a GIN index (``array_ops``) finds the subjects
sharing any with a name (``&&``), the candidates whose similarity is then computed; a second, partial one
holds only the young people known by age only. Both without a pending list (``fastupdate = off``): a search
never reads a list of recent entries that grows until vacuum.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "a10_subject_name_trigrams"
down_revision: str | None = "a10_event_outbox"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME_TRIGRAMS = """
CREATE FUNCTION referrals.name_trigrams(name text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (
    SELECT coalesce(array_agg(DISTINCT substr('  ' || word || ' ', n, 3) ORDER BY substr('  ' || word || ' ', n, 3)),
                    '{}')
    FROM regexp_split_to_table(lower(name), '[^[:alnum:]]+') AS word,
         generate_series(1, length(word) + 1) AS n
    WHERE word <> ''
)
"""

TRIGRAM_SIMILARITY = """
CREATE FUNCTION referrals.trigram_similarity(a text[], b text[]) RETURNS real
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (
    SELECT shared::real / nullif(cardinality(a) + cardinality(b) - shared, 0)
    FROM (SELECT count(*) AS shared FROM unnest(a) AS t WHERE t = ANY (b)) AS c
)
"""


def upgrade() -> None:
    op.execute(NAME_TRIGRAMS)
    op.execute(TRIGRAM_SIMILARITY)
    op.add_column(
        "subjects",
        sa.Column(
            "name_trigrams",
            postgresql.ARRAY(sa.Text()),
            sa.Computed("referrals.name_trigrams((name_key)::text)", persisted=True),
            nullable=False,
        ),
        schema="referrals",
    )
    op.create_index(
        "ix_subjects_name_trigrams",
        "subjects",
        ["name_trigrams"],
        schema="referrals",
        postgresql_using="gin",
        postgresql_with={"fastupdate": "off"},
    )
    op.create_index(
        "ix_subjects_name_trigrams_age_only",
        "subjects",
        ["name_trigrams"],
        schema="referrals",
        postgresql_using="gin",
        postgresql_with={"fastupdate": "off"},
        postgresql_where=sa.text("date_of_birth IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_subjects_name_trigrams_age_only", table_name="subjects", schema="referrals")
    op.drop_index("ix_subjects_name_trigrams", table_name="subjects", schema="referrals")
    op.drop_column("subjects", "name_trigrams", schema="referrals")
    op.execute("DROP FUNCTION referrals.trigram_similarity(text[], text[])")
    op.execute("DROP FUNCTION referrals.name_trigrams(text)")
