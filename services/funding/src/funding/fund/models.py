from datetime import date, datetime
from uuid import UUID, uuid4

from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, Index, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, query_expression, relationship

from funding.db import Base
from funding.financial_year.models import FinancialYear
from vru_shared.db import changed_now
from vru_shared.etag import Versioned


class FundingStream(Base):
    """A purpose the unit funds: the Vulnerable Children's Charities fund, ACE awareness, schools, …"""

    __tablename__ = "funding_streams"

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")


class Fund(Base):
    """Money received by the unit, e.g. the Home Office VRU grant awarded to the Police and Crime Commissioner."""

    __tablename__ = "funds"

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())


class BudgetLine(Versioned, Base):
    """Part of a fund set aside for one stream in one financial year. Awards and spend never pass it."""

    __tablename__ = "budget_lines"
    __table_args__ = (
        UniqueConstraint("fund_id", "financial_year_id", "code"),
        CheckConstraint("amount_pence >= 0", name="amount_not_negative"),
        CheckConstraint("currency = 'GBP'", name="currency_gbp"),
        Index("ix_budget_lines_year_code_id", "financial_year_id", "code", "id"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    fund_id: Mapped[UUID] = mapped_column(ForeignKey("funds.id"), index=True)
    financial_year_id: Mapped[UUID] = mapped_column(ForeignKey("financial_years.id"))
    stream_id: Mapped[UUID | None] = mapped_column(ForeignKey("funding_streams.id"), index=True)
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    amount_pence: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3), default="GBP")
    #: Seeded with a made-up amount (the newsletter gives no figures).
    illustrative: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp(), onupdate=changed_now)

    year: Mapped[FinancialYear] = relationship(lazy="raise")
    funding_stream: Mapped[FundingStream | None] = relationship(lazy="raise")
    #: What is awarded and spent on the line, loaded by the repository (:mod:`funding.budget`).
    awarded_pence: Mapped[int] = query_expression()
    spent_pence: Mapped[int] = query_expression()

    @property
    def stream_code(self) -> str | None:
        return None if self.funding_stream is None else self.funding_stream.code

    @property
    def available_pence(self) -> int:
        return self.amount_pence - self.awarded_pence - self.spent_pence


class Spend(Base):
    """Money spent from a budget line directly (not through a grant), e.g. the ETP inventory's pack purchases.

    Unique on (source, source_reference): the recording service's own id makes a repeat harmless."""

    __tablename__ = "spend"
    __table_args__ = (
        UniqueConstraint("source", "source_reference"),
        CheckConstraint("amount_pence > 0", name="amount_positive"),
        CheckConstraint("currency = 'GBP'", name="currency_gbp"),
        Index("ix_spend_budget_line_id_created_at_id", "budget_line_id", "created_at", "id"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    budget_line_id: Mapped[UUID] = mapped_column(ForeignKey("budget_lines.id"))
    amount_pence: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3), default="GBP")
    description: Mapped[str] = mapped_column(String(500))
    source: Mapped[str] = mapped_column(String(64))
    source_reference: Mapped[str] = mapped_column(String(200))
    spent_on: Mapped[date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
