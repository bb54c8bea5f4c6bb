from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, func, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from notifications.db import Base


class NoticeStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


class FanoutStatus(StrEnum):
    PENDING = "pending"
    DONE = "done"


class NoticePreference(Base):
    """A person's choices: per notice kind, e-mail and SMS on or off; the mobile number SMS go to. A person without
    a row (or a kind without a choice) has the defaults: e-mail on, SMS off."""

    __tablename__ = "notice_preferences"

    #: The identity person (their token's subject).
    person_id: Mapped[UUID] = mapped_column(primary_key=True)
    #: A UK mobile number, ``07…`` (validated); SMS notices only go to a person who gave one.
    mobile_number: Mapped[str | None] = mapped_column(String(16))
    #: ``{kind: {"email": bool, "sms": bool}}``.
    choices: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now())


class Notice(Base):
    """One event's notice to one person on one channel: attempts until Notify took it or it was given up."""

    __tablename__ = "notices"
    __table_args__ = (
        UniqueConstraint("event_id", "person_id", "channel"),
        Index("ix_notices_due", "next_attempt_at", postgresql_where=text("status = 'pending'")),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    event_id: Mapped[UUID] = mapped_column(ForeignKey("events.id"), index=True)
    person_id: Mapped[UUID] = mapped_column(index=True)
    channel: Mapped[str] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(64))
    #: The event's ``data`` (ids, codes, a due date): what the message's personalisation is built from.
    data: Mapped[dict[str, Any]] = mapped_column(JSONB)
    status: Mapped[str] = mapped_column(String(16), server_default=NoticeStatus.PENDING.value)
    attempts: Mapped[int] = mapped_column(server_default="0")
    next_attempt_at: Mapped[datetime] = mapped_column(server_default=func.now())
    lease_until: Mapped[datetime | None]
    #: Notify's notification id once it took the notice.
    notify_id: Mapped[str | None] = mapped_column(String(64))
    template_id: Mapped[str | None] = mapped_column(String(64))
    last_status_code: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now())


class NoticeFanout(Base):
    """An event whose kind also goes to role holders of its district (a district's coordinators): resolved through
    identity by the worker into notices; retried while identity cannot answer, never dropped."""

    __tablename__ = "notice_fanouts"
    __table_args__ = (Index("ix_notice_fanouts_due", "next_attempt_at", postgresql_where=text("status = 'pending'")),)

    event_id: Mapped[UUID] = mapped_column(ForeignKey("events.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(64))
    district: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict[str, Any]] = mapped_column(JSONB)
    status: Mapped[str] = mapped_column(String(16), server_default=FanoutStatus.PENDING.value)
    attempts: Mapped[int] = mapped_column(server_default="0")
    next_attempt_at: Mapped[datetime] = mapped_column(server_default=func.now())
    lease_until: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    resolved_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
