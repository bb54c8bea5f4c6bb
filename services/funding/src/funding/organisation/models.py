from datetime import datetime
from enum import StrEnum
from uuid import UUID, uuid4

from sqlalchemy import CheckConstraint, Index, String, func, text
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
