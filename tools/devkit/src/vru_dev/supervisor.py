"""Development only (``vru_dev``). Keeps the platform's processes running: a child that exits — a service, Traefik,
the embedded PostgreSQL's postmaster — is started again, after a delay that doubles with each failure up to a cap.
A crash loop (``CrashLoop.exits`` exits within ``CrashLoop.window`` seconds) is reported loudly, on the console and
in ``logs/supervisor.log``, and the child is still retried, every ``Backoff.cap`` seconds: a database whose disk is
full comes back once there is space again, without anyone there.

Every child is the same to the supervisor (:class:`Child`: start, is it alive, what to say about its exit); the
kinds of process — one the platform spawned, the postmaster pg_ctl started — are adapters in ``platform.py``.

The supervisor only restarts; stopping is the platform's (``Platform.stop`` stops the supervisor first, then every
process it knows of, including a postmaster the supervisor restarted).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Protocol


class Child(Protocol):
    """Something the supervisor keeps running."""

    @property
    def name(self) -> str: ...

    def alive(self) -> bool: ...

    def start(self) -> None:
        """Start it again; raise when it cannot be started (the supervisor tries again later)."""

    def describe_exit(self) -> str:
        """How it ended (an exit code, a signal) and the last lines of its log, for the report."""


@dataclass(frozen=True)
class Backoff:
    """Delay before a restart: ``first``, then ×``factor`` after each exit or failed start, at most ``cap``; back to
    ``first`` once the child has stayed up ``stable_after`` seconds."""

    first: float = 0.5
    factor: float = 2.0
    cap: float = 30.0
    stable_after: float = 30.0


@dataclass(frozen=True)
class CrashLoop:
    """``exits`` exits (or failed starts) within ``window`` seconds is a crash loop: reported, retried every cap."""

    exits: int = 5
    window: float = 60.0


@dataclass
class _Watch:
    child: Child
    delay: float
    exits: deque[float] = field(default_factory=deque)
    down_since: float | None = None  # when its exit was noticed; None while it runs
    retry_at: float = 0.0
    up_since: float = field(default_factory=time.monotonic)
    looping: bool = False
    restarts: int = 0


class Supervisor:
    """Watches children from a thread of its own (:meth:`start`, :meth:`stop`), or round by round (:meth:`check`)."""

    def __init__(
        self,
        *,
        log_path: Path,
        backoff: Backoff | None = None,
        crash_loop: CrashLoop | None = None,
        poll_seconds: float = 0.25,
        console: Callable[[str], None] | None = None,
    ) -> None:
        self.backoff = backoff or Backoff()
        self.crash_loop = crash_loop or CrashLoop()
        self.poll_seconds = poll_seconds
        self.log_path = log_path
        self.console = console or _print
        self._watches: dict[str, _Watch] = {}
        self._lock = threading.RLock()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._log: IO[str] | None = None

    # --- what is watched -----------------------------------------------------------------------------------------
    def watch(self, child: Child) -> None:
        with self._lock:
            self._watches[child.name] = _Watch(child, self.backoff.first)

    def forget(self, name: str) -> None:
        """Stop watching ``name`` (it is being stopped on purpose)."""
        with self._lock:
            self._watches.pop(name, None)

    def restarts(self, name: str) -> int:
        with self._lock:
            watch = self._watches.get(name)
            return watch.restarts if watch is not None else 0

    def crash_looping(self, name: str) -> bool:
        with self._lock:
            watch = self._watches.get(name)
            return watch is not None and watch.looping

    # --- running -------------------------------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="vru-supervisor", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 60.0) -> None:
        """Stop restarting (a restart under way finishes first: its process is then stopped with the others)."""
        self._stopping.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)
        if self._log is not None:
            self._log.close()
            self._log = None

    def _run(self) -> None:
        while not self._stopping.wait(self.poll_seconds):
            self.check()

    def check(self) -> None:
        """One round: notice exits, restart what is due."""
        with self._lock:
            watches = list(self._watches.values())
        for watch in watches:
            if self._stopping.is_set():
                return
            with self._lock:
                if self._watches.get(watch.child.name) is not watch:
                    continue  # forgotten meanwhile
                self._check(watch, time.monotonic())

    def _check(self, watch: _Watch, now: float) -> None:
        child = watch.child
        if watch.down_since is None:
            if child.alive():
                if watch.delay != self.backoff.first and now - watch.up_since >= self.backoff.stable_after:
                    watch.delay = self.backoff.first  # it has stayed up: the next exit is a fresh one
                return
            self._exited(watch, now, child.describe_exit())
        if now < watch.retry_at:
            return
        try:
            child.start()
        except Exception as exc:  # any failure to start is reported and retried
            self._exited(watch, time.monotonic(), f"could not be started: {type(exc).__name__}: {str(exc)[:300]}")
            return
        watch.restarts += 1
        watch.down_since = None
        watch.up_since = time.monotonic()
        self._report(f"{child.name} restarted (restart {watch.restarts})")

    def _exited(self, watch: _Watch, now: float, how: str) -> None:
        """Count an exit (or a failed start), choose the delay before the next start, and say so."""
        watch.exits.append(now)
        while watch.exits and now - watch.exits[0] > self.crash_loop.window:
            watch.exits.popleft()
        looping = len(watch.exits) >= self.crash_loop.exits
        delay = self.backoff.cap if looping else watch.delay
        watch.delay = min(watch.delay * self.backoff.factor, self.backoff.cap)
        watch.down_since = watch.down_since or now
        watch.retry_at = now + delay
        name = watch.child.name
        if looping:
            self._report(
                f"!!! {name} is in a crash loop: {len(watch.exits)} exits within {self.crash_loop.window:.0f} s. "
                f"Still retrying, every {delay:.0f} s; look at logs/{name}.log. Last: {how}",
                loud=True,
            )
        else:
            self._report(f"{name} exited; restarting in {delay:.1f} s. {how}")
        watch.looping = looping

    def _report(self, message: str, *, loud: bool = False) -> None:
        line = f"{datetime.now(UTC).isoformat(timespec='seconds')} {'ERROR' if loud else 'WARNING'} {message}"
        self.console(("\n" if loud else "") + "vru: " + message)
        if self._log is None:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            self._log = self.log_path.open("a", encoding="utf-8")
        self._log.write(line + "\n")
        self._log.flush()


def _print(message: str) -> None:
    print(message, flush=True)
