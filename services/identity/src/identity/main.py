"""The identity service: agencies, people, API clients and roles; signed access tokens and their JWKS; and
the merged API docs for the whole platform (DESIGN §7)."""

import contextlib
from collections.abc import AsyncIterator

from fastapi import FastAPI

from identity.agency.router import router as agency_router
from identity.client.router import router as client_router
from identity.db import idempotency_keys
from identity.hashing import SecretHasher
from identity.models import load_all_models
from identity.person.router import contacts_router, guardians_router
from identity.person.router import router as person_router
from identity.portal.router import router as portal_router
from identity.portal.service import MergedDocs
from identity.revocation.router import router as revocation_router
from identity.revocation.service import database_source
from identity.seed import ensure_signing_key
from identity.settings import IdentitySettings, get_settings
from identity.signing_key.keys import KeyRing
from identity.signing_key.router import router as signing_key_router
from identity.token.router import router as token_router
from identity.token.throttle import FailureStore, LoginThrottle
from vru_shared.app import create_service_app

DESCRIPTION = """
Who may call the VRU API. Agencies, the people who log in and the systems that call the API (API clients),
with their roles and districts; the OAuth 2.0 token endpoint that issues 15-minute ES256 access tokens; and
the JWKS every service verifies those tokens with.
"""

TAGS = [
    {
        "name": "tokens",
        "description": "OAuth 2.0 token endpoint, verification keys (JWKS), issuer metadata and the token "
        "revocation list.",
    },
    {"name": "agencies", "description": "The VRU's partner agencies."},
    {"name": "people", "description": "People who log in, their roles and districts. Admin only."},
    {"name": "contacts", "description": "Whom to send e-mail notices to. The platform's services only."},
    {"name": "API clients", "description": "Systems that call the API with client credentials. Admin only."},
    {"name": "signing keys", "description": "Token signing keys and their rotation. Admin only."},
]


def create_app(settings: IdentitySettings | None = None) -> FastAPI:
    settings = settings or get_settings()
    load_all_models()
    ring = KeyRing()
    passphrase = settings.key_passphrase.get_secret_value().encode()

    @contextlib.asynccontextmanager
    async def ensure_key(app: FastAPI) -> AsyncIterator[None]:
        async with app.state.sessionmaker() as session, session.begin():
            await ensure_signing_key(session, passphrase=passphrase, ring=ring)
        yield

    app = create_service_app(
        settings,
        title="VRU Identity API",
        description=DESCRIPTION,
        routers=[
            token_router,
            revocation_router,
            agency_router,
            person_router,
            guardians_router,
            contacts_router,
            client_router,
            signing_key_router,
            portal_router,
        ],
        idempotency=idempotency_keys,
        tags=TAGS,
        extra_lifespan=ensure_key,
        # Identity reads its own revocation table (with the pool the lifespan built), not itself over HTTP.
        revocation_source=lambda app: database_source(app.state.sessionmaker),
    )
    app.state.hasher = SecretHasher.from_settings(settings)
    app.state.login_throttle = LoginThrottle(
        in_flight=settings.login_attempts_in_flight,
        window_seconds=settings.login_failure_window_seconds,
        base=settings.failed_login_delay_seconds,
        cap=settings.failed_login_delay_cap_seconds,
        # Shared by every replica; the pool is the app's (read when used: tests swap it).
        store=FailureStore(lambda: app.state.sessionmaker, settings.login_failure_window_seconds),
    )
    app.state.key_ring = ring
    app.state.merged_docs = MergedDocs(
        own_name=settings.service_name,
        own_spec=app.openapi,
        peers={name: str(url) for name, url in settings.peer_urls.items()},
        timeout_seconds=settings.portal_fetch_timeout_seconds,
        cache_seconds=settings.portal_cache_seconds,
    )
    return app
