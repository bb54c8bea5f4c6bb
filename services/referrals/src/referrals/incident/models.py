from datetime import date, datetime
from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

from referrals.db import Base
from referrals.reference.models import District, OffenceCategory
from vru_shared.db import changed_now
from vru_shared.etag import Versioned


class PersonRole(StrEnum):
    VICTIM = "victim"
    SUSPECT = "suspect"
    WITNESS = "witness"
    OTHER = "other"


class ScreeningDecision(StrEnum):
    IN = "in"
    OUT = "out"


class ScreeningSource(StrEnum):
    AUTOMATIC = "automatic"
    MANUAL = "manual"


def _in(values: type[StrEnum]) -> str:
    return ", ".join(f"'{v.value}'" for v in values)


class Incident(Versioned, Base):
    """One serious-violence crime report, keyed by the police's crime reference (the idempotency key)."""

    __tablename__ = "incidents"
    __table_args__ = (
        CheckConstraint(f"screening IN ({_in(ScreeningDecision)})", name="screening"),
        CheckConstraint(f"screening_source IN ({_in(ScreeningSource)})", name="screening_source"),
        # Statistics by period (the funding formula over a year's incidents) read this index only.
        Index(
            "ix_incidents_occurred_at_stats",
            "occurred_at",
            postgresql_include=["district_id", "category_id", "weapon_knife"],
        ),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    crime_reference: Mapped[str] = mapped_column(String(64), unique=True)
    #: Indexed alone as well as by ``ix_incidents_occurred_at_stats`` (its leading key): without the narrow index
    #: the planner chose a sequential scan of the incidents for the knife-crime statistics at 1M rows (the bench's
    #: "statistics plan" row).
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    district_id: Mapped[UUID] = mapped_column(ForeignKey("districts.id"), index=True)
    category_id: Mapped[UUID] = mapped_column(ForeignKey("offence_categories.id"))  # no query selects by it
    weapon_knife: Mapped[bool]
    weapon_firearm: Mapped[bool]
    location: Mapped[str] = mapped_column(String(500))
    #: sha256 of the report as last received: an identical re-send is "unchanged" without comparing fields.
    report_hash: Mapped[str] = mapped_column(String(64))
    screening: Mapped[str] = mapped_column(String(8))
    screening_source: Mapped[str] = mapped_column(String(16))
    screening_reason: Mapped[str | None] = mapped_column(Text)
    screened_by: Mapped[str | None] = mapped_column(String(255))
    screened_at: Mapped[datetime | None]
    review_id: Mapped[UUID | None] = mapped_column(ForeignKey("reviews.id"), index=True)
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp(), onupdate=changed_now)

    district_ref: Mapped[District] = relationship(lazy="raise")
    category_ref: Mapped[OffenceCategory] = relationship(lazy="raise")
    people: Mapped[list["IncidentPerson"]] = relationship(
        lazy="raise", order_by="IncidentPerson.position", passive_deletes=True
    )
    changes: Mapped[list["IncidentChange"]] = relationship(
        lazy="raise", order_by="[IncidentChange.changed_at, IncidentChange.id]", passive_deletes=True
    )

    @property
    def district(self) -> str:
        return self.district_ref.code

    @property
    def category(self) -> str:
        return self.category_ref.code

    @property
    def screening_read(self) -> dict[str, Any]:
        """The screening fields, as the read schemas nest them."""
        return {
            "decision": self.screening,
            "source": self.screening_source,
            "reason": self.screening_reason,
            "by": self.screened_by,
            "at": self.screened_at,
        }


class IncidentPerson(Base):
    """A person involved in an incident, as the report gives them. Young people (25 or under on the day)
    are matched to a subject."""

    __tablename__ = "incident_people"
    __table_args__ = (CheckConstraint(f"role IN ({_in(PersonRole)})", name="role"),)

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    incident_id: Mapped[UUID] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    role: Mapped[str] = mapped_column(String(16))
    police_person_id: Mapped[str | None] = mapped_column(String(64))
    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(100))
    date_of_birth: Mapped[date | None]
    age: Mapped[int | None]
    #: Age on the day of the incident (from the date of birth, else the reported age).
    age_on_day: Mapped[int]
    home_district_id: Mapped[UUID | None] = mapped_column(ForeignKey("districts.id"), index=True)
    subject_id: Mapped[UUID | None] = mapped_column(ForeignKey("subjects.id"), index=True)
    home_district_ref: Mapped[District | None] = relationship(lazy="raise")
    incident: Mapped[Incident] = relationship(lazy="raise", viewonly=True)

    @property
    def home_district(self) -> str | None:
        return None if self.home_district_ref is None else self.home_district_ref.code


class IncidentChange(Base):
    """What a re-sent report changed: ``{field: {"from": old, "to": new}}`` (people as a count)."""

    __tablename__ = "incident_changes"

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    incident_id: Mapped[UUID] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    changed_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
    changed_by: Mapped[str] = mapped_column(String(255))
    request_id: Mapped[str | None] = mapped_column(String(128))
    changes: Mapped[dict[str, Any]] = mapped_column(JSONB)
