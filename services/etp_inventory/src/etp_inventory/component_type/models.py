from uuid import UUID, uuid4

from sqlalchemy import CheckConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from etp_inventory.db import Base


class ComponentType(Base):
    """One kind of item in a pack (a tourniquet, a haemostatic dressing…), with its shelf life."""

    __tablename__ = "component_types"
    __table_args__ = (
        CheckConstraint("shelf_life_months IS NULL OR shelf_life_months > 0", name="shelf_life_positive"),
        CheckConstraint("code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'", name="code_is_slug"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    #: Months from manufacture until the item must be replaced; NULL when it does not expire.
    shelf_life_months: Mapped[int | None]
    description: Mapped[str] = mapped_column(Text)
