from datetime import datetime
from enum import StrEnum
from uuid import UUID, uuid4

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from etp_inventory.db import Base
from etp_inventory.location.models import Location
from etp_inventory.pack.models import Pack


class MovementKind(StrEnum):
    RECEIVED = "received"
    ALLOCATED = "allocated"
    DEPLOYED = "deployed"
    USED = "used"
    RETURNED = "returned"
    EXPIRED = "expired"
    DAMAGED = "damaged"
    LOST = "lost"
    WRITTEN_OFF = "written_off"


class ResupplyStatus(StrEnum):
    OPEN = "open"
    DONE = "done"


#: Kinds that take a pack out of stock for good (no destination).
OUT_OF_STOCK = frozenset(
    {MovementKind.USED, MovementKind.EXPIRED, MovementKind.DAMAGED, MovementKind.LOST, MovementKind.WRITTEN_OFF}
)

_KINDS = ", ".join(f"'{k.value}'" for k in MovementKind)
_OUT = ", ".join(f"'{k.value}'" for k in OUT_OF_STOCK)


class Movement(Base):
    """One entry of the append-only ledger: a pack moved (or left stock), who did it, when and why.

    The database refuses UPDATE, DELETE and TRUNCATE on this table. Stock at a location is the number of
    entries into it minus the entries out of it."""

    __tablename__ = "movements"
    __table_args__ = (
        CheckConstraint(f"kind IN ({_KINDS})", name="kind"),
        CheckConstraint(
            f"(kind = 'received' AND from_location_id IS NULL AND to_location_id IS NOT NULL) "
            f"OR (kind IN ({_OUT}) AND from_location_id IS NOT NULL AND to_location_id IS NULL) "
            f"OR (kind IN ('allocated', 'deployed', 'returned') AND from_location_id IS NOT NULL "
            f"AND to_location_id IS NOT NULL AND from_location_id <> to_location_id)",
            name="ends",
        ),
        Index("ix_movements_pack_id_id", "pack_id", "id"),
        Index("ix_movements_to_location_id", "to_location_id"),
        Index("ix_movements_from_location_id", "from_location_id"),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    pack_id: Mapped[UUID] = mapped_column(ForeignKey("packs.id"))
    kind: Mapped[str] = mapped_column(String(16))
    from_location_id: Mapped[UUID | None] = mapped_column(ForeignKey("locations.id"))
    to_location_id: Mapped[UUID | None] = mapped_column(ForeignKey("locations.id"))
    reason: Mapped[str | None] = mapped_column(Text)
    #: The purchase, use report… that caused it.
    reference_id: Mapped[UUID | None]
    actor: Mapped[str] = mapped_column(String(255))
    actor_name: Mapped[str | None] = mapped_column(String(200))
    request_id: Mapped[str | None] = mapped_column(String(128))
    occurred_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
    pack: Mapped[Pack] = relationship(lazy="raise", viewonly=True)

    @property
    def serial(self) -> str:
        return self.pack.serial


class ResupplyTask(Base):
    """The CSP must put a new pack at a site whose pack was used. Done when a pack is deployed there."""

    __tablename__ = "resupply_tasks"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'done')", name="status"),
        Index("ix_resupply_tasks_opened_at_id", "opened_at", "id"),
        Index("ix_resupply_tasks_site_id_status", "site_id", "status"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    site_id: Mapped[UUID] = mapped_column(ForeignKey("locations.id"))
    csp_id: Mapped[UUID] = mapped_column(ForeignKey("locations.id"), index=True)
    use_report_id: Mapped[UUID] = mapped_column(ForeignKey("use_reports.id"), unique=True)
    status: Mapped[str] = mapped_column(String(8), default=ResupplyStatus.OPEN.value)
    opened_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
    completed_at: Mapped[datetime | None]
    completed_by: Mapped[str | None] = mapped_column(String(255))
    #: The pack deployed to the site that completed the task.
    replacement_pack_id: Mapped[UUID | None] = mapped_column(ForeignKey("packs.id"))
    site: Mapped[Location] = relationship(lazy="raise", foreign_keys=[site_id], viewonly=True)

    @property
    def site_name(self) -> str:
        return self.site.name

    @property
    def district(self) -> str:
        return str(self.site.district)
