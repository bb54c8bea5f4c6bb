from datetime import datetime
from enum import StrEnum
from uuid import UUID, uuid4

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, func, text
from sqlalchemy.orm import Mapped, mapped_column, query_expression, relationship

from etp_inventory.db import Base
from vru_shared.db import changed_now
from vru_shared.etag import Versioned


class LocationKind(StrEnum):
    CENTRAL_STORE = "central_store"
    CSP = "csp"
    SITE = "site"


class CabinetType(StrEnum):
    #: Kept inside the premises: ask the staff.
    INDOORS = "indoors"
    #: An outdoor cabinet anyone can open.
    UNLOCKED_CABINET = "unlocked_cabinet"
    #: An outdoor cabinet with a code lock: 999 gives the code (only the CSP and the guardians see it here).
    LOCKED_CABINET = "locked_cabinet"


_KINDS = ", ".join(f"'{k.value}'" for k in LocationKind)
_CABINETS = ", ".join(f"'{c.value}'" for c in CabinetType)


class Location(Versioned, Base):
    """Where packs are: the central store, a Community Safety Partnership (one per district), or a site
    (a business or public place) that a CSP looks after."""

    __tablename__ = "locations"
    __table_args__ = (
        CheckConstraint(f"kind IN ({_KINDS})", name="kind"),
        CheckConstraint(f"cabinet_type IS NULL OR cabinet_type IN ({_CABINETS})", name="cabinet_type"),
        CheckConstraint("(kind = 'central_store') = (district IS NULL)", name="district_unless_store"),
        CheckConstraint(
            "kind <> 'site' OR (csp_id IS NOT NULL AND address IS NOT NULL AND postcode IS NOT NULL "
            "AND latitude IS NOT NULL AND longitude IS NOT NULL AND cabinet_type IS NOT NULL)",
            name="site_details",
        ),
        CheckConstraint("latitude IS NULL OR latitude BETWEEN -90 AND 90", name="latitude"),
        CheckConstraint("longitude IS NULL OR longitude BETWEEN -180 AND 180", name="longitude"),
        CheckConstraint("minimum_stock IS NULL OR minimum_stock >= 0", name="minimum_stock"),
        Index("uq_locations_one_central_store", "kind", unique=True, postgresql_where=text("kind = 'central_store'")),
        Index("uq_locations_one_csp_per_district", "district", unique=True, postgresql_where=text("kind = 'csp'")),
        Index("ix_locations_name_id", "name", "id"),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    kind: Mapped[str] = mapped_column(String(16))
    district: Mapped[str | None] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(200))
    #: A site's owning CSP.
    csp_id: Mapped[UUID | None] = mapped_column(ForeignKey("locations.id"), index=True)
    address: Mapped[str | None] = mapped_column(Text)
    postcode: Mapped[str | None] = mapped_column(String(10))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    access_hours: Mapped[str | None] = mapped_column(String(200))
    cabinet_type: Mapped[str | None] = mapped_column(String(32))
    lock_code: Mapped[str | None] = mapped_column(String(32))
    is_public: Mapped[bool] = mapped_column(default=False)
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    contact_email: Mapped[str | None] = mapped_column(String(254))
    #: A CSP's own minimum stock (NULL: the service's default).
    minimum_stock: Mapped[int | None]
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now(), onupdate=changed_now)
    #: Packs here now, counted from the ledger (:func:`etp_inventory.stock.on_hand_here`), when a read asks for it.
    on_hand: Mapped[int] = query_expression()
    #: The lock code if the reader may see it (owning CSP's officers, the site's guardians), else NULL.
    visible_lock_code: Mapped[str | None] = query_expression()
    guardians: Mapped[list["SiteGuardian"]] = relationship(
        lazy="raise", order_by="(SiteGuardian.assigned_at, SiteGuardian.subject)", viewonly=True
    )


class SiteGuardian(Base):
    """A guardian (a person, by their token subject) assigned to look after a site's packs."""

    __tablename__ = "site_guardians"

    site_id: Mapped[UUID] = mapped_column(ForeignKey("locations.id", ondelete="CASCADE"), primary_key=True)
    subject: Mapped[str] = mapped_column(String(255), primary_key=True, index=True)
    name: Mapped[str | None] = mapped_column(String(200))
    assigned_by: Mapped[str] = mapped_column(String(255))
    assigned_at: Mapped[datetime] = mapped_column(server_default=func.now())
