from datetime import datetime
from enum import StrEnum
from uuid import UUID, uuid4

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from etp_inventory.db import Base
from etp_inventory.location.models import Location
from etp_inventory.movement.models import ResupplyTask
from etp_inventory.pack.models import Pack
from vru_shared.etag import Versioned


class CrimeReferenceStatus(StrEnum):
    #: The referrals service knows the crime reference.
    VERIFIED = "verified"
    #: The referrals service answered that it does not know it.
    UNKNOWN = "unknown"
    #: The referrals service could not be asked yet; it is asked again in the background.
    UNVERIFIED = "unverified"


_REF_STATUSES = ", ".join(f"'{s.value}'" for s in CrimeReferenceStatus)


class UseReport(Versioned, Base):
    """A pack was used: where, when, the optional crime reference, notes."""

    __tablename__ = "use_reports"
    __table_args__ = (
        CheckConstraint(
            f"(crime_reference IS NULL AND crime_reference_status IS NULL) OR "
            f"(crime_reference IS NOT NULL AND crime_reference_status IN ({_REF_STATUSES}))",
            name="crime_reference_status",
        ),
        Index("ix_use_reports_created_at_id", "created_at", "id"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    pack_id: Mapped[UUID] = mapped_column(ForeignKey("packs.id"), unique=True)
    site_id: Mapped[UUID] = mapped_column(ForeignKey("locations.id"), index=True)
    used_at: Mapped[datetime]
    crime_reference: Mapped[str | None] = mapped_column(String(64))
    crime_reference_status: Mapped[str | None] = mapped_column(String(16), index=True)
    crime_reference_checked_at: Mapped[datetime | None]
    notes: Mapped[str | None] = mapped_column(Text)
    reported_by: Mapped[str] = mapped_column(String(255))
    reported_by_name: Mapped[str | None] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    pack: Mapped[Pack] = relationship(lazy="raise", viewonly=True)
    site: Mapped[Location] = relationship(lazy="raise", viewonly=True)
    resupply_task: Mapped[ResupplyTask | None] = relationship(lazy="raise", viewonly=True)

    @property
    def serial(self) -> str:
        return self.pack.serial

    @property
    def site_name(self) -> str:
        return self.site.name

    @property
    def district(self) -> str:
        return str(self.site.district)

    @property
    def resupply_task_id(self) -> UUID | None:
        return self.resupply_task.id if self.resupply_task else None
