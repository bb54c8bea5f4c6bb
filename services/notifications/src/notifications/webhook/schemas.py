from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from notifications.webhook.models import EVENT_TYPES
from vru_shared.inputs import Instant

EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]
WebhookUrl = Annotated[str, Field(min_length=8, max_length=2048, examples=["https://hooks.example.org/vru"])]

WHSEC_EXAMPLE = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


class SubscriptionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: WebhookUrl
    event_types: list[EventType] = Field(min_length=1, max_length=len(EVENT_TYPES), examples=[["referral.sent"]])
    description: str = Field(default="", max_length=500, examples=["Our case system's referral inbox"])
    #: The unit's administrators only: the agency the subscription is for (none: the unit's own staff audience).
    agency_id: UUID | None = Field(
        default=None,
        description="Administrators only: the partner agency this subscription belongs to. Omitted by an "
        "administrator: the unit's own (staff audience). A partner agency's callers leave it out (or give "
        "their own agency).",
    )


class SubscriptionUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: WebhookUrl | None = None
    event_types: list[EventType] | None = Field(default=None, min_length=1, max_length=len(EVENT_TYPES))
    description: str | None = Field(default=None, max_length=500)
    status: Literal["active", "paused"] | None = Field(
        default=None, description="Pause deliveries, or activate again (which also closes the circuit)."
    )


class SubscriptionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    agency_id: UUID | None = Field(description="The partner agency; null for the unit's own (staff audience).")
    url: str
    event_types: list[str]
    description: str
    status: Literal["active", "paused"]
    paused_reason: str | None = Field(
        description="`failing` when paused automatically after too many failed deliveries; `by_request` otherwise."
    )
    consecutive_failures: int
    circuit_open_until: datetime | None
    previous_secret_expires_at: datetime | None = Field(
        description="Until then the previous secret still signs each delivery too (after a rotation)."
    )
    created_at: datetime
    updated_at: datetime
    version: int = Field(
        description="Bumped on every change (the worker's failure count and an automatic pause too); the ETag is "
        '`"v<version>"`.'
    )


class SubscriptionCreated(SubscriptionRead):
    secret: str = Field(
        description="The signing secret. Shown only in this answer: store it now.", examples=[WHSEC_EXAMPLE]
    )


class SecretRotated(BaseModel):
    secret: str = Field(description="The new signing secret, shown only here.", examples=[WHSEC_EXAMPLE])
    previous_secret_expires_at: datetime = Field(description="Until then the old secret signs too.")


class DeliveryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    event_id: UUID = Field(description="Also the `webhook-id` header: the same on every attempt.")
    event_type: str
    status: Literal["pending", "delivered", "failed"]
    attempts: int
    last_status_code: int | None
    last_error: str | None
    next_attempt_at: datetime | None = Field(description="When it is tried next (null once delivered or failed).")
    delivered_at: datetime | None
    created_at: datetime


class RedeliveryCount(BaseModel):
    redelivered: int


class EventAudience(BaseModel):
    model_config = ConfigDict(extra="forbid")

    agencies: list[UUID] = Field(default_factory=list, max_length=50)
    staff: StrictBool = True
    #: Identity person ids to nudge by e-mail or SMS (never sent to a webhook).
    people: list[UUID] = Field(default_factory=list, max_length=200)


EventText = Annotated[str, Field(max_length=2048)]
#: What an event's ``data`` holds (text only): ids, codes, statuses, dates, ``links`` — never free text about a person.
EventValue = (
    EventText
    | None
    | Annotated[list[EventText], Field(max_length=50)]
    | Annotated[dict[Annotated[str, Field(max_length=64)], EventText], Field(max_length=10)]
)


class EventIn(BaseModel):
    """An event from a service's outbox (``vru_shared.events``)."""

    model_config = ConfigDict(extra="forbid")

    id: UUID
    type: EventType
    occurred_at: Instant
    data: dict[Annotated[str, Field(max_length=64)], EventValue] = Field(max_length=30)
    audience: EventAudience


class EventBatch(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "events": [
                        {
                            "id": "0b6f4a52-7c1e-4f7a-9d3e-2a1b5c6d7e8f",
                            "type": "referral.sent",
                            "occurred_at": "2026-12-03T16:00:00Z",
                            "data": {
                                "id": "5b9c2f0e-1d2a-4b3c-8d4e-5f6a7b8c9d0e",
                                "status": "sent",
                                "district": "swale",
                                "links": {"self": "/v1/referrals/5b9c2f0e-1d2a-4b3c-8d4e-5f6a7b8c9d0e"},
                            },
                            "audience": {"agencies": ["7a1e3c55-0000-4000-8000-00000000000a"], "staff": True},
                        }
                    ]
                }
            ]
        },
    )

    events: list[EventIn] = Field(min_length=1, max_length=100)


class EventsAccepted(BaseModel):
    accepted: int = Field(description="Events stored now.")
    duplicates: int = Field(description="Events already stored (same id): not stored again.")
    deliveries: int = Field(description="Deliveries queued for the events stored now.")
