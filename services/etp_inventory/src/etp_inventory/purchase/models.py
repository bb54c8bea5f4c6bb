from datetime import date, datetime
from uuid import UUID

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, column_property, mapped_column, relationship

from etp_inventory.component_type.models import ComponentType
from etp_inventory.db import Base
from etp_inventory.kit_type.models import KitType
from etp_inventory.pack.models import Pack


class Purchase(Base):
    """A lot of packs bought from a supplier, received into the central store and charged to a budget line.

    Its id is derived from (supplier, lot), so a retry of the same receipt charges funding exactly once."""

    __tablename__ = "purchases"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("unit_cost_pence >= 0", name="unit_cost"),
        CheckConstraint("currency = 'GBP'", name="currency"),
        UniqueConstraint("supplier_key", "lot_number"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True)
    supplier: Mapped[str] = mapped_column(String(200))
    #: The supplier's name folded for comparison (case and spaces).
    supplier_key: Mapped[str] = mapped_column(String(200))
    lot_number: Mapped[str] = mapped_column(String(64))
    kit_type_id: Mapped[UUID] = mapped_column(ForeignKey("kit_types.id"))
    quantity: Mapped[int]
    unit_cost_pence: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3), default="GBP")
    budget_line_id: Mapped[UUID]
    funding_spend_id: Mapped[UUID | None]
    received_on: Mapped[date]
    received_by: Mapped[str] = mapped_column(String(255))
    received_by_name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now(), index=True)
    kit_type: Mapped[KitType] = relationship(lazy="raise")
    parts: Mapped[list["PurchaseComponent"]] = relationship(lazy="raise", viewonly=True)
    first_serial: Mapped[str] = column_property(
        select(func.min(Pack.serial)).where(Pack.purchase_id == id).correlate_except(Pack).scalar_subquery()
    )
    last_serial: Mapped[str] = column_property(
        select(func.max(Pack.serial)).where(Pack.purchase_id == id).correlate_except(Pack).scalar_subquery()
    )

    @property
    def kit_type_code(self) -> str:
        return self.kit_type.code

    @property
    def total_pence(self) -> int:
        return self.quantity * self.unit_cost_pence

    @property
    def components(self) -> list["PurchaseComponent"]:
        return sorted(self.parts, key=lambda part: part.component)

    @property
    def pack_expires_on(self) -> date | None:
        """Each pack's expiry: the earliest component's."""
        return min((p.expires_on for p in self.parts if p.expires_on is not None), default=None)


class PurchaseComponent(Base):
    """The expiry date of one component type across the lot, as printed by the manufacturer."""

    __tablename__ = "purchase_components"

    purchase_id: Mapped[UUID] = mapped_column(ForeignKey("purchases.id", ondelete="CASCADE"), primary_key=True)
    component_type_id: Mapped[UUID] = mapped_column(ForeignKey("component_types.id"), primary_key=True)
    expires_on: Mapped[date | None]
    component_type: Mapped[ComponentType] = relationship(lazy="raise")

    @property
    def component(self) -> str:
        return self.component_type.code
