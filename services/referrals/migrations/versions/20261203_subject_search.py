"""subjects: an index for finding a young person by name (the words of the normalised name, full text)

Revision ID: a9_subject_search
Revises: a8_audit_log_owner
Create Date: 2026-12-03 13:30:00.000000+00:00

PostgreSQL's own full-text search (``to_tsvector('simple', …)``, a GIN index): every word given begins a word
of the name, in any order. No extension: the embedded PostgreSQL of ``vru up`` and the tests ships none of
contrib (pg_trgm, fuzzystrmatch), so trigram similarity waits for a build that has them (docs/referrals.md).
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

revision: str = "a9_subject_search"
down_revision: str | None = "a8_audit_log_owner"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_subjects_name_words",
        "subjects",
        [text("to_tsvector('simple'::regconfig, replace((name_key)::text, '|'::text, ' '::text))")],
        schema="referrals",
        postgresql_using="gin",
    )


def downgrade() -> None:
    op.drop_index("ix_subjects_name_words", table_name="subjects", schema="referrals")
