from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint, func, text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

from notifications.db import Base
from vru_shared.etag import Versioned

#: Every event type a subscription may ask for (docs/notifications.md says who hears of each).
EVENT_TYPES: tuple[str, ...] = (
    "referral.sent",
    "referral.accepted",
    "referral.rejected",
    "referral.in_progress",
    "referral.withdrawn",
    "referral.completed",
    "meeting_action.assigned",
    "meeting_action.overdue",
    "review.opened",
    "review.overdue",
    "pack.used",
    "pack.expiring",
    "pack.check_overdue",
    "grant.approved",
    "disbursement.paid",
    "allocation.committed",
    "webhook_subscription.paused",
)


class SubscriptionStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"


class Event(Base):
    """An event a service published (its outbox, ``vru_shared.events``), stored once by its id."""

    __tablename__ = "events"

    id: Mapped[UUID] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(64))
    occurred_at: Mapped[datetime]
    data: Mapped[dict[str, Any]] = mapped_column(JSONB)
    #: ``{"agencies": [...], "staff": bool}``: whose subscriptions get it (never sent to a receiver).
    audience: Mapped[dict[str, Any]] = mapped_column(JSONB)
    #: The client id of the service that published it.
    source: Mapped[str] = mapped_column(String(255))
    received_at: Mapped[datetime] = mapped_column(server_default=func.now())


class Subscription(Versioned, Base):
    """A partner agency's (``agency_id``) or the unit's own (``agency_id`` null: staff audience) webhook endpoint.
    Versioned: its ETag moves on every change (the worker's failure count and auto-pause included)."""

    __tablename__ = "subscriptions"
    __table_args__ = (UniqueConstraint("created_by", "idempotency_key"),)

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    agency_id: Mapped[UUID | None] = mapped_column(index=True)
    url: Mapped[str] = mapped_column(String(2048))
    event_types: Mapped[list[str]] = mapped_column(ARRAY(String(64)))
    description: Mapped[str] = mapped_column(String(500), server_default="")
    status: Mapped[str] = mapped_column(String(16), server_default=SubscriptionStatus.ACTIVE.value)
    paused_reason: Mapped[str | None] = mapped_column(String(32))
    #: The signing secrets, encrypted (``secret_box``: never stored as they are shown).
    secret_encrypted: Mapped[str] = mapped_column(String(512))
    previous_secret_encrypted: Mapped[str | None] = mapped_column(String(512))
    previous_secret_expires_at: Mapped[datetime | None]
    consecutive_failures: Mapped[int] = mapped_column(server_default="0")
    circuit_open_until: Mapped[datetime | None]
    created_by: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now())
    version: Mapped[int] = mapped_column(default=1)
    #: The ``Idempotency-Key`` of the create, per caller: a retry is a 409 naming this subscription, not a second one.
    idempotency_key: Mapped[str | None] = mapped_column(String(255))


class Delivery(Base):
    """One event to one subscription: attempts until delivered or given up."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("subscription_id", "event_id"),
        Index("ix_deliveries_due", "next_attempt_at", postgresql_where=text("status = 'pending'")),
    )

    id: Mapped[UUID] = mapped_column(primary_key=True, default=uuid4)
    subscription_id: Mapped[UUID] = mapped_column(ForeignKey("subscriptions.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[UUID] = mapped_column(ForeignKey("events.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), server_default=DeliveryStatus.PENDING.value)
    attempts: Mapped[int] = mapped_column(server_default="0")
    last_status_code: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[datetime] = mapped_column(server_default=func.now())
    lease_until: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now())

    event: Mapped[Event] = relationship(lazy="raise")
