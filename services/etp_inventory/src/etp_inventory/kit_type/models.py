from datetime import datetime
from uuid import UUID, uuid4

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from etp_inventory.component_type.models import ComponentType
from etp_inventory.db import Base


class KitType(Base):
    """A kind of pack (the standard red bag…): which components it holds, and how many of each."""

    __tablename__ = "kit_types"
    __table_args__ = (CheckConstraint("code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'", name="code_is_slug"),)

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    parts: Mapped[list["KitTypeComponent"]] = relationship(lazy="raise")

    @property
    def components(self) -> list["KitTypeComponent"]:
        """Its parts by component code."""
        return sorted(self.parts, key=lambda part: part.component)


class KitTypeComponent(Base):
    __tablename__ = "kit_type_components"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    kit_type_id: Mapped[UUID] = mapped_column(ForeignKey("kit_types.id", ondelete="CASCADE"), primary_key=True)
    component_type_id: Mapped[UUID] = mapped_column(ForeignKey("component_types.id"), primary_key=True)
    quantity: Mapped[int] = mapped_column(default=1)
    component_type: Mapped[ComponentType] = relationship(lazy="raise")

    @property
    def component(self) -> str:
        return self.component_type.code

    @property
    def name(self) -> str:
        return self.component_type.name

    @property
    def shelf_life_months(self) -> int | None:
        return self.component_type.shelf_life_months
