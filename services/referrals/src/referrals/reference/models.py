from datetime import datetime
from uuid import UUID, uuid4

from sqlalchemy import ForeignKey, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from referrals.db import Base
from vru_shared.db import changed_now
from vru_shared.etag import Versioned


class CoordinatorArea(Base):
    """One VRU coordinator's patch: a group of districts."""

    __tablename__ = "coordinator_areas"

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    districts: Mapped[list["District"]] = relationship(back_populates="area", lazy="raise", order_by="District.code")

    @property
    def district_codes(self) -> list[str]:
        return [d.code for d in self.districts]


class District(Base):
    """A local-authority district (Medway is a unitary authority; the other twelve are Kent districts)."""

    __tablename__ = "districts"

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    area_id: Mapped[UUID] = mapped_column(ForeignKey("coordinator_areas.id"), index=True)
    area: Mapped[CoordinatorArea] = relationship(back_populates="districts", lazy="raise")

    @property
    def area_code(self) -> str:
        return self.area.code


class OffenceCategory(Base):
    """A category of offence in the police's crime reports; ``serious_violence`` decides screening."""

    __tablename__ = "offence_categories"

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    serious_violence: Mapped[bool]
    knife: Mapped[bool] = mapped_column(default=False)


class Forum(Base):
    """Where a young person's case is discussed: a District Contextual Safeguarding Meeting (one per district),
    the Complex Adolescent Risk Management meeting, or a coordinator-convened multi-agency meeting."""

    __tablename__ = "forums"

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))
    district_id: Mapped[UUID | None] = mapped_column(ForeignKey("districts.id"), index=True)
    area_id: Mapped[UUID | None] = mapped_column(ForeignKey("coordinator_areas.id"), index=True)
    district: Mapped[District | None] = relationship(lazy="raise")
    area: Mapped[CoordinatorArea | None] = relationship(lazy="raise")

    @property
    def district_code(self) -> str | None:
        return None if self.district is None else self.district.code

    @property
    def area_code(self) -> str | None:
        """The forum's own area, else its district's (none for county-wide forums)."""
        area = self.area or (None if self.district is None else self.district.area)
        return None if area is None else area.code


class PartnerAgency(Versioned, Base):
    """An agency young people are referred to or that sits at a forum. ``identity_agency_id`` links it to
    the identity service's agency (the ``agency`` claim of its people's and systems' tokens)."""

    __tablename__ = "partner_agencies"

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))
    identity_agency_id: Mapped[UUID | None] = mapped_column(unique=True)
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    updated_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp(), onupdate=changed_now)


class ProjectProvider(Base):
    """The partner agency that delivers a funded project (the funding service's project id): its people and API
    clients (role ``partner_agency``, the linked identity agency in their token) see the referrals *sent* to the
    project, in the shared view, and answer them (accept, decline, outcome). One provider per project."""

    __tablename__ = "project_providers"

    project_id: Mapped[UUID] = mapped_column(primary_key=True)
    partner_agency_id: Mapped[UUID] = mapped_column(ForeignKey("partner_agencies.id", ondelete="CASCADE"), index=True)
    linked_by: Mapped[str] = mapped_column(String(255))
    linked_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
