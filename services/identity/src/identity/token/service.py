"""Issuing access tokens: OAuth2 client credentials for systems, password for people (embedded setup)."""

import asyncio
import math
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import jwt
from fastapi.security import HTTPBasicCredentials
from sqlalchemy.ext.asyncio import AsyncSession

from identity.client.models import ApiClient
from identity.client.repository import ApiClientRepository
from identity.hashing import SecretHasher
from identity.person.models import Person
from identity.person.repository import PersonRepository
from identity.settings import IdentitySettings
from identity.signing_key import service as signing_keys
from identity.signing_key.keys import ALGORITHM, KeyRing
from identity.token.exceptions import (
    AccountLocked,
    FailedLogin,
    InvalidClient,
    InvalidGrant,
    InvalidRequest,
    InvalidScope,
    UnsupportedGrantType,
)
from identity.token.schemas import OpenIdConfiguration, TokenRequest, TokenResponse
from vru_shared.auth import PrincipalKind

GRANT_CLIENT_CREDENTIALS = "client_credentials"
GRANT_PASSWORD = "password"
MAX_CREDENTIAL_LENGTH = 256
CLIENT_AUTH_FAILED = "Client authentication failed: unknown client or wrong secret."
LOGIN_FAILED = "The e-mail or password is not correct."
CLAIMS = ["iss", "aud", "sub", "iat", "nbf", "exp", "jti", "kind", "agency", "roles", "districts", "scope", "name"]


def failed_login_delay(failures: int, *, base: float, cap: float) -> float:
    """Seconds to wait after the ``failures``-th consecutive failed login: doubling, capped."""
    if failures <= 0 or base <= 0:
        return 0.0
    return float(min(cap, base * 2 ** min(failures - 1, 16)))


async def issue(
    session: AsyncSession,
    *,
    form: TokenRequest,
    basic: HTTPBasicCredentials | None,
    settings: IdentitySettings,
    hasher: SecretHasher,
    ring: KeyRing,
) -> TokenResponse:
    if not form.grant_type:
        raise InvalidRequest("grant_type is required.")
    if form.grant_type == GRANT_CLIENT_CREDENTIALS:
        client, scopes = await _authenticate_client(session, form=form, basic=basic, hasher=hasher)
        return await _token(
            session,
            settings=settings,
            ring=ring,
            subject=client.id,
            kind=PrincipalKind.CLIENT,
            agency_id=client.agency_id,
            roles=client.roles,
            districts=client.districts,
            scopes=scopes,
            name=client.name,
            client_id=client.client_id,
        )
    if form.grant_type == GRANT_PASSWORD and settings.password_grant_enabled:
        person = await _authenticate_person(session, form=form, settings=settings, hasher=hasher)
        if form.scope and form.scope.split():
            raise InvalidScope("People's tokens carry roles, not scopes: omit `scope`.")
        return await _token(
            session,
            settings=settings,
            ring=ring,
            subject=person.id,
            kind=PrincipalKind.PERSON,
            agency_id=person.agency_id,
            roles=person.roles,
            districts=person.districts,
            scopes=(),
            name=person.display_name,
        )
    supported = ", ".join(grant_types(settings))
    raise UnsupportedGrantType(f"This grant_type is not supported here; use one of: {supported}.")


def grant_types(settings: IdentitySettings) -> list[str]:
    return [GRANT_CLIENT_CREDENTIALS] + ([GRANT_PASSWORD] if settings.password_grant_enabled else [])


async def _authenticate_client(
    session: AsyncSession, *, form: TokenRequest, basic: HTTPBasicCredentials | None, hasher: SecretHasher
) -> tuple[ApiClient, list[str]]:
    if basic is not None and (form.client_id is not None or form.client_secret is not None):
        raise InvalidRequest("Authenticate the client one way only: HTTP Basic or client_id/client_secret.")
    client_id, secret = (basic.username, basic.password) if basic is not None else (form.client_id, form.client_secret)
    if not client_id or not secret:
        raise InvalidClient("Client authentication is required: HTTP Basic or client_id and client_secret.")
    if len(client_id) > MAX_CREDENTIAL_LENGTH or len(secret) > MAX_CREDENTIAL_LENGTH:
        raise InvalidClient(CLIENT_AUTH_FAILED)
    repo = ApiClientRepository(session)
    client = await repo.get_by(client_id=client_id)
    # An unknown client is checked against a dummy hash: both failures take the same time.
    if not await hasher.verify(client.secret_hash if client is not None else None, secret) or client is None:
        raise InvalidClient(CLIENT_AUTH_FAILED)
    if not client.active:
        raise InvalidClient("This client is deactivated.")
    if hasher.needs_rehash(client.secret_hash):
        await repo.lock(client)  # concurrent logins rehash one after the other, not into a stale version (412)
        if hasher.needs_rehash(client.secret_hash):  # not rehashed (or rotated) meanwhile
            client.secret_hash = await hasher.hash(secret)
    return client, _narrow(client.scopes, form.scope)


def _narrow(allowed: Sequence[str], requested: str | None) -> list[str]:
    wanted = set((requested or "").split())
    if not wanted:
        return sorted(allowed)
    extra = wanted - set(allowed)
    if extra:
        raise InvalidScope(f"The client may not ask for: {' '.join(sorted(extra))}.")
    return sorted(wanted)


async def _authenticate_person(
    session: AsyncSession, *, form: TokenRequest, settings: IdentitySettings, hasher: SecretHasher
) -> Person:
    if not form.username or not form.password:
        raise InvalidRequest("The password grant needs username (the e-mail) and password.")
    if len(form.username) > MAX_CREDENTIAL_LENGTH or len(form.password) > MAX_CREDENTIAL_LENGTH:
        raise InvalidGrant(LOGIN_FAILED)
    # Row lock: concurrent attempts on one account are counted one after another.
    people = PersonRepository(session)
    person = await people.by_email(form.username, for_update=True)
    if person is None:
        await hasher.verify(None, form.password)
        await _slow_down(1, settings)
        raise FailedLogin(LOGIN_FAILED)
    now = datetime.now(UTC)
    if person.locked_until is not None:
        if person.locked_until > now:
            raise _locked(person.locked_until, now)
        await people.record_login(person, locked_until=None, failed_attempts=0)
    if not await hasher.verify(person.password_hash, form.password):
        failed = person.failed_attempts + 1
        if failed >= settings.lockout_threshold:
            await people.record_login(
                person, failed_attempts=failed, locked_until=now + timedelta(minutes=settings.lockout_minutes)
            )
        else:
            await people.record_login(person, failed_attempts=failed)
        await _slow_down(person.failed_attempts, settings)
        if person.locked_until is not None:
            raise _locked(person.locked_until, now)
        raise FailedLogin(LOGIN_FAILED)
    if not person.active:
        raise InvalidGrant("This account is deactivated.")
    assert person.password_hash is not None
    if hasher.needs_rehash(person.password_hash):
        person.password_hash = await hasher.hash(form.password)
    await people.record_login(person, failed_attempts=0, last_login_at=now)
    return person


def _locked(until: datetime, now: datetime) -> AccountLocked:
    seconds = max(1, math.ceil((until - now).total_seconds()))
    return AccountLocked(
        f"Too many failed logins: the account is temporarily locked until {until.isoformat(timespec='seconds')}. "
        "Try again later or ask an administrator to unlock it.",
        headers={"Retry-After": str(seconds)},
        extra={"locked_until": until.isoformat()},
    )


async def _slow_down(failures: int, settings: IdentitySettings) -> None:
    delay = failed_login_delay(
        failures, base=settings.failed_login_delay_seconds, cap=settings.failed_login_delay_cap_seconds
    )
    if delay:
        await asyncio.sleep(delay)


async def _token(
    session: AsyncSession,
    *,
    settings: IdentitySettings,
    ring: KeyRing,
    subject: UUID,
    kind: PrincipalKind,
    agency_id: UUID,
    roles: Iterable[str],
    districts: Iterable[str],
    scopes: Iterable[str],
    name: str,
    client_id: str | None = None,
) -> TokenResponse:
    kid, key = await signing_keys.active_key(
        session, ring=ring, passphrase=settings.key_passphrase.get_secret_value().encode()
    )
    now = int(time.time())
    scope = " ".join(scopes)
    claims: dict[str, Any] = {
        "iss": settings.token_issuer,
        "aud": settings.token_audience,
        "sub": str(subject),
        "iat": now,
        "nbf": now,
        "exp": now + settings.token_ttl_seconds,
        "jti": uuid4().hex,
        "kind": kind.value,
        "agency": str(agency_id),
        "roles": list(roles),
        "districts": list(districts),
        "scope": scope,
        "name": name,
    }
    if client_id is not None:
        claims["client_id"] = client_id
    token = jwt.encode(claims, key, algorithm=ALGORITHM, headers={"kid": kid, "typ": "at+jwt"})
    return TokenResponse(access_token=token, expires_in=settings.token_ttl_seconds, scope=scope)


def openid_configuration(settings: IdentitySettings) -> OpenIdConfiguration:
    issuer = settings.token_issuer.rstrip("/")
    return OpenIdConfiguration(
        issuer=settings.token_issuer,
        jwks_uri=issuer + "/.well-known/jwks.json",
        token_endpoint=issuer + "/oauth/token",
        grant_types_supported=grant_types(settings),
        token_endpoint_auth_methods_supported=["client_secret_basic", "client_secret_post"],
        subject_types_supported=["public"],
        id_token_signing_alg_values_supported=[ALGORITHM],
        claims_supported=[*CLAIMS, "client_id"],
    )
