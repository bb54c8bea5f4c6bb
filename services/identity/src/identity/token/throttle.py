"""Throttling failed logins per (account, source), in this process — instead of locking accounts.

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

Nothing here touches the database: the attempt and its delay hold no connection.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from identity.token.exceptions import TooManyAttempts

#: Keys remembered at most; the oldest idle ones are forgotten first.
MAX_KEYS = 50_000


def failed_login_delay(failures: int, *, base: float, cap: float) -> float:
    """Seconds to wait after the ``failures``-th failed login of a key: doubling, capped."""
    if failures <= 0 or base <= 0:
        return 0.0
    return float(min(cap, base * 2 ** min(failures - 1, 16)))


@dataclass
class _Key:
    in_flight: int = 0
    failures: int = 0
    last_failure: float = 0.0


class Attempt:
    def __init__(self, throttle: LoginThrottle, key: _Key) -> None:
        self._throttle = throttle
        self._key = key

    async def failed(self) -> None:
        """Count the failure and wait out its delay (the caller holds no connection)."""
        self._key.failures += 1
        self._key.last_failure = time.monotonic()
        delay = failed_login_delay(self._key.failures, base=self._throttle.base, cap=self._throttle.cap)
        if delay:
            await asyncio.sleep(delay)

    def succeeded(self) -> None:
        self._key.failures = 0


class LoginThrottle:
    def __init__(self, *, in_flight: int, window_seconds: float, base: float, cap: float) -> None:
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
            yield Attempt(self, key)
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
