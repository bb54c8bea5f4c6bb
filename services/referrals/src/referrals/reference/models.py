from uuid import UUID, uuid4

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from referrals.db import Base


class CoordinatorArea(Base):
    """One VRU coordinator's patch: a group of districts."""

    __tablename__ = "coordinator_areas"

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    districts: Mapped[list["District"]] = relationship(back_populates="area", lazy="raise", order_by="District.code")


class District(Base):
    """A local-authority district (Medway is a unitary authority; the other twelve are Kent districts)."""

    __tablename__ = "districts"

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    area_id: Mapped[UUID] = mapped_column(ForeignKey("coordinator_areas.id"), index=True)
    area: Mapped[CoordinatorArea] = relationship(back_populates="districts", lazy="raise")
