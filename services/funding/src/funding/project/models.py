from datetime import date, datetime
from enum import StrEnum
from uuid import UUID, uuid4

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, func
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column, query_expression, relationship

from funding.db import Base
from funding.districts import Area, sql_list
from funding.financial_year.models import FinancialYear
from funding.fund.models import FundingStream
from funding.organisation.models import Organisation
from vru_shared.kent_medway import DISTRICT_CODES


class ProjectStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class EvaluationRating(StrEnum):
    EXCEEDED = "exceeded"
    MET = "met"
    PARTLY_MET = "partly_met"
    NOT_MET = "not_met"


class Project(Base):
    """A funded piece of work: lead organisation, area and districts served, stream, year, status."""

    __tablename__ = "projects"
    __table_args__ = (
        CheckConstraint(f"area IN ({sql_list([a.value for a in Area])})", name="area"),
        CheckConstraint(f"status IN ({sql_list([s.value for s in ProjectStatus])})", name="status"),
        CheckConstraint(f"districts <@ ARRAY[{sql_list(DISTRICT_CODES)}]::varchar[]", name="districts"),
        Index("ix_projects_name_id", "name", "id"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    lead_organisation_id: Mapped[UUID] = mapped_column(ForeignKey("organisations.id"), index=True)
    area: Mapped[str] = mapped_column(String(16))
    districts: Mapped[list[str]] = mapped_column(ARRAY(String(32)))
    stream_id: Mapped[UUID] = mapped_column(ForeignKey("funding_streams.id"), index=True)
    financial_year_id: Mapped[UUID] = mapped_column(ForeignKey("financial_years.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default=ProjectStatus.PLANNED.value)
    #: Seeded from the newsletter; its figures are made up.
    illustrative: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())

    lead_organisation: Mapped[Organisation] = relationship(lazy="raise")
    funding_stream: Mapped[FundingStream] = relationship(lazy="raise")
    year: Mapped[FinancialYear] = relationship(lazy="raise")
    #: The grant funding it today (approved or active, its planned period covering today), and that period —
    #: the project's active period — loaded where projects are listed as referral destinations.
    active_grant_id: Mapped[UUID | None] = query_expression()
    active_from: Mapped[date | None] = query_expression()
    active_until: Mapped[date | None] = query_expression()


class Evaluation(Base):
    """The programme officer's evaluation of a project: one per project."""

    __tablename__ = "evaluations"
    __table_args__ = (
        CheckConstraint(f"rating IN ({sql_list([r.value for r in EvaluationRating])})", name="rating"),
        Index("ix_evaluations_created_at_id", "created_at", "id"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    project_id: Mapped[UUID] = mapped_column(ForeignKey("projects.id"), unique=True)
    rating: Mapped[str] = mapped_column(String(16))
    summary: Mapped[str] = mapped_column(Text)
    recommendations: Mapped[str] = mapped_column(Text, default="")
    evaluated_on: Mapped[date] = mapped_column(Date)
    evaluated_by: Mapped[str] = mapped_column(String(255))
    evaluated_by_name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
