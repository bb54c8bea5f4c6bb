"""The delivery worker: signed POSTs to subscribers' endpoints, retried with backoff and jitter, a circuit per
endpoint, automatic pausing of an endpoint that keeps failing — safe with several replicas.

Each round leases due deliveries (``FOR UPDATE SKIP LOCKED``, then ``lease_until``) in a short transaction, sends
each outside any transaction, and records the outcome only if its lease still holds: two replicas never send the
same delivery at once, and a replica that died mid-delivery gives its deliveries up when the lease ends.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, NoReturn
from uuid import UUID

import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from standardwebhooks import Webhook

from notifications.leasing import jittered_backoff
from notifications.settings import NotificationsSettings
from notifications.webhook import targets
from notifications.webhook.models import Delivery, DeliveryStatus, Event, Subscription, SubscriptionStatus
from notifications.webhook.repository import DeliveryRepository
from notifications.webhook.secret_box import SecretBox, SecretUndecryptable
from notifications.webhook.service import announce_paused
from vru_shared.background import every
from vru_shared.problems import ProblemError
from vru_shared.settings import Environment

logger = logging.getLogger("notifications.deliveries")


@dataclass(frozen=True, slots=True)
class Outcome:
    ok: bool
    status_code: int | None = None
    error: str | None = None


def payload(event: Event, public_url: str) -> bytes:
    """The body every subscriber gets: the Standard Webhooks shape, thin (ids, status, a link to fetch)."""
    data = dict(event.data)
    links = dict(data.get("links") or {})
    if isinstance(links.get("self"), str) and links["self"].startswith("/"):
        links["self"] = public_url.rstrip("/") + links["self"]
    data["links"] = links
    body = {"type": event.type, "timestamp": event.occurred_at.isoformat(), "data": data}
    return json.dumps(body, separators=(",", ":"), sort_keys=True).encode()


def signing_secrets(subscription: Subscription, box: SecretBox, now: datetime) -> list[str]:
    """The secrets that sign now, decrypted: the current one, and the previous one during the rotation overlap."""
    keys = [box.decrypt(subscription.secret_encrypted)]
    expires = subscription.previous_secret_expires_at
    if subscription.previous_secret_encrypted and expires is not None and expires > now:
        keys.append(box.decrypt(subscription.previous_secret_encrypted))
    return keys


def signatures(secrets: Sequence[str], *, msg_id: str, timestamp: datetime, body: bytes) -> str:
    """``webhook-signature``: one signature per secret, space-separated."""
    return " ".join(Webhook(key).sign(msg_id, timestamp, body.decode()) for key in secrets)


def retry_delay(attempts: int, settings: NotificationsSettings) -> timedelta:
    """Exponential backoff with jitter: ``base × 2^(attempts-1)`` capped at the maximum, times [0.5, 1]."""
    return jittered_backoff(attempts, base_seconds=settings.retry_base_seconds, max_seconds=settings.retry_max_seconds)


async def send(
    http: httpx.AsyncClient, settings: NotificationsSettings, url: str, headers: dict[str, str], body: bytes
) -> Outcome:
    """POST to the subscriber: the URL checked again now, connecting to the checked address; no redirects; short
    timeouts; at most ``webhook_max_response_bytes`` of the answer read."""
    try:
        target = await targets.check(
            url,
            allowed_hosts=settings.webhook_allowed_hosts,
            allowed_only=settings.webhook_allowed_hosts_only,
            development=settings.environment is Environment.DEVELOPMENT,
        )
    except ProblemError as exc:
        return Outcome(False, error=f"refused: {exc.slug}: {exc.detail}")
    timeout = httpx.Timeout(
        settings.webhook_read_timeout_seconds,
        connect=settings.webhook_connect_timeout_seconds,
        pool=settings.webhook_connect_timeout_seconds,
    )
    # A deadline for the whole exchange too: a receiver dripping its answer a byte at a time stays within each
    # read's timeout, not within this.
    deadline = settings.webhook_connect_timeout_seconds + settings.webhook_read_timeout_seconds
    try:
        async with (
            asyncio.timeout(deadline),
            http.stream(
                "POST",
                target.connect_url,
                content=body,
                headers={**headers, "Host": target.host_header, "Content-Type": "application/json"},
                timeout=timeout,
                follow_redirects=False,
                extensions={"sni_hostname": target.host},
            ) as response,
        ):
            read = 0
            async for chunk in response.aiter_bytes():
                read += len(chunk)
                if read >= settings.webhook_max_response_bytes:
                    break
    except (httpx.TimeoutException, TimeoutError):
        return Outcome(False, error="timed out")
    except httpx.HTTPError as exc:
        return Outcome(False, error=f"could not connect: {type(exc).__name__}")
    if 200 <= response.status_code < 300:
        return Outcome(True, response.status_code)
    return Outcome(False, response.status_code, f"answered {response.status_code}")


@dataclass(frozen=True, slots=True)
class _Prepared:
    url: str
    headers: dict[str, str]
    body: bytes


async def _prepare(
    session: AsyncSession, delivery_id: UUID, lease: datetime, settings: NotificationsSettings
) -> _Prepared | None:
    repo = DeliveryRepository(session)
    delivery = await repo.leased(delivery_id, lease)
    if delivery is None:
        return None
    subscription = await session.get(Subscription, delivery.subscription_id)
    if subscription is None:
        return None
    now = datetime.now(UTC)
    circuit_open = subscription.circuit_open_until is not None and subscription.circuit_open_until > now
    if subscription.status != SubscriptionStatus.ACTIVE.value or circuit_open:
        # paused or its circuit opened since this round leased it (an earlier delivery of the round failed)
        await repo.update(delivery, {"lease_until": None})
        return None
    body = payload(delivery.event, str(settings.public_url))
    msg_id = str(delivery.event_id)
    secrets = signing_secrets(subscription, settings.secret_box, now)
    headers = {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": signatures(secrets, msg_id=msg_id, timestamp=now, body=body),
        "User-Agent": "VRU-Webhooks/1",
    }
    return _Prepared(subscription.url, headers, body)


async def _record(
    session: AsyncSession, delivery_id: UUID, lease: datetime, outcome: Outcome, settings: NotificationsSettings
) -> None:
    repo = DeliveryRepository(session)
    delivery = await repo.leased(delivery_id, lease)
    if delivery is None:  # our lease ended meanwhile: whoever holds it now records
        return
    subscription = await repo.lock_subscription(delivery.subscription_id)
    if subscription is None:
        return
    now = datetime.now(UTC)
    values: dict[str, Any] = {
        "attempts": delivery.attempts + 1,
        "last_status_code": outcome.status_code,
        "last_error": outcome.error,
        "lease_until": None,
        "updated_at": now,
    }
    if outcome.ok:
        values |= {"status": DeliveryStatus.DELIVERED.value, "delivered_at": now}
        # The subscription changes (and its ETag moves) only when there is something to reset: a busy, healthy
        # subscription keeps its version, so its owner's PATCH is not refused after every delivery.
        if subscription.consecutive_failures or subscription.circuit_open_until is not None:
            subscription.consecutive_failures = 0
            subscription.circuit_open_until = None
            subscription.updated_at = now
    else:
        if values["attempts"] >= settings.max_attempts:
            values["status"] = DeliveryStatus.FAILED.value
        else:
            values["next_attempt_at"] = now + retry_delay(values["attempts"], settings)
        if _failed(subscription, now, settings):
            await repo.flush()
            await announce_paused(session, subscription, now)
        subscription.updated_at = now
    await repo.update(delivery, values)


def _failed(subscription: Subscription, now: datetime, settings: NotificationsSettings) -> bool:
    """Count a failure: open the circuit, or pause the subscription (True when paused now)."""
    subscription.consecutive_failures += 1
    if subscription.consecutive_failures >= settings.circuit_failure_threshold:
        subscription.circuit_open_until = now + timedelta(seconds=settings.circuit_cooldown_seconds)
    if (
        subscription.consecutive_failures >= settings.auto_pause_after_failures
        and subscription.status == SubscriptionStatus.ACTIVE.value
    ):
        subscription.status = SubscriptionStatus.PAUSED.value
        subscription.paused_reason = "failing"
        logger.warning(
            "webhook subscription paused after failing deliveries",
            extra={"subscription_id": str(subscription.id), "failures": subscription.consecutive_failures},
        )
        return True
    return False


async def deliver_due(
    sessionmaker: async_sessionmaker[AsyncSession], http: httpx.AsyncClient, settings: NotificationsSettings
) -> int:
    """One round: lease what is due, send it, record the outcomes. Returns how many were attempted."""
    now = datetime.now(UTC)
    lease = now + timedelta(seconds=settings.delivery_lease_seconds)
    async with sessionmaker() as session, session.begin():
        ids = await DeliveryRepository(session).claim_due(now, lease, settings.delivery_batch)
    attempted = 0
    for delivery_id in ids:
        try:
            async with sessionmaker() as session, session.begin():
                prepared = await _prepare(session, delivery_id, lease, settings)
        except SecretUndecryptable:
            # A key dropped before the secrets were re-encrypted (docs/operations.md): nothing can be signed.
            logger.error(
                "webhook secret not decryptable with the configured keys", extra={"delivery": str(delivery_id)}
            )
            outcome = Outcome(False, error="refused: secret-undecryptable: no configured key decrypts the secret")
        else:
            if prepared is None:
                continue
            outcome = await send(http, settings, prepared.url, prepared.headers, prepared.body)
        attempted += 1
        async with sessionmaker() as session, session.begin():
            await _record(session, delivery_id, lease, outcome, settings)
    return attempted


async def deliver_forever(app: FastAPI, settings: NotificationsSettings) -> NoReturn:
    async def round_() -> None:
        while await deliver_due(app.state.sessionmaker, app.state.webhook_http, settings) >= settings.delivery_batch:
            pass  # a full batch: more may be due

    await every(settings.delivery_poll_seconds, round_, what="delivering webhooks", logger=logger)


__all__ = ["Delivery", "deliver_due", "deliver_forever", "payload", "send", "signatures", "signing_secrets"]
