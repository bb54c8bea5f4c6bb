"""The notifications service: partners' webhooks — subscriptions, the events the services publish, deliveries —
and e-mail and SMS notices to people through GOV.UK Notify (docs/notifications.md)."""

import asyncio
import contextlib
from collections.abc import AsyncIterator

import httpx
from fastapi import FastAPI

from notifications.db import idempotency_keys
from notifications.models import load_all_models
from notifications.notice.router import router as preferences_router
from notifications.notice.worker import notices_forever
from notifications.settings import NotificationsSettings, get_settings
from notifications.webhook.router import events_router
from notifications.webhook.router import router as subscription_router
from notifications.webhook.worker import deliver_forever
from vru_shared.app import create_service_app

DESCRIPTION = """
Webhooks for partner agencies and integrators (Standard Webhooks): subscribe an endpoint to event types, and
the platform POSTs each event — thin: ids, status, and a link to fetch the record with your own token — signed
with your subscription's secret. Retried with backoff, with a delivery log and redelivery.

People (coordinators, guardians, a referral's author) get e-mail and SMS notices of the same events through GOV.UK
Notify, as their notification preferences say — a link to the record, never a young person's details.
"""


def create_app(settings: NotificationsSettings | None = None) -> FastAPI:
    load_all_models()
    settings = settings or get_settings()

    @contextlib.asynccontextmanager
    async def background(app: FastAPI) -> AsyncIterator[None]:
        """The delivery worker, with an HTTP client of its own: no proxies from the environment, no redirects."""
        async with httpx.AsyncClient(trust_env=False, follow_redirects=False) as http:
            app.state.webhook_http = http
            workers = [
                asyncio.create_task(deliver_forever(app, settings)),
                asyncio.create_task(notices_forever(app, settings)),
            ]
            try:
                yield
            finally:
                for worker in workers:
                    worker.cancel()
                for worker in workers:
                    with contextlib.suppress(asyncio.CancelledError):
                        await worker

    return create_service_app(
        settings,
        title="VRU Notifications API",
        description=DESCRIPTION,
        routers=[subscription_router, events_router, preferences_router],
        idempotency=idempotency_keys,
        tags=[
            {"name": "webhook subscriptions", "description": "Your endpoints, their secrets, the delivery log."},
            {"name": "events", "description": "Events in from the VRU services' outboxes."},
            {
                "name": "notification preferences",
                "description": "Which e-mail and SMS notices (GOV.UK Notify) a person receives.",
            },
        ],
        extra_lifespan=background,
    )
