from datetime import datetime
from uuid import UUID, uuid4

from sqlalchemy import ForeignKey, String
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from identity.db import Base, Tracked


class ApiClient(Tracked, Base):
    """A system that calls the API on its own behalf (OAuth2 client credentials): a partner's case system,
    the police crime feed, or another VRU service."""

    __tablename__ = "api_clients"

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    client_id: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    agency_id: Mapped[UUID] = mapped_column(ForeignKey("agencies.id"), index=True)
    roles: Mapped[list[str]] = mapped_column(ARRAY(String(32)), default=list)
    districts: Mapped[list[str]] = mapped_column(ARRAY(String(64)), default=list)
    scopes: Mapped[list[str]] = mapped_column(ARRAY(String(64)), default=list)
    #: argon2id of the secret; the secret itself is shown once and never stored.
    secret_hash: Mapped[str] = mapped_column(String(255))
    secret_rotated_at: Mapped[datetime]
    active: Mapped[bool] = mapped_column(default=True)
