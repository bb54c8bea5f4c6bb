"""argon2id hashing of passwords and client secrets, run off the event loop.

Hashing is deliberately slow and memory-hungry, so it runs in a worker thread, and at most a few at a time
(``MAX_CONCURRENT_HASHES``) so a burst of logins cannot exhaust memory. At most ``max_waiting`` more wait for
a slot: beyond that a hash is refused at once (:class:`HashingBusy`, 503 + ``Retry-After``) instead of
queueing without bound. Callers hash with no database connection or row lock held. A missing account is
checked against a dummy hash made with the same parameters, so a wrong e-mail and a wrong password take the
same time.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable
from typing import TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from identity.settings import IdentitySettings
from vru_shared.problems import ServiceUnavailable

MAX_CONCURRENT_HASHES = 4
RETRY_AFTER_SECONDS = 1
T = TypeVar("T")


class HashingBusy(ServiceUnavailable):
    """More password or secret checks at once than this replica takes: refused at once, retry shortly."""

    def __init__(self) -> None:
        super().__init__(
            "Too many logins at once; retry shortly.",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS), "Cache-Control": "no-store"},
        )


class SecretHasher:
    def __init__(
        self, *, time_cost: int = 3, memory_kib: int = 65_536, parallelism: int = 4, max_waiting: int = 32
    ) -> None:
        self._hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism)
        # Made now, not at the first unknown account: that one would otherwise take two hashes' time.
        self._dummy = self._hasher.hash(secrets.token_urlsafe(16))
        self._slots: asyncio.Semaphore | None = None
        self._max_pending = MAX_CONCURRENT_HASHES + max_waiting
        self._pending = 0

    @classmethod
    def from_settings(cls, settings: IdentitySettings) -> SecretHasher:
        return cls(
            time_cost=settings.password_hash_time_cost,
            memory_kib=settings.password_hash_memory_kib,
            parallelism=settings.password_hash_parallelism,
            max_waiting=settings.password_hash_queue,
        )

    def _semaphore(self) -> asyncio.Semaphore:
        if self._slots is None:
            self._slots = asyncio.Semaphore(MAX_CONCURRENT_HASHES)
        return self._slots

    async def _run(self, work: Callable[[], T]) -> T:
        """Run ``work`` in a worker thread once a slot is free; :class:`HashingBusy` when the queue is full."""
        if self._pending >= self._max_pending:
            raise HashingBusy
        self._pending += 1
        try:
            async with self._semaphore():
                return await asyncio.to_thread(work)
        finally:
            self._pending -= 1

    async def hash(self, secret: str) -> str:
        return await self._run(lambda: self._hasher.hash(secret))

    async def verify(self, hashed: str | None, secret: str) -> bool:
        """True when ``secret`` matches ``hashed``; with no hash, spend the same time and answer False."""
        target = hashed if hashed is not None else self._dummy

        def check() -> bool:
            try:
                return bool(self._hasher.verify(target, secret))
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                return False

        return await self._run(check) and hashed is not None

    def needs_rehash(self, hashed: str) -> bool:
        """True when ``hashed`` was made with other parameters than the current ones."""
        try:
            return bool(self._hasher.check_needs_rehash(hashed))
        except InvalidHashError:
            return True


def new_client_secret() -> str:
    """A fresh API client secret: 256 bits, URL-safe."""
    return secrets.token_urlsafe(32)
