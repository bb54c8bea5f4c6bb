from datetime import datetime

from sqlalchemy import Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column

from identity.db import Base


class LoginFailures(Base):
    """Recent failed logins of one (name tried, source address), shared by every identity replica.

    Keyed by a SHA-256 of the pair: neither the e-mail tried nor the address is stored."""

    __tablename__ = "login_failures"

    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    last_failure: Mapped[datetime] = mapped_column(server_default=func.now(), index=True)
