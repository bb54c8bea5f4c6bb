from datetime import datetime
from uuid import UUID, uuid4

from sqlalchemy import ForeignKey, Index, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from etp_inventory.db import Base
from etp_inventory.pack.models import Pack


class Check(Base):
    """A guardian's check of a pack at a site: seal intact, contents present, expiry date seen and in date."""

    __tablename__ = "checks"
    __table_args__ = (Index("ix_checks_pack_id_checked_at", "pack_id", "checked_at"),)

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    pack_id: Mapped[UUID] = mapped_column(ForeignKey("packs.id"))
    site_id: Mapped[UUID] = mapped_column(ForeignKey("locations.id"), index=True)
    checked_at: Mapped[datetime]
    seal_intact: Mapped[bool]
    contents_present: Mapped[bool]
    expiry_seen: Mapped[bool]
    notes: Mapped[str | None] = mapped_column(Text)
    checked_by: Mapped[str] = mapped_column(String(255))
    checked_by_name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    pack: Mapped[Pack] = relationship(lazy="raise")

    @property
    def serial(self) -> str:
        return self.pack.serial

    @property
    def passed(self) -> bool:
        return self.seal_intact and self.contents_present and self.expiry_seen
