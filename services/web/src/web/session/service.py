"""Signing in and out, and finding the signed-in person from the session cookie."""

from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.ext.asyncio import AsyncSession

from vru_shared.auth import Principal
from web.session.models import WebSession
from web.session.repository import SessionRepository

#: The cookie: an opaque random value; the session's row is keyed by its SHA-256.
COOKIE = "vru_session"


@dataclass(frozen=True)
class SignedIn:
    """The person behind a request, with their token for the platform's API."""

    subject: str
    name: str
    roles: frozenset[str]
    districts: frozenset[str]
    agency_id: str | None
    token: str
    csrf_token: str
    expires_at: datetime

    def has_role(self, *roles: str) -> bool:
        return not self.roles.isdisjoint(roles)


class Sessions:
    def __init__(self, key: str, idle: timedelta) -> None:
        self._aead = AESGCM(hashlib.sha256(b"vru-web-session\n" + key.encode()).digest())
        self.idle = idle

    def _seal(self, token: str) -> bytes:
        nonce = os.urandom(12)
        return nonce + self._aead.encrypt(nonce, token.encode(), b"vru-web-token")

    def _open(self, sealed: bytes) -> str:
        return self._aead.decrypt(sealed[:12], sealed[12:], b"vru-web-token").decode()

    @staticmethod
    def _hash(cookie: str) -> str:
        return hashlib.sha256(cookie.encode()).hexdigest()

    async def start(self, db: AsyncSession, principal: Principal, token: str, expires_in: int) -> tuple[str, SignedIn]:
        """A new session (a new id on every sign-in: no fixation). Returns the cookie's value."""
        cookie = secrets.token_urlsafe(32)
        now = datetime.now(UTC)
        row = WebSession(
            id_hash=self._hash(cookie),
            subject=principal.subject,
            name=principal.name or principal.subject,
            roles=sorted(principal.roles),
            districts=sorted(principal.districts),
            agency_id=str(principal.agency_id) if principal.agency_id else None,
            token=self._seal(token),
            csrf_token=secrets.token_urlsafe(32),
            created_at=now,
            last_seen_at=now,
            expires_at=now + timedelta(seconds=expires_in),
        )
        await SessionRepository(db).add(row)
        return cookie, self._signed_in(row)

    async def find(self, db: AsyncSession, cookie: str | None) -> SignedIn | None:
        if not cookie or len(cookie) > 128:
            return None
        now = datetime.now(UTC)
        repo = SessionRepository(db)
        id_hash = self._hash(cookie)
        row = await repo.live(id_hash, now=now, idle_since=now - self.idle)
        if row is None:
            return None
        await repo.touch(id_hash, now)
        return self._signed_in(row)

    async def end(self, db: AsyncSession, cookie: str | None) -> None:
        if cookie:
            await SessionRepository(db).remove(self._hash(cookie))

    async def purge(self, db: AsyncSession) -> int:
        now = datetime.now(UTC)
        return await SessionRepository(db).purge(now=now, idle_since=now - self.idle)

    def _signed_in(self, row: WebSession) -> SignedIn:
        return SignedIn(
            subject=row.subject,
            name=row.name,
            roles=frozenset(row.roles),
            districts=frozenset(row.districts),
            agency_id=row.agency_id,
            token=self._open(row.token),
            csrf_token=row.csrf_token,
            expires_at=row.expires_at,
        )
