from datetime import UTC, date, datetime
from enum import StrEnum
from uuid import UUID, uuid4

from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, Index, String, Text, UniqueConstraint, func
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column, query_expression, relationship

from funding.db import Base
from funding.districts import sql_list
from funding.fund.models import BudgetLine
from funding.organisation.models import Organisation
from vru_shared.db import changed_now
from vru_shared.etag import Versioned
from vru_shared.kent_medway import DISTRICT_CODES, LONDON


def london_today() -> date:
    return datetime.now(UTC).astimezone(LONDON).date()


class GrantStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    REJECTED = "rejected"
    ACTIVE = "active"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"
    CLOSED = "closed"


#: draft → submitted → in review → approved | rejected → active → completed | withdrawn | closed.
#: An application may also be withdrawn before it is decided.
TRANSITIONS: dict[GrantStatus, frozenset[GrantStatus]] = {
    GrantStatus.DRAFT: frozenset({GrantStatus.SUBMITTED, GrantStatus.WITHDRAWN}),
    GrantStatus.SUBMITTED: frozenset({GrantStatus.IN_REVIEW, GrantStatus.WITHDRAWN}),
    GrantStatus.IN_REVIEW: frozenset({GrantStatus.APPROVED, GrantStatus.REJECTED, GrantStatus.WITHDRAWN}),
    GrantStatus.APPROVED: frozenset({GrantStatus.ACTIVE, GrantStatus.WITHDRAWN}),
    GrantStatus.ACTIVE: frozenset({GrantStatus.COMPLETED, GrantStatus.WITHDRAWN, GrantStatus.CLOSED}),
    GrantStatus.REJECTED: frozenset(),
    GrantStatus.COMPLETED: frozenset(),
    GrantStatus.WITHDRAWN: frozenset(),
    GrantStatus.CLOSED: frozenset(),
}

#: Statuses whose awarded amount counts against the budget line (and is published in 360Giving).
AWARDED = frozenset({GrantStatus.APPROVED, GrantStatus.ACTIVE, GrantStatus.COMPLETED, GrantStatus.CLOSED})


class DisbursementStatus(StrEnum):
    SCHEDULED = "scheduled"
    APPROVED = "approved"
    PAID = "paid"
    CANCELLED = "cancelled"


DISBURSEMENT_TRANSITIONS: dict[DisbursementStatus, frozenset[DisbursementStatus]] = {
    DisbursementStatus.SCHEDULED: frozenset({DisbursementStatus.APPROVED, DisbursementStatus.CANCELLED}),
    DisbursementStatus.APPROVED: frozenset({DisbursementStatus.PAID, DisbursementStatus.CANCELLED}),
    DisbursementStatus.PAID: frozenset(),
    DisbursementStatus.CANCELLED: frozenset(),
}


class Grant(Versioned, Base):
    """Money awarded (or applied for) from a budget line to an organisation, usually for a project."""

    __tablename__ = "grants"
    __table_args__ = (
        CheckConstraint(f"status IN ({sql_list([s.value for s in GrantStatus])})", name="status"),
        CheckConstraint("currency = 'GBP'", name="currency_gbp"),
        CheckConstraint("amount_applied_pence >= 0", name="applied_not_negative"),
        CheckConstraint("amount_recommended_pence >= 0", name="recommended_not_negative"),
        CheckConstraint("amount_awarded_pence >= 0", name="awarded_not_negative"),
        CheckConstraint(
            f"status NOT IN ({sql_list([s.value for s in AWARDED])}) "
            "OR (amount_awarded_pence IS NOT NULL AND budget_line_id IS NOT NULL AND award_date IS NOT NULL)",
            name="awarded_has_amount_line_and_date",
        ),
        CheckConstraint(f"districts <@ ARRAY[{sql_list(DISTRICT_CODES)}]::varchar[]", name="districts"),
        CheckConstraint(
            "planned_end_on IS NULL OR planned_start_on IS NULL OR planned_end_on >= planned_start_on",
            name="planned_dates_in_order",
        ),
        Index("ix_grants_created_at_id", "created_at", "id"),
        Index("ix_grants_districts", "districts", postgresql_using="gin"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text)
    recipient_organisation_id: Mapped[UUID] = mapped_column(ForeignKey("organisations.id"), index=True)
    project_id: Mapped[UUID | None] = mapped_column(ForeignKey("projects.id"), index=True)
    budget_line_id: Mapped[UUID | None] = mapped_column(ForeignKey("budget_lines.id"), index=True)
    allocation_id: Mapped[UUID | None] = mapped_column(ForeignKey("allocations.id"), index=True)
    districts: Mapped[list[str]] = mapped_column(ARRAY(String(32)))
    status: Mapped[str] = mapped_column(String(16), default=GrantStatus.DRAFT.value, index=True)
    currency: Mapped[str] = mapped_column(String(3), default="GBP")
    amount_applied_pence: Mapped[int] = mapped_column(BigInteger)
    amount_recommended_pence: Mapped[int | None] = mapped_column(BigInteger)
    amount_awarded_pence: Mapped[int | None] = mapped_column(BigInteger)
    planned_start_on: Mapped[date | None] = mapped_column(Date)
    planned_end_on: Mapped[date | None] = mapped_column(Date)
    award_date: Mapped[date | None] = mapped_column(Date)
    #: A grant to a Community Safety Unit for onward delivery with partners (360Giving regrant type).
    regrant: Mapped[bool] = mapped_column(default=False)
    status_reason: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(String(255))
    submitted_by: Mapped[str | None] = mapped_column(String(255))
    submitted_at: Mapped[datetime | None]
    decided_by: Mapped[str | None] = mapped_column(String(255))
    decided_at: Mapped[datetime | None]
    #: Seeded from the newsletter with a made-up amount.
    illustrative: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp(), onupdate=changed_now)

    recipient: Mapped[Organisation] = relationship(lazy="raise")
    budget_line: Mapped[BudgetLine | None] = relationship(lazy="raise")
    history: Mapped[list["GrantEvent"]] = relationship(
        lazy="raise", viewonly=True, order_by=lambda: (GrantEvent.at, GrantEvent.id)
    )
    #: Loaded by the repository: pence paid, pence scheduled (neither paid nor cancelled), referrals counted.
    paid_pence: Mapped[int] = query_expression()
    scheduled_pence: Mapped[int] = query_expression()
    people_referred: Mapped[int] = query_expression()

    @property
    def remaining_pence(self) -> int | None:
        awarded = self.amount_awarded_pence
        return None if awarded is None else awarded - self.paid_pence - self.scheduled_pence


class GrantEvent(Base):
    """Each step of a grant's lifecycle: who, when, from and to, why."""

    __tablename__ = "grant_events"
    __table_args__ = (Index("ix_grant_events_grant_id_at", "grant_id", "at"),)

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    grant_id: Mapped[UUID] = mapped_column(ForeignKey("grants.id", ondelete="CASCADE"))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    amount_awarded_pence: Mapped[int | None] = mapped_column(BigInteger)
    actor: Mapped[str] = mapped_column(String(255))
    actor_name: Mapped[str | None] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())


class Disbursement(Versioned, Base):
    """One instalment of an award: scheduled → approved → paid | cancelled."""

    __tablename__ = "disbursements"
    __table_args__ = (
        CheckConstraint(f"status IN ({sql_list([s.value for s in DisbursementStatus])})", name="status"),
        CheckConstraint("amount_pence > 0", name="amount_positive"),
        CheckConstraint("currency = 'GBP'", name="currency_gbp"),
        UniqueConstraint("grant_id", "sequence"),
        Index("ix_disbursements_grant_id_due_on_id", "grant_id", "due_on", "id"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    grant_id: Mapped[UUID] = mapped_column(ForeignKey("grants.id", ondelete="CASCADE"))
    sequence: Mapped[int]
    due_on: Mapped[date] = mapped_column(Date)
    amount_pence: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3), default="GBP")
    status: Mapped[str] = mapped_column(String(16), default=DisbursementStatus.SCHEDULED.value)
    paid_on: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp(), onupdate=changed_now)


class MonitoringReturn(Base):
    """A quarterly return a funded organisation owes for an active grant (financial-year quarters)."""

    __tablename__ = "monitoring_returns"
    __table_args__ = (
        UniqueConstraint("grant_id", "quarter_start"),
        CheckConstraint("people_served IS NULL OR people_served >= 0", name="people_not_negative"),
        CheckConstraint("sessions_delivered IS NULL OR sessions_delivered >= 0", name="sessions_not_negative"),
        CheckConstraint("submitted_at IS NULL OR people_served IS NOT NULL", name="submitted_has_figures"),
        Index("ix_monitoring_returns_due_on_id", "due_on", "id"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    grant_id: Mapped[UUID] = mapped_column(ForeignKey("grants.id", ondelete="CASCADE"), index=True)
    #: ``2020-21 Q1``.
    period: Mapped[str] = mapped_column(String(16))
    quarter_start: Mapped[date] = mapped_column(Date)
    quarter_end: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    people_served: Mapped[int | None]
    sessions_delivered: Mapped[int | None]
    outcomes: Mapped[str | None] = mapped_column(Text)
    submitted_at: Mapped[datetime | None]
    submitted_by: Mapped[str | None] = mapped_column(String(255))
    #: The figures' version: 0 before submission, 1 as submitted, one more per amendment. The figures above are
    #: always the latest version's; every version is kept in ``monitoring_return_versions``.
    figures_version: Mapped[int] = mapped_column(default=0, server_default="0")
    amended_at: Mapped[datetime | None]
    amended_by: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())

    #: Loaded by the repository: the referrals counted into the return.
    people_referred: Mapped[int] = query_expression()

    @property
    def overdue(self) -> bool:
        return self.submitted_at is None and self.due_on < london_today()


class MonitoringReturnVersion(Base):
    """One version of a submitted return's figures: the submission (version 1, no reason) and each amendment
    (with its mandatory reason) — who recorded it and when. Never changed or deleted: the history of a return."""

    __tablename__ = "monitoring_return_versions"
    __table_args__ = (
        UniqueConstraint("return_id", "version"),
        CheckConstraint("version >= 1", name="version_positive"),
        CheckConstraint("version = 1 OR reason IS NOT NULL", name="amendment_has_reason"),
        CheckConstraint("people_served >= 0", name="people_not_negative"),
        CheckConstraint("sessions_delivered >= 0", name="sessions_not_negative"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    return_id: Mapped[UUID] = mapped_column(ForeignKey("monitoring_returns.id", ondelete="CASCADE"))
    version: Mapped[int]
    people_served: Mapped[int]
    sessions_delivered: Mapped[int]
    outcomes: Mapped[str] = mapped_column(Text)
    #: Why the figures were amended (None for the submission itself).
    reason: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(255))
    recorded_by_name: Mapped[str | None] = mapped_column(String(200))
    recorded_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())


class ProjectReferral(Base):
    """A young person referred to a funded project through the referrals service and accepted by it: one more
    person receiving a service, counted into the grant that funds the project (and the monitoring return of
    the quarter it was accepted in, when the grant has one). Unique on the referrals service's referral id,
    so a repeated or retried report is never counted twice."""

    __tablename__ = "project_referrals"
    __table_args__ = (Index("ix_project_referrals_project_id_created_at_id", "project_id", "created_at", "id"),)

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    #: The referrals service's id of the referral (no personal data crosses: only ids and a time).
    referral_id: Mapped[UUID] = mapped_column(unique=True)
    project_id: Mapped[UUID] = mapped_column(ForeignKey("projects.id"))
    grant_id: Mapped[UUID] = mapped_column(ForeignKey("grants.id"), index=True)
    monitoring_return_id: Mapped[UUID | None] = mapped_column(
        ForeignKey("monitoring_returns.id", ondelete="SET NULL"), index=True
    )
    #: The financial quarter it was accepted in (``2026-27 Q3``).
    period: Mapped[str] = mapped_column(String(16))
    accepted_at: Mapped[datetime]
    recorded_by: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
