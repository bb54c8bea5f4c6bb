from datetime import date, datetime
from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import (
    CheckConstraint,
    Computed,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    exists,
    func,
    literal_column,
    or_,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, column_property, mapped_column, query_expression

from referrals.db import Base
from vru_shared.db import changed_now
from vru_shared.etag import Versioned


class DuplicateStatus(StrEnum):
    OPEN = "open"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


class SubjectDuplicate(Base):
    """An uncertain match, for a person to confirm (merge) or split (dismiss). ``subject_id`` is the newer."""

    __tablename__ = "subject_duplicates"
    __table_args__ = (
        UniqueConstraint("subject_id", "other_id"),
        CheckConstraint("subject_id <> other_id", name="distinct_subjects"),
        CheckConstraint("status IN ('open', 'confirmed', 'dismissed')", name="status"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    subject_id: Mapped[UUID] = mapped_column(ForeignKey("subjects.id"), index=True)
    other_id: Mapped[UUID] = mapped_column(ForeignKey("subjects.id"), index=True)
    reason: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default=DuplicateStatus.OPEN.value)
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[str | None] = mapped_column(String(255))


#: The words of a subject's normalised name (``name_key`` is "family|given"), for finding them by name.
NAME_WORDS = text("to_tsvector('simple'::regconfig, replace(name_key::text, '|'::text, ' '::text))")


class Subject(Versioned, Base):
    """A young person, matched across incidents. A confirmed duplicate is kept, marked merged into the other."""

    __tablename__ = "subjects"
    __table_args__ = (
        Index(
            "uq_subjects_police_person_id",
            "police_person_id",
            unique=True,
            postgresql_where=text("police_person_id IS NOT NULL AND merged_into_id IS NULL"),
        ),
        Index("ix_subjects_created_at_id", "created_at", "id"),
        # Finding a young person by name (GET /v1/subjects?q=): the words of the normalised name, for full-text
        # prefix queries in any order (PostgreSQL's own, no extension: see referrals.casefile.repository).
        Index("ix_subjects_name_words", NAME_WORDS, postgresql_using="gin"),
        # Flagging possible duplicates by similar names: the subjects sharing a trigram with a name (``&&``).
        # No pending list (fastupdate off): a search reads the index, never a list of recent entries that grows
        # until vacuum, so the planner's cost of using it stays low and true.
        Index(
            "ix_subjects_name_trigrams",
            "name_trigrams",
            postgresql_using="gin",
            postgresql_with={"fastupdate": "off"},
        ),
        # ... among those known by age only (no date of birth), for a person whose date of birth is known.
        Index(
            "ix_subjects_name_trigrams_age_only",
            "name_trigrams",
            postgresql_using="gin",
            postgresql_with={"fastupdate": "off"},
            postgresql_where=text("date_of_birth IS NULL"),
        ),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    police_person_id: Mapped[str | None] = mapped_column(String(64))
    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(100))
    #: Normalised "family|given" (lower case, no accents or punctuation): what matching compares.
    name_key: Mapped[str] = mapped_column(String(210), index=True)
    date_of_birth: Mapped[date | None] = mapped_column(index=True)
    #: The trigrams of the name as pg_trgm makes them (``referrals.name_trigrams``, a migration's SQL function:
    #: the embedded PostgreSQL has no pg_trgm), kept by the database; only for flagging similar names.
    name_trigrams: Mapped[list[str]] = mapped_column(
        ARRAY(Text()),
        Computed("referrals.name_trigrams((name_key)::text)", persisted=True),
        deferred=True,
        deferred_raiseload=True,
    )
    merged_into_id: Mapped[UUID | None] = mapped_column(ForeignKey("subjects.id"), index=True)
    merged_at: Mapped[datetime | None]
    merged_by: Mapped[str | None] = mapped_column(String(255))
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp(), onupdate=changed_now)
    #: An uncertain match with another subject awaits a person's decision (loaded where asked: ``undefer``).
    possible_duplicate: Mapped[bool] = column_property(
        exists()
        .where(
            SubjectDuplicate.status == DuplicateStatus.OPEN.value,
            or_(SubjectDuplicate.subject_id == id, SubjectDuplicate.other_id == id),
        )
        .correlate_except(SubjectDuplicate),
        deferred=True,
        raiseload=True,
    )
    #: The words of the name (``NAME_WORDS``, what ``ix_subjects_name_words`` indexes): only for searching.
    name_words: Mapped[Any] = column_property(
        func.to_tsvector(
            literal_column("'simple'::regconfig"),
            func.replace(name_key, literal_column("'|'::text"), literal_column("' '::text")),
        ),
        deferred=True,
        raiseload=True,
    )
    #: How close the name is to the one searched for, 0–1000 (set only by a search by name).
    name_rank: Mapped[int | None] = query_expression()
