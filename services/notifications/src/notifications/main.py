"""The notifications service: partners' webhooks — subscriptions, the events the services publish, deliveries
(docs/notifications.md)."""

import asyncio
import contextlib
from collections.abc import AsyncIterator

import httpx
from fastapi import FastAPI

from notifications.db import idempotency_keys
from notifications.models import load_all_models
from notifications.settings import NotificationsSettings, get_settings
from notifications.webhook.router import events_router
from notifications.webhook.router import router as subscription_router
from notifications.webhook.worker import deliver_forever
from vru_shared.app import create_service_app

DESCRIPTION = """
Webhooks for partner agencies and integrators (Standard Webhooks): subscribe an endpoint to event types, and
the platform POSTs each event — thin: ids, status, and a link to fetch the record with your own token — signed
with your subscription's secret. Retried with backoff, with a delivery log and redelivery.
"""


def create_app(settings: NotificationsSettings | None = None) -> FastAPI:
    load_all_models()
    settings = settings or get_settings()

    @contextlib.asynccontextmanager
    async def background(app: FastAPI) -> AsyncIterator[None]:
        """The delivery worker, with an HTTP client of its own: no proxies from the environment, no redirects."""
        async with httpx.AsyncClient(trust_env=False, follow_redirects=False) as http:
            app.state.webhook_http = http
            worker = asyncio.create_task(deliver_forever(app, settings))
            try:
                yield
            finally:
                worker.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await worker

    return create_service_app(
        settings,
        title="VRU Notifications API",
        description=DESCRIPTION,
        routers=[subscription_router, events_router],
        idempotency=idempotency_keys,
        tags=[
            {"name": "webhook subscriptions", "description": "Your endpoints, their secrets, the delivery log."},
            {"name": "events", "description": "Events in from the VRU services' outboxes."},
        ],
        extra_lifespan=background,
    )
