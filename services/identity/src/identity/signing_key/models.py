from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import String, Text, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from identity.db import Base


class KeyState(StrEnum):
    ACTIVE = "active"
    RETIRED = "retired"
    EXPIRED = "expired"


class SigningKey(Base):
    """An ES256 key pair that signs access tokens. One is active; retired ones stay published in the JWKS
    until every token they signed has expired (``publish_until``)."""

    __tablename__ = "signing_keys"
    __mapper_args__ = {"eager_defaults": True}

    #: RFC 7638 thumbprint of the public key.
    kid: Mapped[str] = mapped_column(String(64), primary_key=True)
    #: PKCS#8 PEM, encrypted with the service's key passphrase.
    private_key_pem: Mapped[str] = mapped_column(Text)
    public_jwk: Mapped[dict[str, Any]] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    retired_at: Mapped[datetime | None]
    publish_until: Mapped[datetime | None]

    @property
    def state(self) -> KeyState:
        if self.retired_at is None:
            return KeyState.ACTIVE
        if self.publish_until is not None and self.publish_until > datetime.now(UTC):
            return KeyState.RETIRED
        return KeyState.EXPIRED

    @property
    def published(self) -> bool:
        return self.state is not KeyState.EXPIRED
