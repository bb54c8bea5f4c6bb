from datetime import datetime
from uuid import UUID

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from identity.db import Base


class Revocation(Base):
    """The tokens of a person or API client issued at or before ``not_before`` no longer count: the account was
    deactivated, its roles, districts, agency or scopes changed, its password set or its secret rotated. One row
    per subject (the latest change); rows older than any token's lifetime are deleted."""

    __tablename__ = "revocations"

    #: The token's ``sub``: the person's or the API client's id.
    subject: Mapped[UUID] = mapped_column(primary_key=True)
    #: ``person`` or ``client``.
    kind: Mapped[str] = mapped_column(String(16))
    #: What ended the tokens: ``deactivated``, ``access-changed``, ``password-changed``, ``secret-rotated``.
    reason: Mapped[str] = mapped_column(String(32))
    not_before: Mapped[datetime] = mapped_column(index=True)
