"""Webhook subscriptions (who may manage which), events in from the services' outboxes, the delivery log and
redelivery. The sending itself is :mod:`notifications.webhook.worker`."""

import base64
import secrets
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncSession

from notifications.notice.service import queue_for_events
from notifications.settings import NotificationsSettings
from notifications.webhook import targets
from notifications.webhook.exceptions import (
    DeliveryNotFound,
    NotYourAgency,
    SubscriptionAlreadyCreated,
    SubscriptionNotFound,
)
from notifications.webhook.models import Delivery, DeliveryStatus, Subscription, SubscriptionStatus
from notifications.webhook.repository import (
    DeliveryRepository,
    EventRepository,
    SubscriptionRepository,
    SubscriptionScope,
)
from notifications.webhook.schemas import (
    DeliveryRead,
    EventBatch,
    EventsAccepted,
    SecretRotated,
    SubscriptionCreate,
    SubscriptionCreated,
    SubscriptionRead,
    SubscriptionUpdate,
)
from vru_shared.auth import Principal, Role
from vru_shared.etag import check_if_match
from vru_shared.pagination import PageParams
from vru_shared.settings import Environment


def scope_of(principal: Principal) -> SubscriptionScope:
    return SubscriptionScope(admin=principal.has_role(Role.ADMIN), agency=principal.agency_id)


def new_secret() -> str:
    """``whsec_`` and 32 random bytes in base64 (the Standard Webhooks secret format)."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


async def _checked_url(url: str, settings: NotificationsSettings) -> str:
    await targets.check(
        url,
        allowed_hosts=settings.webhook_allowed_hosts,
        allowed_only=settings.webhook_allowed_hosts_only,
        development=settings.environment is Environment.DEVELOPMENT,
    )
    return url


async def _visible(session: AsyncSession, subscription_id: UUID, scope: SubscriptionScope) -> Subscription:
    subscription = await SubscriptionRepository(session).get_visible(subscription_id, scope)
    if subscription is None:
        raise SubscriptionNotFound(f"There is no webhook subscription {subscription_id} that you can see.")
    return subscription


def _already_created(subscription_id: UUID) -> SubscriptionAlreadyCreated:
    return SubscriptionAlreadyCreated(
        f"This Idempotency-Key already created webhook subscription {subscription_id}; its secret was shown only in "
        "that answer. If you did not receive it, rotate the secret (POST …/secret).",
        headers={"Location": f"/v1/webhook-subscriptions/{subscription_id}"},
    )


async def create(
    session: AsyncSession,
    *,
    principal: Principal,
    data: SubscriptionCreate,
    settings: NotificationsSettings,
    idempotency_key: str | None = None,
) -> SubscriptionCreated:
    """A new subscription and its secret (shown once). Retried with the same ``Idempotency-Key``: 409 naming the
    subscription that key made (the answer with the secret is never stored for a replay)."""
    scope = scope_of(principal)
    repo = SubscriptionRepository(session)
    if idempotency_key is not None:
        made = await repo.get_by(created_by=principal.subject, idempotency_key=idempotency_key)
        if made is not None:
            raise _already_created(made.id)
    if scope.admin:
        agency = data.agency_id
    else:
        if scope.agency is None or (data.agency_id is not None and data.agency_id != scope.agency):
            raise NotYourAgency("You may subscribe only for your own agency.")
        agency = scope.agency
    url = await _checked_url(data.url, settings)
    now = datetime.now(UTC)
    secret = new_secret()
    subscription = Subscription(
        agency_id=agency,
        url=url,
        event_types=sorted(set(data.event_types)),
        description=data.description,
        status=SubscriptionStatus.ACTIVE.value,
        secret_encrypted=settings.secret_box.encrypt(secret),
        consecutive_failures=0,
        created_by=principal.subject,
        created_at=now,
        updated_at=now,
        idempotency_key=idempotency_key,
    )
    if not await repo.add(subscription):  # the same key, concurrently
        made = await repo.get_by(created_by=principal.subject, idempotency_key=idempotency_key)
        raise _already_created(made.id if made is not None else subscription.id)
    return SubscriptionCreated.model_validate(
        SubscriptionRead.model_validate(subscription).model_dump() | {"secret": secret}
    )


async def list_subscriptions(
    session: AsyncSession, *, principal: Principal, page: PageParams
) -> Sequence[Subscription]:
    return await SubscriptionRepository(session).page_visible(page, scope_of(principal))


async def get(session: AsyncSession, *, principal: Principal, subscription_id: UUID) -> Subscription:
    return await _visible(session, subscription_id, scope_of(principal))


async def update(
    session: AsyncSession,
    *,
    principal: Principal,
    subscription_id: UUID,
    data: SubscriptionUpdate,
    settings: NotificationsSettings,
    if_match: str | None,
) -> Subscription:
    subscription = await _visible(session, subscription_id, scope_of(principal))
    check_if_match(if_match, subscription.version)
    values: dict[str, Any] = {"updated_at": datetime.now(UTC)}
    if data.url is not None:
        values["url"] = await _checked_url(data.url, settings)
    if data.event_types is not None:
        values["event_types"] = sorted(set(data.event_types))
    if data.description is not None:
        values["description"] = data.description
    if data.status == "paused":
        values |= {"status": SubscriptionStatus.PAUSED.value, "paused_reason": "by_request"}
    elif data.status == "active":
        values |= {
            "status": SubscriptionStatus.ACTIVE.value,
            "paused_reason": None,
            "consecutive_failures": 0,
            "circuit_open_until": None,
        }
    return await SubscriptionRepository(session).update(subscription, values)


async def rotate_secret(
    session: AsyncSession,
    *,
    principal: Principal,
    subscription_id: UUID,
    settings: NotificationsSettings,
    if_match: str | None,
) -> tuple[SecretRotated, int]:
    """The new secret, and the subscription's new version. ``If-Match`` is checked when given."""
    subscription = await _visible(session, subscription_id, scope_of(principal))
    if if_match is not None:
        check_if_match(if_match, subscription.version)
    now = datetime.now(UTC)
    expires = now + timedelta(hours=settings.secret_overlap_hours)
    secret = new_secret()
    await SubscriptionRepository(session).update(
        subscription,
        {
            "previous_secret_encrypted": subscription.secret_encrypted,
            "previous_secret_expires_at": expires,
            "secret_encrypted": settings.secret_box.encrypt(secret),
            "updated_at": now,
        },
    )
    return SecretRotated(secret=secret, previous_secret_expires_at=expires), subscription.version


async def delete(session: AsyncSession, *, principal: Principal, subscription_id: UUID, if_match: str | None) -> None:
    """Delete the subscription (and its log). ``If-Match`` is checked when given."""
    subscription = await _visible(session, subscription_id, scope_of(principal))
    if if_match is not None:
        check_if_match(if_match, subscription.version)
    await SubscriptionRepository(session).delete(subscription)


# --- events in ------------------------------------------------------------------------------------------


async def accept_events(session: AsyncSession, *, principal: Principal, batch: EventBatch) -> EventsAccepted:
    """Store each event once (by id) and queue one delivery per listening subscription; a resent event (the
    relay retried after a lost answer) is counted as a duplicate and queues nothing."""
    source = principal.client_id or principal.subject
    rows = [
        {
            "id": e.id,
            "type": e.type,
            "occurred_at": e.occurred_at,
            "data": e.data,
            "audience": e.audience.model_dump(mode="json"),
            "source": source,
        }
        for e in {e.id: e for e in batch.events}.values()
    ]
    stored, deliveries = await store_events(session, rows)
    return EventsAccepted(accepted=stored, duplicates=len(rows) - stored, deliveries=deliveries)


async def store_events(session: AsyncSession, rows: Sequence[dict[str, Any]]) -> tuple[int, int]:
    """Store the events not stored yet and queue their deliveries, and the e-mail and SMS notices they are due (in
    the same transaction); returns (stored, deliveries queued)."""
    stored = await EventRepository(session).add_new(rows)
    subscriptions = SubscriptionRepository(session)
    now = datetime.now(UTC)
    queued: list[dict[str, Any]] = []
    for row in rows:
        if row["id"] not in stored:
            continue
        agencies = [UUID(str(a)) for a in row["audience"].get("agencies", [])]
        for subscription in await subscriptions.listening(row["type"], agencies, bool(row["audience"].get("staff"))):
            queued.append({"subscription_id": subscription.id, "event_id": row["id"], "next_attempt_at": now})
    await queue_for_events(session, [row for row in rows if row["id"] in stored])
    return len(stored), await DeliveryRepository(session).queue(queued)


async def announce_paused(session: AsyncSession, subscription: Subscription, now: datetime) -> None:
    """``webhook_subscription.paused`` to the subscription's agency's other subscriptions (and the unit's staff):
    the notice that its endpoint kept failing."""
    await store_events(
        session,
        [
            {
                "id": uuid4(),
                "type": "webhook_subscription.paused",
                "occurred_at": now,
                "data": {
                    "id": str(subscription.id),
                    "status": SubscriptionStatus.PAUSED.value,
                    "reason": subscription.paused_reason,
                    "links": {"self": f"/v1/webhook-subscriptions/{subscription.id}"},
                },
                "audience": {
                    "agencies": [str(subscription.agency_id)] if subscription.agency_id is not None else [],
                    "staff": True,
                },
                "source": "notifications",
            }
        ],
    )


# --- the delivery log -----------------------------------------------------------------------------------


def delivery_read(delivery: Delivery) -> DeliveryRead:
    pending = delivery.status == DeliveryStatus.PENDING.value
    return DeliveryRead(
        id=delivery.id,
        event_id=delivery.event_id,
        event_type=delivery.event.type,
        status=delivery.status,
        attempts=delivery.attempts,
        last_status_code=delivery.last_status_code,
        last_error=delivery.last_error,
        next_attempt_at=delivery.next_attempt_at if pending else None,
        delivered_at=delivery.delivered_at,
        created_at=delivery.created_at,
    )


async def list_deliveries(
    session: AsyncSession,
    *,
    principal: Principal,
    subscription_id: UUID,
    page: PageParams,
    status: DeliveryStatus | None,
) -> list[DeliveryRead]:
    await _visible(session, subscription_id, scope_of(principal))
    rows = await DeliveryRepository(session).of_subscription(subscription_id, page, status)
    return [delivery_read(d) for d in rows]


async def redeliver(
    session: AsyncSession, *, principal: Principal, subscription_id: UUID, delivery_id: UUID | None
) -> int:
    await _visible(session, subscription_id, scope_of(principal))
    count = await DeliveryRepository(session).redeliver(subscription_id, delivery_id, datetime.now(UTC))
    if delivery_id is not None and count == 0:
        raise DeliveryNotFound(f"There is no delivery {delivery_id} of this subscription.")
    return count
