from datetime import datetime
from uuid import UUID, uuid4

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from identity.db import Base, Tracked


class Person(Tracked, Base):
    """Someone who logs in: VRU staff, partner-agency staff, CSP officers, guardians of pack sites."""

    __tablename__ = "people"
    __table_args__ = (CheckConstraint("email = lower(email)", name="email_lower_case"),)

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    #: Stored lower-case, so uniqueness is case-insensitive.
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    agency_id: Mapped[UUID] = mapped_column(ForeignKey("agencies.id"), index=True)
    roles: Mapped[list[str]] = mapped_column(ARRAY(String(32)), default=list)
    districts: Mapped[list[str]] = mapped_column(ARRAY(String(64)), default=list)
    #: argon2id; null when the person signs in only through an external identity provider.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]

    @property
    def has_password(self) -> bool:
        return self.password_hash is not None
