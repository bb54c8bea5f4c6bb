from enum import StrEnum
from uuid import UUID, uuid4

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from identity.db import Base, Tracked


class AgencyKind(StrEnum):
    POLICE = "police"
    COUNCIL = "council"
    HEALTH = "health"
    EDUCATION = "education"
    PROBATION = "probation"
    CHARITY = "charity"
    VRU = "vru"
    OTHER = "other"


_KINDS = ", ".join(f"'{k.value}'" for k in AgencyKind)


class Agency(Tracked, Base):
    """A partner organisation of the VRU (police, councils, health, probation, charities…) or the unit itself."""

    __tablename__ = "agencies"
    __table_args__ = (CheckConstraint(f"kind IN ({_KINDS})", name="kind"),)

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))
