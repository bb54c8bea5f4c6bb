"""The services in process for the security suite: each built with ``create_app(settings)`` and run
with ``running_app`` on the session's PostgreSQL (one rolled-back transaction per service), calling each other
in process (httpx's ASGI transport) as they call each other over HTTP, and requests sent as any principal of
``policy.PRINCIPALS``."""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi import FastAPI

from etp_inventory.main import create_app as create_etp_inventory
from etp_inventory.settings import EtpInventorySettings
from funding.main import create_app as create_funding
from funding.settings import FundingSettings
from identity.main import create_app as create_identity
from identity.settings import IdentitySettings
from notifications.main import create_app as create_notifications
from notifications.settings import NotificationsSettings
from referrals.main import create_app as create_referrals
from referrals.settings import ReferralsSettings
from tests.security.policy import PRINCIPALS
from vru_dev.kits.identity import FAST_HASHING
from vru_dev.testing import TEST_ISSUER, TestIssuer, running_app
from vru_shared.http_client import CircuitBreaker, RetryPolicy, ServiceClient

SERVICES = ("identity", "referrals", "funding", "etp_inventory", "notifications")


def build_apps(db_urls: dict[str, str]) -> dict[str, FastAPI]:
    return {
        "identity": create_identity(
            IdentitySettings(database_url=db_urls["identity"], token_issuer=TEST_ISSUER, **FAST_HASHING)
        ),
        "referrals": create_referrals(
            ReferralsSettings(
                database_url=db_urls["referrals"],
                token_issuer=TEST_ISSUER,
                # Background work would share the test's one connection with the requests: run it never.
                audit_seal_interval_seconds=3600,
                funding_count_interval_seconds=3600,
                events_relay_interval_seconds=3600,
                overdue_announce_interval_seconds=3600,
            )
        ),
        "funding": create_funding(FundingSettings(database_url=db_urls["funding"], token_issuer=TEST_ISSUER)),
        "etp_inventory": create_etp_inventory(
            EtpInventorySettings(
                database_url=db_urls["etp_inventory"],
                token_issuer=TEST_ISSUER,
                crime_reference_recheck_seconds=3600,
                events_relay_interval_seconds=3600,
                alerts_announce_interval_seconds=3600,
            )
        ),
        "notifications": create_notifications(
            NotificationsSettings(
                database_url=db_urls["notifications"],
                token_issuer=TEST_ISSUER,
                delivery_poll_seconds=60,
                notice_poll_seconds=60,
                webhook_allowed_hosts=["127.0.0.1"],
            )
        ),
    }


class _AsPeer(httpx.AsyncBaseTransport):
    """Another service's app, in process: a call without a caller's token carries the calling service's own
    (role ``service``), as its client-credentials token would."""

    def __init__(self, app: FastAPI, token: str) -> None:
        self.inner = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        self.token = token

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if "authorization" not in request.headers:
            request.headers["Authorization"] = f"Bearer {self.token}"
        return await self.inner.handle_async_request(request)


def _peer(caller: str, name: str, app: FastAPI, issuer: TestIssuer) -> ServiceClient:
    token = issuer.token(roles=["service"], kind="client", sub=f"{caller}-service", client_id=f"{caller}-service")
    return ServiceClient(
        name,
        f"http://{name}.test",
        httpx.AsyncClient(transport=_AsPeer(app, token)),
        credentials=None,
        policy=RetryPolicy(timeout_seconds=10.0, retries=0, backoff_max_seconds=0.01),
        breaker=CircuitBreaker(f"security-{caller}-{name}", 1000, 0.1),
    )


#: Which peers each service calls (as vru_dev.platform.PEERS, without identity's docs fetches).
PEERS = {
    "referrals": ("funding",),
    "funding": ("referrals",),
    "etp_inventory": ("funding", "referrals", "identity"),
}


@dataclass
class Services:
    """The services in process; ``call`` sends a request as one of the policy's principals."""

    apps: dict[str, FastAPI]
    clients: dict[str, httpx.AsyncClient]
    issuer: TestIssuer

    def headers(self, principal: str | None, **extra: str) -> dict[str, str]:
        if principal is None:
            return dict(extra)
        return {**self.issuer.headers(**PRINCIPALS[principal].claims()), **extra}

    async def call(
        self,
        service: str,
        method: str,
        path: str,
        principal: str | None,
        *,
        json_body: Any = None,
        content: bytes | None = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        all_headers = self.headers(principal, **(headers or {}))
        if json_body is not None:
            content = json.dumps(json_body).encode()
            all_headers.setdefault("Content-Type", "application/json")
        return await self.clients[service].request(method, path, content=content, params=params, headers=all_headers)


@contextlib.asynccontextmanager
async def started(db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[Services]:
    apps = build_apps(db_urls)
    async with contextlib.AsyncExitStack() as stack:
        clients = {
            name: await stack.enter_async_context(running_app(app, issuer, db_urls[name])) for name, app in apps.items()
        }
        for caller, names in PEERS.items():
            apps[caller].state.peers = {name: _peer(caller, name, apps[name], issuer) for name in names}
        yield Services(apps, clients, issuer)
