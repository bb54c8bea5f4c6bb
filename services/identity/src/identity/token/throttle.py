"""Throttling failed logins per (account, source) — instead of locking accounts.

A lock on the account would let anyone who knows an e-mail lock its owner out (and would tell a real
account from an unknown one). Here an attempt is keyed by the name it tries (e-mail or client id, whether
or not it exists) and the address it comes from:

* at most ``in_flight`` attempts of one key run at once; more are refused at once (429 + ``Retry-After``),
  so a flood on one account neither queues up nor crowds out other logins;
* each failure waits ``base * 2^(n-1)`` seconds (capped), n being the key's failures within ``window``;
  the attempt keeps its place while it waits, so one source guesses at most ``in_flight / cap`` passwords a
  second on one account;
* a success clears the key. A correct password is never delayed: the failures only slow the requests that
  fail, and the owner, from another address (or from the same one once the attacker stops), logs in at once.

The failure counts are shared by every identity replica (:class:`FailureStore`: ``identity.login_failures``,
one short statement in a transaction of its own per failure and per success), so N replicas do not give a
guesser N fresh counts; the attempts in flight are counted per replica (N replicas allow N × ``in_flight`` at
once, each still waiting the shared delay). The attempt and its delay hold no connection.
"""

from __future__ import annotations

import asyncio
import hashlib
import math
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from identity.token.exceptions import TooManyAttempts
from identity.token.repository import LoginFailureRepository

#: Keys remembered at most; the oldest idle ones are forgotten first.
MAX_KEYS = 50_000


def failed_login_delay(failures: int, *, base: float, cap: float) -> float:
    """Seconds to wait after the ``failures``-th failed login of a key: doubling, capped."""
    if failures <= 0 or base <= 0:
        return 0.0
    return float(min(cap, base * 2 ** min(failures - 1, 16)))


class FailureStore:
    """The failure counts in PostgreSQL, keyed by a hash of (name, source). Each call is its own short
    transaction from the app's pool (never the request's session, which must hold nothing while a failure's
    delay runs)."""

    #: Old keys are deleted once in so many failures.
    PURGE_EVERY = 200

    def __init__(self, sessionmaker: Callable[[], async_sessionmaker[AsyncSession]], window_seconds: float) -> None:
        self._sessionmaker = sessionmaker
        self.window = timedelta(seconds=window_seconds)
        self._calls = 0

    @staticmethod
    def key_hash(key_id: tuple[str, str]) -> str:
        return hashlib.sha256("\x00".join(key_id).encode()).hexdigest()

    async def failed(self, key_id: tuple[str, str]) -> int:
        self._calls += 1
        async with self._sessionmaker()() as session, session.begin():
            repo = LoginFailureRepository(session)
            failures = await repo.count_failure(self.key_hash(key_id), self.window)
            if self._calls % self.PURGE_EVERY == 0:
                await repo.forget_older_than(self.window)
        return failures

    async def succeeded(self, key_id: tuple[str, str]) -> None:
        async with self._sessionmaker()() as session, session.begin():
            await LoginFailureRepository(session).clear(self.key_hash(key_id))


@dataclass
class _Key:
    in_flight: int = 0
    failures: int = 0
    last_failure: float = 0.0


class Attempt:
    def __init__(self, throttle: LoginThrottle, key_id: tuple[str, str], key: _Key) -> None:
        self._throttle = throttle
        self._key_id = key_id
        self._key = key

    async def failed(self) -> None:
        """Count the failure (in the shared store, if any) and wait out its delay (holding no connection)."""
        store = self._throttle.store
        self._key.failures = await store.failed(self._key_id) if store else self._key.failures + 1
        self._key.last_failure = time.monotonic()
        delay = failed_login_delay(self._key.failures, base=self._throttle.base, cap=self._throttle.cap)
        if delay:
            await asyncio.sleep(delay)

    async def succeeded(self) -> None:
        self._key.failures = 0
        if self._throttle.store is not None:
            await self._throttle.store.succeeded(self._key_id)


class LoginThrottle:
    def __init__(
        self, *, in_flight: int, window_seconds: float, base: float, cap: float, store: FailureStore | None = None
    ) -> None:
        """Without a ``store`` the counts are this process's own (a single replica; the unit tests)."""
        self.store = store
        self.in_flight = in_flight
        self.window = window_seconds
        self.base = base
        self.cap = cap
        self._keys: OrderedDict[tuple[str, str], _Key] = OrderedDict()

    @asynccontextmanager
    async def attempt(self, name: str, source: str) -> AsyncIterator[Attempt]:
        """One login attempt of ``source`` on ``name``; :class:`TooManyAttempts` when too many run already."""
        key_id = (name.strip().lower(), source)
        key = self._keys.get(key_id)
        if key is None:
            key = self._keys[key_id] = _Key()
            self._forget_idle()
        else:
            self._keys.move_to_end(key_id)
        if key.failures and time.monotonic() - key.last_failure > self.window:
            key.failures = 0
        if key.in_flight >= self.in_flight:
            wait = failed_login_delay(key.failures, base=self.base, cap=self.cap)
            raise TooManyAttempts(retry_after=max(1, math.ceil(wait)))
        key.in_flight += 1
        try:
            yield Attempt(self, key_id, key)
        finally:
            key.in_flight -= 1
            if key.in_flight == 0 and key.failures == 0 and self._keys.get(key_id) is key:
                del self._keys[key_id]

    def _forget_idle(self) -> None:
        while len(self._keys) > MAX_KEYS:
            for key_id, key in self._keys.items():
                if key.in_flight == 0:
                    del self._keys[key_id]
                    break
            else:
                return
