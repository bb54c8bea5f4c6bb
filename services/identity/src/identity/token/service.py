"""Issuing access tokens: OAuth2 client credentials for systems, password for people (embedded setup)."""

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
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
from identity.revocation import service as revocations
from identity.settings import IdentitySettings
from identity.signing_key import service as signing_keys
from identity.signing_key.keys import ALGORITHM, KeyRing
from identity.token.exceptions import (
    FailedLogin,
    InvalidClient,
    InvalidGrant,
    InvalidRequest,
    InvalidScope,
    UnsupportedGrantType,
)
from identity.token.schemas import OpenIdConfiguration, TokenRequest, TokenResponse
from identity.token.throttle import LoginThrottle
from vru_shared.auth import PrincipalKind

GRANT_CLIENT_CREDENTIALS = "client_credentials"
GRANT_PASSWORD = "password"
MAX_CREDENTIAL_LENGTH = 256
CLIENT_AUTH_FAILED = "Client authentication failed: unknown client or wrong secret."
LOGIN_FAILED = "The e-mail or password is not correct."
CLAIMS = ["iss", "aud", "sub", "iat", "nbf", "exp", "jti", "kind", "agency", "roles", "districts", "scope", "name"]


async def issue(
    session: AsyncSession,
    *,
    form: TokenRequest,
    basic: HTTPBasicCredentials | None,
    source: str,
    settings: IdentitySettings,
    hasher: SecretHasher,
    throttle: LoginThrottle,
    ring: KeyRing,
) -> TokenResponse:
    """Authenticate and sign a token. Hashing and failure delays run with no database connection held: the
    account is read, the read-only transaction ends (its connection goes back to the pool), the secret is
    checked and a failure waited out, and only then is the outcome written in a short transaction of its own
    (committed by the transaction middleware)."""
    if not form.grant_type:
        raise InvalidRequest("grant_type is required.")
    check = _Check(session, source=source, hasher=hasher, throttle=throttle)
    if form.grant_type == GRANT_CLIENT_CREDENTIALS:
        client = await _authenticate_client(check, form=form, basic=basic, required=True)
        assert client is not None
        scopes = _narrow(client.scopes, form.scope)
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
        # Client credentials are optional here (RFC 6749 §4.3.2), but credentials that are sent are checked.
        await _authenticate_client(check, form=form, basic=basic, required=False)
        person = await _authenticate_person(check, form=form)
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


@dataclass(frozen=True)
class _Check:
    session: AsyncSession
    source: str
    hasher: SecretHasher
    throttle: LoginThrottle

    async def release(self) -> None:
        """End the request's transaction, which has only read so far, so that its connection (and any lock)
        goes back before slow work: argon2 and failure delays never hold a connection. The next query opens
        a new, short transaction; the transaction middleware commits or rolls back that one as usual."""
        if self.session.new or self.session.dirty or self.session.deleted:  # pragma: no cover - a wiring error
            raise RuntimeError("a login must not change records before its secret is checked")
        await self.session.commit()


async def _authenticate_client(
    check: _Check, *, form: TokenRequest, basic: HTTPBasicCredentials | None, required: bool
) -> ApiClient | None:
    if basic is not None and (form.client_id is not None or form.client_secret is not None):
        raise InvalidRequest("Authenticate the client one way only: HTTP Basic or client_id/client_secret.")
    client_id, secret = (basic.username, basic.password) if basic is not None else (form.client_id, form.client_secret)
    if not required and basic is None and client_id is None and secret is None:
        return None
    if not client_id or not secret:
        raise InvalidClient("Client authentication is required: HTTP Basic or client_id and client_secret.")
    if len(client_id) > MAX_CREDENTIAL_LENGTH or len(secret) > MAX_CREDENTIAL_LENGTH:
        raise InvalidClient(CLIENT_AUTH_FAILED)
    repo = ApiClientRepository(check.session)
    async with check.throttle.attempt("client:" + client_id, check.source) as attempt:
        client = await repo.get_by(client_id=client_id)
        await check.release()
        # An unknown client is checked against a dummy hash: both failures take the same time.
        stored = client.secret_hash if client is not None else None
        if not await check.hasher.verify(stored, secret) or client is None:
            await attempt.failed()
            raise InvalidClient(CLIENT_AUTH_FAILED)
        await attempt.succeeded()
    if not client.active:
        raise InvalidClient("This client is deactivated.")
    if check.hasher.needs_rehash(client.secret_hash):
        rehashed = await check.hasher.hash(secret)  # before the lock: the row is locked only to write
        await repo.lock(client)  # concurrent logins rehash one after the other, not into a stale version (412)
        if client.secret_hash == stored:  # not rehashed (or rotated) meanwhile
            client.secret_hash = rehashed
    return client


def _narrow(allowed: Sequence[str], requested: str | None) -> list[str]:
    wanted = set((requested or "").split())
    if not wanted:
        return sorted(allowed)
    extra = wanted - set(allowed)
    if extra:
        raise InvalidScope(f"The client may not ask for: {' '.join(sorted(extra))}.")
    return sorted(wanted)


async def _authenticate_person(check: _Check, *, form: TokenRequest) -> Person:
    """One answer for an unknown e-mail and a wrong password — the same status, body and delay — and no
    lock on the account: failures are throttled per (e-mail, source) by :class:`LoginThrottle`."""
    if not form.username or not form.password:
        raise InvalidRequest("The password grant needs username (the e-mail) and password.")
    if len(form.username) > MAX_CREDENTIAL_LENGTH or len(form.password) > MAX_CREDENTIAL_LENGTH:
        raise InvalidGrant(LOGIN_FAILED)
    people = PersonRepository(check.session)
    async with check.throttle.attempt(form.username, check.source) as attempt:
        person = await people.by_email(form.username)
        await check.release()
        stored = person.password_hash if person is not None else None
        if not await check.hasher.verify(stored, form.password) or person is None:
            await attempt.failed()
            if person is not None:
                await people.count_failed_login(person)  # kept although the answer is an error
            raise FailedLogin(LOGIN_FAILED)
        await attempt.succeeded()
    if not person.active:
        raise InvalidGrant("This account is deactivated.")
    assert stored is not None
    if check.hasher.needs_rehash(stored):
        await people.rehash(person, old=stored, new=await check.hasher.hash(form.password))
    await people.record_login(person, failed_attempts=0, locked_until=None, last_login_at=datetime.now(UTC))
    return person


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
    not_before = await revocations.issue_not_before(session, subject=subject)
    if not_before is not None:  # a new token must not fall under the subject's revocation (up to ~2 s ahead)
        now = max(now, not_before + 1)
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
