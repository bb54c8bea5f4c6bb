"""Signing keys: one active key signs tokens; rotation retires it but keeps it published until every token it
signed has expired, so verifiers never meet a token whose key they cannot find."""

import asyncio
import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy.ext.asyncio import AsyncSession

from identity.signing_key import keys
from identity.signing_key.exceptions import NoActiveSigningKey, SigningKeyNotFound
from identity.signing_key.models import SigningKey
from identity.signing_key.repository import SigningKeyRepository
from identity.signing_key.schemas import SigningKeyRead
from vru_shared.pagination import PageParams

logger = logging.getLogger("identity.signing_key")

#: A retired key stays published this long after the last token it signed has expired (clock skew, caches).
PUBLISH_MARGIN = timedelta(minutes=5)


async def _create(repo: SigningKeyRepository, passphrase: bytes, now: datetime) -> SigningKey:
    new = await asyncio.to_thread(keys.generate, passphrase)
    key = SigningKey(kid=new.kid, private_key_pem=new.private_key_pem, public_jwk=new.public_jwk, created_at=now)
    await repo.add(key)
    logger.info("signing key created", extra={"kid": new.kid})
    return key


async def ensure_active(session: AsyncSession, *, passphrase: bytes, ring: keys.KeyRing | None = None) -> str:
    """Make sure an active key exists (creating one if not; safe when several processes start at once) and
    that ``passphrase`` decrypts it. Returns its ``kid``."""
    repo = SigningKeyRepository(session)
    kid = await repo.active_kid()
    if kid is None:
        await repo.lock()
        kid = await repo.active_kid()
        if kid is None:
            kid = (await _create(repo, passphrase, datetime.now(UTC))).kid
    await _load(repo, kid, passphrase, ring or keys.KeyRing())
    return kid


async def _load(
    repo: SigningKeyRepository, kid: str, passphrase: bytes, ring: keys.KeyRing
) -> ec.EllipticCurvePrivateKey:
    cached = ring.get(kid)
    if cached is not None:
        return cached
    stored = await repo.get_by(kid=kid)
    if stored is None:  # pragma: no cover - kid came from the same table
        raise NoActiveSigningKey("No signing key is available; retry shortly.", headers={"Retry-After": "2"})
    try:
        key = await asyncio.to_thread(keys.decrypt, stored.private_key_pem, passphrase)
    except (ValueError, TypeError) as exc:
        raise RuntimeError(f"The key passphrase does not decrypt signing key {kid}") from exc
    ring.put(kid, key)
    return key


async def active_key(
    session: AsyncSession, *, ring: keys.KeyRing, passphrase: bytes
) -> tuple[str, ec.EllipticCurvePrivateKey]:
    """The key to sign a token with: one small query for the active kid, decryption only on a new kid."""
    repo = SigningKeyRepository(session)
    kid = await repo.active_kid()
    if kid is None:
        raise NoActiveSigningKey("No signing key is available; retry shortly.", headers={"Retry-After": "2"})
    return kid, await _load(repo, kid, passphrase, ring)


async def rotate(session: AsyncSession, *, passphrase: bytes, token_ttl_seconds: int) -> SigningKey:
    """A new key becomes active; the previous one is retired and published until its tokens have expired."""
    repo = SigningKeyRepository(session)
    await repo.lock()
    now = datetime.now(UTC)
    for old in await repo.all_active():
        old.retired_at = now
        old.publish_until = now + timedelta(seconds=token_ttl_seconds) + PUBLISH_MARGIN
        logger.info("signing key retired", extra={"kid": old.kid})
    return await _create(repo, passphrase, now)


async def published_jwks(session: AsyncSession) -> list[dict[str, Any]]:
    """Public JWKs of the active key and of retired keys still within their publication window."""
    rows = await SigningKeyRepository(session).published(datetime.now(UTC))
    return [keys.published_jwk(row.public_jwk) for row in rows]


async def list_keys(session: AsyncSession, *, page: PageParams) -> Sequence[SigningKeyRead]:
    return [SigningKeyRead.model_validate(k) for k in await SigningKeyRepository(session).page(page, descending=True)]


async def get(session: AsyncSession, *, kid: str) -> SigningKey:
    key = await SigningKeyRepository(session).get_by(kid=kid)
    if key is None:
        raise SigningKeyNotFound(f"There is no signing key {kid}.")
    return key
