"""Signing secrets at rest: encrypted, never stored as they are shown.

The delivery worker must sign with a subscription's secret, so it is kept recoverable — but only with a key the
database does not hold: each secret is a Fernet token (AES-128-CBC and HMAC-SHA256, ``cryptography``) under the
keys of ``NOTIFICATIONS_SECRET_ENCRYPTION_KEYS``. The first key encrypts, every key decrypts (``MultiFernet``), so
a key is rotated by putting the new one first, re-encrypting (:func:`reencrypt`, ``python -m
notifications.webhook.reencrypt``) and then dropping the old one (docs/operations.md, "Webhook secret keys").

A configured key is any string of high entropy (``secrets.token_urlsafe(32)``); the Fernet key is its SHA-256
under a fixed label, so the operator never has to produce Fernet's own format.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

_LABEL = b"vru-notifications-webhook-secret\x00"


class SecretUndecryptable(RuntimeError):
    """A stored secret none of the configured keys opens (a key dropped before re-encrypting, or tampering)."""


def fernet_key(key: str) -> bytes:
    return base64.urlsafe_b64encode(hashlib.sha256(_LABEL + key.encode()).digest())


class SecretBox:
    def __init__(self, keys: Sequence[str]) -> None:
        if not keys:
            raise ValueError("at least one secret encryption key is needed")
        self._fernet = MultiFernet([Fernet(fernet_key(key)) for key in keys])

    def encrypt(self, secret: str) -> str:
        return self._fernet.encrypt(secret.encode()).decode("ascii")

    def decrypt(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode("ascii")).decode()
        except (InvalidToken, UnicodeError) as exc:
            raise SecretUndecryptable("no configured key decrypts this signing secret") from exc

    def reencrypt(self, token: str) -> str:
        """The same secret under the first (current) key."""
        try:
            return self._fernet.rotate(token.encode("ascii")).decode("ascii")
        except (InvalidToken, UnicodeError) as exc:
            raise SecretUndecryptable("no configured key decrypts this signing secret") from exc
