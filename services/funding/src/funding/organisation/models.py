from datetime import date, datetime
from enum import StrEnum
from uuid import UUID, uuid4

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, func, text
from sqlalchemy.orm import Mapped, mapped_column

from funding.db import Base
from funding.districts import sql_list
from vru_shared.kent_medway import DISTRICT_CODES

#: An org-id identifier: a list code (``GB-CHC``, ``GB-COH``, ``GB-LAE``, ``GB-GOR``, …) and the id in that list.
ORG_ID_PATTERN = r"^[A-Z]{2}-[A-Z]{2,5}-[A-Za-z0-9][A-Za-z0-9._-]*$"


class OrganisationKind(StrEnum):
    CHARITY = "charity"
    CIC = "cic"
    COMPANY = "company"
    COUNCIL = "council"
    CSP = "csp"
    POLICE = "police"
    PROBATION = "probation"
    HEALTH = "health"
    SCHOOL = "school"
    HOUSING = "housing"
    OTHER = "other"


_KINDS = sql_list([k.value for k in OrganisationKind])


class Organisation(Base):
    """A funded (or funding) organisation. A council with a ``district`` hosts that district's Community
    Safety Unit / Partnership: formula allocations go to it."""

    __tablename__ = "organisations"
    __table_args__ = (
        CheckConstraint(f"kind IN ({_KINDS})", name="kind"),
        CheckConstraint(f"org_id ~ '{ORG_ID_PATTERN}'", name="org_id_format"),
        CheckConstraint(f"district IS NULL OR district IN ({sql_list(DISTRICT_CODES)})", name="district"),
        Index("ix_organisations_name_id", "name", "id"),
        Index("uq_organisations_csu_district", "district", unique=True, postgresql_where=text("csu")),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    org_id: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))
    district: Mapped[str | None] = mapped_column(String(32))
    #: Hosts the district's Community Safety Unit: the recipient of formula allocations for ``district``.
    csu: Mapped[bool] = mapped_column(default=False)
    #: Seeded with a made-up identifier (not checked against the register).
    illustrative: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())


class Register(StrEnum):
    """Where the organisation's legal existence and standing was checked."""

    CHARITY_COMMISSION = "charity_commission"
    COMPANIES_HOUSE = "companies_house"
    LOCAL_AUTHORITY = "local_authority"  # a public body: checked against the government's list
    OTHER = "other"


class DueDiligenceOutcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"


class DueDiligenceCheck(Base):
    """A due-diligence check of an organisation before it is awarded a grant (the UK government's grants minimum
    standards): which register, the number there and the status it showed, when and by whom, and the outcome.
    Kept, never changed: a new check is a new record; the latest passing one within the validity period makes
    the organisation eligible for approval."""

    __tablename__ = "due_diligence_checks"
    __table_args__ = (
        CheckConstraint(f"register IN ({sql_list([r.value for r in Register])})", name="register"),
        CheckConstraint(f"outcome IN ({sql_list([o.value for o in DueDiligenceOutcome])})", name="outcome"),
        Index("ix_due_diligence_checks_org_checked_on", "organisation_id", "checked_on"),
        Index("ix_due_diligence_checks_created_at_id", "created_at", "id"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    organisation_id: Mapped[UUID] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    register: Mapped[str] = mapped_column(String(32))
    register_number: Mapped[str] = mapped_column(String(64))
    #: What the register showed, e.g. "registered", "active", "removed", "dissolved".
    register_status: Mapped[str] = mapped_column(String(64))
    checked_on: Mapped[date] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(8))
    notes: Mapped[str] = mapped_column(Text, default="")
    checked_by: Mapped[str] = mapped_column(String(255))
    checked_by_name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
