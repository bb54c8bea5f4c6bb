from datetime import datetime
from uuid import UUID, uuid4

from sqlalchemy import ForeignKey, Index, String, func
from sqlalchemy.orm import Mapped, mapped_column

from funding.db import Base


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
