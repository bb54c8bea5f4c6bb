from datetime import date, datetime
from enum import StrEnum
from uuid import UUID, uuid4

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from etp_inventory.component_type.models import ComponentType
from etp_inventory.db import Base
from etp_inventory.kit_type.models import KitType
from etp_inventory.location.models import Location
from vru_shared.db import changed_now
from vru_shared.etag import Versioned


class PackStatus(StrEnum):
    IN_STOCK = "in_stock"
    USED = "used"
    EXPIRED = "expired"
    DAMAGED = "damaged"
    LOST = "lost"
    WRITTEN_OFF = "written_off"


class Readiness(StrEnum):
    READY = "ready"
    NEEDS_ATTENTION = "needs_attention"
    USED = "used"
    CHECK_OVERDUE = "check_overdue"
    EXPIRED = "expired"


_STATUSES = ", ".join(f"'{s.value}'" for s in PackStatus)


class Pack(Versioned, Base):
    """One emergency trauma pack. Where it is and its status are kept in step with the movement ledger
    (in the same transaction); stock figures are counted from the ledger itself."""

    __tablename__ = "packs"
    __table_args__ = (
        CheckConstraint(f"status IN ({_STATUSES})", name="status"),
        Index("ix_packs_location_id_status", "location_id", "status"),
        Index("ix_packs_serial_id", "serial", "id"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    #: The id shown to the public (map, open data); never changes.
    public_id: Mapped[UUID] = mapped_column(unique=True, default=uuid4)
    serial: Mapped[str] = mapped_column(String(64), unique=True)
    kit_type_id: Mapped[UUID] = mapped_column(ForeignKey("kit_types.id"))
    purchase_id: Mapped[UUID] = mapped_column(ForeignKey("purchases.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default=PackStatus.IN_STOCK.value)
    #: Where it is (in stock) or was last (used, lost, written off…).
    location_id: Mapped[UUID] = mapped_column(ForeignKey("locations.id"))
    arrived_at: Mapped[datetime] = mapped_column(server_default=func.now())
    #: Its earliest component's expiry; NULL when nothing in it expires.
    expires_on: Mapped[date | None] = mapped_column(index=True)
    last_checked_at: Mapped[datetime | None]
    #: The last check found a problem (broken seal, missing contents, out of date) not yet put right.
    needs_attention: Mapped[bool] = mapped_column(default=False)
    #: The expiry date ``pack.expiring`` was announced for (webhooks; never in the API): once per pack and date.
    expiry_announced_on: Mapped[date | None]
    #: When ``pack.check_overdue`` was last announced: once per overdue period (a check or an arrival after it
    #: starts a new one).
    check_overdue_announced_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now(), onupdate=changed_now)
    location: Mapped[Location] = relationship(lazy="raise")
    kit_type: Mapped[KitType] = relationship(lazy="raise")
    parts: Mapped[list["PackComponent"]] = relationship(lazy="raise", viewonly=True)

    @property
    def components(self) -> list["PackComponent"]:
        return sorted(self.parts, key=lambda part: part.component)


class PackComponent(Base):
    __tablename__ = "pack_components"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    pack_id: Mapped[UUID] = mapped_column(ForeignKey("packs.id", ondelete="CASCADE"), primary_key=True)
    component_type_id: Mapped[UUID] = mapped_column(ForeignKey("component_types.id"), primary_key=True)
    quantity: Mapped[int] = mapped_column(default=1)
    expires_on: Mapped[date | None]
    replaced_at: Mapped[datetime | None]
    component_type: Mapped[ComponentType] = relationship(lazy="raise")

    @property
    def component(self) -> str:
        return self.component_type.code

    @property
    def name(self) -> str:
        return self.component_type.name
