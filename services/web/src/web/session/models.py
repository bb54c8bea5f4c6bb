from datetime import datetime

from sqlalchemy import LargeBinary, String, func
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from web.db import Base


class WebSession(Base):
    """One signed-in person. Keyed by the SHA-256 of the cookie's value (the value itself is never stored)."""

    __tablename__ = "sessions"

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    subject: Mapped[str] = mapped_column(String(255), index=True)
    name: Mapped[str] = mapped_column(String(200))
    roles: Mapped[list[str]] = mapped_column(ARRAY(String(64)))
    districts: Mapped[list[str]] = mapped_column(ARRAY(String(16)))
    agency_id: Mapped[str | None] = mapped_column(String(64))
    #: The access token, AES-GCM encrypted with the session key (nonce ‖ ciphertext).
    token: Mapped[bytes] = mapped_column(LargeBinary)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    last_seen_at: Mapped[datetime] = mapped_column(server_default=func.now())
    #: When the token expires: the session cannot outlive it.
    expires_at: Mapped[datetime] = mapped_column(index=True)
