from datetime import date, datetime
from enum import StrEnum
from uuid import UUID, uuid4

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, func, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from referrals.db import Base
from referrals.reference.models import PartnerAgency
from vru_shared.db import changed_now
from vru_shared.etag import Versioned


class PlanStatus(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"


class InterventionKind(StrEnum):
    ELECTRONIC_TAG = "electronic_tag"
    NRM_SUBMISSION = "nrm_submission"
    EDUCATION_REENGAGEMENT = "education_reengagement"
    SUBSTANCE_MISUSE_SUPPORT = "substance_misuse_support"
    DIVERSIONARY_ACTIVITY = "diversionary_activity"
    MENTORING = "mentoring"
    FAMILY_SUPPORT = "family_support"
    OTHER = "other"


class InterventionStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    COMPLETED = "completed"
    STOPPED = "stopped"


def _in(values: type[StrEnum]) -> str:
    return ", ".join(f"'{v.value}'" for v in values)


class SupportPlan(Versioned, Base):
    """The support agreed for one young person; at most one active plan each."""

    __tablename__ = "support_plans"
    __table_args__ = (
        CheckConstraint(f"status IN ({_in(PlanStatus)})", name="status"),
        Index("uq_support_plans_active_subject", "subject_id", unique=True, postgresql_where=text("status = 'active'")),
        Index("ix_support_plans_created_at_id", "created_at", "id"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    subject_id: Mapped[UUID] = mapped_column(ForeignKey("subjects.id"), index=True)
    referral_id: Mapped[UUID | None] = mapped_column(ForeignKey("referrals.id", ondelete="SET NULL"), index=True)
    status: Mapped[str] = mapped_column(String(16), default=PlanStatus.ACTIVE.value)
    summary: Mapped[str] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(255))
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp(), onupdate=changed_now)
    closed_at: Mapped[datetime | None]
    interventions: Mapped[list["Intervention"]] = relationship(
        back_populates="plan",
        lazy="raise",
        order_by="(Intervention.starts_on, Intervention.created_at, Intervention.id)",
    )


class Intervention(Versioned, Base):
    """One intervention of a plan: an electronic tag, an NRM submission, a return to education, …"""

    __tablename__ = "interventions"
    __table_args__ = (
        CheckConstraint(f"kind IN ({_in(InterventionKind)})", name="kind"),
        CheckConstraint(f"status IN ({_in(InterventionStatus)})", name="status"),
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="dates"),
        CheckConstraint("status NOT IN ('completed', 'stopped') OR outcome IS NOT NULL", name="outcome_when_ended"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    plan_id: Mapped[UUID] = mapped_column(ForeignKey("support_plans.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    provider_agency_id: Mapped[UUID | None] = mapped_column(ForeignKey("partner_agencies.id"), index=True)
    provider: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    starts_on: Mapped[date]
    ends_on: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(16), default=InterventionStatus.PLANNED.value)
    outcome: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp(), onupdate=changed_now)
    plan: Mapped[SupportPlan] = relationship(back_populates="interventions", lazy="raise")
    provider_partner: Mapped[PartnerAgency | None] = relationship(lazy="raise")

    @property
    def provider_agency(self) -> str | None:
        """The provider's partner agency code, when it is one."""
        return None if self.provider_partner is None else self.provider_partner.code
