from datetime import datetime
from uuid import UUID

from sqlalchemy import BigInteger, Index, String, Text, func
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from referrals.db import Base

#: The log's own schema, owned by a role the service cannot become (``owner.sql``); not in the service's
#: migrations.
AUDIT_SCHEMA = "referrals_audit"


class AuditEntry(Base):
    """One audited action on personal data. Never updated or deleted."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_record_ids", "record_ids", postgresql_using="gin"),
        Index("ix_audit_log_actor_subject_id", "actor_subject", "id"),
        Index("ix_audit_log_agency_id_id", "agency_id", "id"),
        {"schema": AUDIT_SCHEMA},
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    occurred_at: Mapped[datetime] = mapped_column(server_default=func.now(), index=True)
    actor_subject: Mapped[str] = mapped_column(String(255))
    #: The actor's display name when it acted (the token's ``name``), for an auditor to read.
    actor_name: Mapped[str | None] = mapped_column(String(200))
    actor_kind: Mapped[str] = mapped_column(String(16))
    actor_client_id: Mapped[str | None] = mapped_column(String(255))
    agency_id: Mapped[UUID | None]
    roles: Mapped[list[str]] = mapped_column(ARRAY(Text))
    action: Mapped[str] = mapped_column(String(16))
    record_type: Mapped[str] = mapped_column(String(64))
    record_ids: Mapped[list[str]] = mapped_column(ARRAY(Text))
    purpose: Mapped[str] = mapped_column(String(200))
    #: The gateway's id for the request (the platform's own, never the caller's).
    request_id: Mapped[str | None] = mapped_column(String(128))
    #: The ``X-Request-ID`` the caller sent, if any, kept apart from the platform's.
    client_request_id: Mapped[str | None] = mapped_column(String(128))


class AuditSeal(Base):
    """The chain: entry ``entry_id`` sealed at ``position`` with
    ``hash = HMAC-SHA256(key[key_id], prev_hash + canonical(entry))``; the key is never in the database."""

    __tablename__ = "audit_chain"
    __table_args__ = {"schema": AUDIT_SCHEMA}

    position: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    #: No foreign key: checking one takes a row lock on audit_log, which needs the UPDATE privilege that the
    #: log's owner has given up. ``verify`` reports a seal whose entry is missing instead.
    entry_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[str] = mapped_column(String(32))
    sealed_at: Mapped[datetime] = mapped_column(server_default=func.now())
