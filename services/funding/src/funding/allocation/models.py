from datetime import date, datetime
from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, Index, String, UniqueConstraint, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

from funding.db import Base
from funding.districts import sql_list
from vru_shared.etag import Versioned
from vru_shared.kent_medway import DISTRICT_CODES


class AllocationBasis(StrEnum):
    KNIFE_INCIDENTS = "knife_incidents"
    WEIGHTS = "weights"


class AllocationStatus(StrEnum):
    PREVIEW = "preview"
    COMMITTED = "committed"


class Allocation(Versioned, Base):
    """One allocation run: its inputs snapshot (so it can be reproduced and explained) and its status."""

    __tablename__ = "allocations"
    __table_args__ = (
        CheckConstraint(f"basis IN ({sql_list([b.value for b in AllocationBasis])})", name="basis"),
        CheckConstraint(f"status IN ({sql_list([s.value for s in AllocationStatus])})", name="status"),
        CheckConstraint("pot_pence > 0", name="pot_positive"),
        CheckConstraint("currency = 'GBP'", name="currency_gbp"),
        Index("ix_allocations_created_at_id", "created_at", "id"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(16), default=AllocationStatus.PREVIEW.value)
    basis: Mapped[str] = mapped_column(String(32))
    budget_line_id: Mapped[UUID] = mapped_column(ForeignKey("budget_lines.id"), index=True)
    project_id: Mapped[UUID | None] = mapped_column(ForeignKey("projects.id"))
    pot_pence: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3), default="GBP")
    period_from: Mapped[date | None] = mapped_column(Date)
    period_to: Mapped[date | None] = mapped_column(Date)
    floor_pence: Mapped[int | None] = mapped_column(BigInteger)
    cap_pence: Mapped[int | None] = mapped_column(BigInteger)
    #: Everything the result was computed from: the method, the recipients and their basis values, and for
    #: knife incidents the referrals service's answer as received.
    inputs: Mapped[dict[str, Any]] = mapped_column(JSONB)
    created_by: Mapped[str] = mapped_column(String(255))
    committed_by: Mapped[str | None] = mapped_column(String(255))
    committed_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())

    #: The recipients' shares, by district.
    lines: Mapped[list["AllocationLine"]] = relationship(lazy="raise", order_by=lambda: AllocationLine.district)


class AllocationLine(Base):
    """One recipient's share, with how it was reached (quota, floor/cap, remainder, tie-break rank)."""

    __tablename__ = "allocation_lines"
    __table_args__ = (
        UniqueConstraint("allocation_id", "district"),
        CheckConstraint(f"district IN ({sql_list(DISTRICT_CODES)})", name="district"),
        CheckConstraint("amount_pence >= 0", name="amount_not_negative"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    allocation_id: Mapped[UUID] = mapped_column(ForeignKey("allocations.id", ondelete="CASCADE"))
    district: Mapped[str] = mapped_column(String(32))
    basis_value: Mapped[int] = mapped_column(BigInteger)
    #: The exact quota in pence as a fraction ``numerator/denominator``.
    quota: Mapped[str] = mapped_column(String(100))
    bound: Mapped[str | None] = mapped_column(String(8))
    whole_pence: Mapped[int] = mapped_column(BigInteger)
    remainder: Mapped[str] = mapped_column(String(100))
    rank: Mapped[int | None]
    extra_penny: Mapped[bool]
    amount_pence: Mapped[int] = mapped_column(BigInteger)
    tie_broken: Mapped[bool]
    grant_id: Mapped[UUID | None] = mapped_column(ForeignKey("grants.id"))
