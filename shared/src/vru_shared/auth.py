"""Token verification and route-level authorization.

Services verify ES256 JWTs locally against the issuer's JWKS (cached; refetched when a token names an
unknown ``kid``, at most once per ``MIN_REFRESH_SECONDS``). Every route states who may call it with
``require(...)``; :func:`vru_shared.app.create_service_app` refuses to start an app with a route that
states nothing (default deny). A verified token whose subject was revoked after it was issued (deactivated,
secret rotated, roles changed: :mod:`vru_shared.revocation`) is refused with 401 ``token-revoked``.

A token verified once is remembered (by its SHA-256) until its ``exp``, with the key that verified it: a client
sends the same token for up to its lifetime, and checking the ES256 signature and the claims again was a fifth of
a read's CPU (``bench/profile_read.py``). The revocation list is still consulted on every request
(:func:`verify_bearer`), and a remembered token counts only while its key is still in the issuer's JWKS.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Any
from uuid import UUID

import httpx
import jwt
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from jwt.algorithms import ECAlgorithm

from vru_shared.problems import Forbidden, ServiceUnavailable, Unauthorized
from vru_shared.revocation import Revocations
from vru_shared.settings import TrustedIssuer

logger = logging.getLogger("vru.auth")

ALGORITHMS = ["ES256"]
MIN_REFRESH_SECONDS = 10.0
LEEWAY_SECONDS = 30
#: Verified tokens remembered at most (each a few hundred bytes); past it the expired ones go, then all.
MAX_REMEMBERED = 10_000


class Role(StrEnum):
    """The roles of DESIGN §7. A token carries zero or more."""

    ANALYST = "analyst"
    COORDINATOR = "coordinator"
    DIRECTOR = "director"
    PROGRAMME_OFFICER = "programme_officer"
    PARTNER_AGENCY = "partner_agency"
    CSP_OFFICER = "csp_officer"
    GUARDIAN = "guardian"
    AUDITOR = "auditor"
    ADMIN = "admin"
    SERVICE = "service"  # another VRU service acting for itself (client credentials)


class PrincipalKind(StrEnum):
    PERSON = "person"
    CLIENT = "client"


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: from a verified token."""

    subject: str
    kind: PrincipalKind
    issuer: str
    agency_id: UUID | None
    roles: frozenset[str]
    districts: frozenset[str]
    scopes: frozenset[str]
    name: str | None = None
    client_id: str | None = None
    token: str = field(default="", repr=False)
    #: The token's ``iat`` (seconds since the epoch): compared with the subject's revocation, if any.
    issued_at: float = 0

    def has_role(self, *roles: str) -> bool:
        return not self.roles.isdisjoint(roles)

    def has_scopes(self, *scopes: str) -> bool:
        return set(scopes) <= self.scopes


class TokenRevoked(Unauthorized):
    """A valid token issued before its subject was deactivated or changed: get a new one (if still allowed)."""

    slug = "token-revoked"
    title = "The token has been revoked"

    def __init__(self, detail: str | None = None, **kwargs: Any) -> None:
        headers = {"WWW-Authenticate": 'Bearer realm="vru", error="invalid_token"', **kwargs.pop("headers", {})}
        super().__init__(detail, headers=headers, **kwargs)


class JWKSCache:
    """Public keys of one issuer, by ``kid``."""

    def __init__(self, url: str, client: httpx.AsyncClient, ttl_seconds: float) -> None:
        self.url = url
        self.client = client
        self.ttl = ttl_seconds
        self._keys: dict[str, Any] = {}
        self._fetched_at = 0.0
        self._lock = asyncio.Lock()

    async def key(self, kid: str) -> Any:
        now = time.monotonic()
        if kid in self._keys and now - self._fetched_at < self.ttl:
            return self._keys[kid]
        if kid not in self._keys or now - self._fetched_at >= self.ttl:
            await self._refresh(force=kid not in self._keys)
        if kid not in self._keys:
            raise Unauthorized("The token was signed by an unknown key.")
        return self._keys[kid]

    async def _refresh(self, *, force: bool) -> None:
        async with self._lock:
            now = time.monotonic()
            if force and now - self._fetched_at < MIN_REFRESH_SECONDS and self._keys:
                return
            try:
                response = await self.client.get(self.url, timeout=5.0)
                response.raise_for_status()
                document = response.json()
                keys: dict[str, Any] = {}
                for jwk in document.get("keys", []):
                    if jwk.get("kty") == "EC" and jwk.get("kid"):
                        keys[str(jwk["kid"])] = ECAlgorithm.from_jwk(jwk)
            except (httpx.HTTPError, ValueError, TypeError, KeyError) as exc:
                logger.warning("JWKS fetch failed", extra={"jwks_url": self.url, "error": type(exc).__name__})
                if not self._keys:
                    raise ServiceUnavailable(
                        "Tokens cannot be verified right now.", headers={"Retry-After": "5"}
                    ) from exc
                return
            self._keys = keys
            self._fetched_at = now


@dataclass(frozen=True, slots=True)
class _Verified:
    """A token verified once: its principal, until its ``exp``, while ``key`` is still its issuer's ``kid``."""

    principal: Principal
    expires: float
    issuer: str
    kid: str
    key: Any


class TokenVerifier:
    def __init__(
        self,
        issuers: Iterable[TrustedIssuer],
        client: httpx.AsyncClient,
        ttl_seconds: float,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.issuers = {i.issuer: i for i in issuers}
        self.caches = {i.issuer: JWKSCache(str(i.jwks_url), client, ttl_seconds) for i in self.issuers.values()}
        self.clock = clock
        self._verified: dict[bytes, _Verified] = {}

    async def verify(self, token: str) -> Principal:
        """The token's principal: from the signature and claims the first time, then remembered until ``exp``
        (the same answer, without the ES256 check) while the key that signed it is still published."""
        digest = hashlib.sha256(token.encode()).digest()
        known = self._verified.get(digest)
        if known is not None:
            if self.clock() < known.expires and await self.caches[known.issuer].key(known.kid) is known.key:
                return known.principal
            del self._verified[digest]
        principal, verified = await self._verify(token)
        self._remember(digest, verified)
        return principal

    def _remember(self, digest: bytes, verified: _Verified) -> None:
        if len(self._verified) >= MAX_REMEMBERED:
            now = self.clock()
            self._verified = {d: v for d, v in self._verified.items() if v.expires > now}
            if len(self._verified) >= MAX_REMEMBERED:
                self._verified.clear()
        self._verified[digest] = verified

    async def _verify(self, token: str) -> tuple[Principal, _Verified]:
        try:
            header = jwt.get_unverified_header(token)
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError as exc:
            raise Unauthorized("The token is malformed.") from exc
        if header.get("alg") not in ALGORITHMS:
            raise Unauthorized("The token's signing algorithm is not accepted.")
        issuer = self.issuers.get(str(unverified.get("iss")))
        if issuer is None:
            raise Unauthorized("The token's issuer is not trusted.")
        kid = header.get("kid")
        if not isinstance(kid, str):
            raise Unauthorized("The token names no signing key.")
        if str(header.get("typ", "")).lower() not in issuer.token_types:
            raise Unauthorized("The token is not an access token (JOSE typ).")
        key = await self.caches[issuer.issuer].key(kid)
        try:
            claims = jwt.decode(
                token,
                key=key,
                algorithms=ALGORITHMS,
                audience=issuer.audience,
                issuer=issuer.issuer,
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise Unauthorized("The token has expired.") from exc
        except jwt.InvalidAudienceError as exc:
            raise Unauthorized("The token is not meant for this API.") from exc
        except jwt.PyJWTError as exc:
            raise Unauthorized("The token is not valid.") from exc
        lifetime = claims["exp"] - claims["iat"]
        if not isinstance(lifetime, int | float) or lifetime > issuer.max_lifetime_seconds:
            raise Unauthorized("The token was issued for longer than this API accepts.")
        principal = principal_from_claims(claims, token)
        return principal, _Verified(principal, float(claims["exp"]), issuer.issuer, kid, key)


def principal_from_claims(claims: dict[str, Any], token: str = "") -> Principal:
    def strings(name: str) -> frozenset[str]:
        value = claims.get(name) or []
        if isinstance(value, str):
            value = value.split()
        return frozenset(str(v) for v in value)

    agency = claims.get("agency")
    try:
        agency_id = UUID(str(agency)) if agency else None
    except ValueError:
        agency_id = None
    kind = PrincipalKind.CLIENT if claims.get("kind") == "client" else PrincipalKind.PERSON
    issued_at = claims.get("iat")
    return Principal(
        subject=str(claims["sub"]),
        kind=kind,
        issuer=str(claims.get("iss", "")),
        agency_id=agency_id,
        roles=strings("roles"),
        districts=strings("districts"),
        scopes=strings("scope"),
        name=claims.get("name") if isinstance(claims.get("name"), str) else None,
        client_id=claims.get("client_id") if isinstance(claims.get("client_id"), str) else None,
        token=token,
        issued_at=float(issued_at) if isinstance(issued_at, int | float) and not isinstance(issued_at, bool) else 0,
    )


async def verify_bearer(state: Any, token: str) -> Principal:
    """The principal of ``token`` for the app whose ``state`` is given: verified by its ``token_verifier`` and
    checked against its revocation list (``state.revocations``; 401 ``token-revoked``). Every way into a route
    goes through here (the ``authenticate`` dependency and the Idempotency-Key middleware)."""
    verifier: TokenVerifier = state.token_verifier
    principal = await verifier.verify(token)
    revocations: Revocations | None = getattr(state, "revocations", None)
    if revocations is not None and revocations.revoked(principal.subject, principal.issued_at):
        raise TokenRevoked(
            "This token was issued before its account was deactivated or changed (roles, districts, agency, "
            "scopes or secret); get a new token."
        )
    return principal


_bearer = HTTPBearer(auto_error=False, description="A JWT access token from `POST /oauth/token`.")


async def authenticate(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    """The verified caller, or 401."""
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise Unauthorized("A bearer token is required.")
    known = getattr(request.state, "principal", None)
    if isinstance(known, Principal) and known.token == credentials.credentials:
        return known  # already verified for this request (the Idempotency-Key middleware does it first)
    principal = await verify_bearer(request.app.state, credentials.credentials)
    request.state.principal = principal
    return principal


CurrentPrincipal = Annotated[Principal, Depends(authenticate)]

#: Marker attribute set on dependencies made by :func:`require` / :func:`public`, checked at start-up.
AUTH_MARKER = "__vru_auth__"


def require(
    *roles: str | Role, scopes: Iterable[str] = (), any_authenticated: bool = False
) -> Callable[..., Awaitable[Principal]]:
    """A dependency: the caller must hold one of ``roles`` (if given) and all ``scopes`` (if given).

    With neither, ``any_authenticated=True`` must be said explicitly.
    """
    wanted_roles = frozenset(str(r) for r in roles)
    wanted_scopes = frozenset(scopes)
    if not wanted_roles and not wanted_scopes and not any_authenticated:
        raise ValueError("require() needs roles, scopes, or any_authenticated=True")

    async def dependency(principal: CurrentPrincipal) -> Principal:
        if wanted_roles and principal.roles.isdisjoint(wanted_roles):
            raise Forbidden("Your role does not allow this.")
        if not wanted_scopes <= principal.scopes:
            missing = ", ".join(sorted(wanted_scopes - principal.scopes))
            raise Forbidden(f"The token lacks the scope(s): {missing}.")
        return principal

    setattr(dependency, AUTH_MARKER, True)
    return dependency


def require_role_or_scopes(*roles: str | Role, scopes: Iterable[str]) -> Callable[..., Awaitable[Principal]]:
    """A dependency: the caller holds one of ``roles`` *or* all of ``scopes`` (e.g. an analyst, or the
    police feed's API client with ``incidents:ingest``)."""
    wanted_roles = frozenset(str(r) for r in roles)
    wanted_scopes = frozenset(scopes)
    if not wanted_roles or not wanted_scopes:
        raise ValueError("require_role_or_scopes() needs roles and scopes")

    async def dependency(principal: CurrentPrincipal) -> Principal:
        if principal.roles.isdisjoint(wanted_roles) and not wanted_scopes <= principal.scopes:
            roles_text = ", ".join(sorted(wanted_roles))
            scopes_text = " ".join(sorted(wanted_scopes))
            raise Forbidden(f"This needs the role(s) {roles_text} or the scope(s) {scopes_text}.")
        return principal

    setattr(dependency, AUTH_MARKER, True)
    return dependency


async def _public() -> None:
    return None


setattr(_public, AUTH_MARKER, True)


def public() -> Any:
    """Mark a route as deliberately open to anyone (``dependencies=[public()]``)."""
    return Depends(_public)
