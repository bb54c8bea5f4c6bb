"""The supervisor ``vru up`` runs (``vru_dev.supervisor``), on real child processes: a child that exits is started
again after a delay that doubles up to a cap; a crash loop is reported on the console and in the log and still
retried; a child stopped on purpose (forgotten) is left alone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from vru_dev.supervisor import Backoff, CrashLoop, Supervisor


class Sleeper:
    """A real process: ``python -c <code>``; ``starts`` records when each (re)start happened."""

    def __init__(self, name: str, code: str = "import time; time.sleep(60)") -> None:
        self.name = name
        self.code = code
        self.process: subprocess.Popen[bytes] | None = None
        self.starts: list[float] = []

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", self.code])
        self.starts.append(time.monotonic())

    def describe_exit(self) -> str:
        return f"exit code {self.process.returncode if self.process else None}"

    def kill(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def wait_until(condition: object, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def supervisor(tmp_path: Path, console: list[str], **backoff: float) -> Supervisor:
    return Supervisor(
        log_path=tmp_path / "logs" / "supervisor.log",
        backoff=Backoff(**{"first": 0.1, "factor": 2.0, "cap": 0.8, "stable_after": 30.0, **backoff}),
        crash_loop=CrashLoop(exits=4, window=10.0),
        poll_seconds=0.02,
        console=console.append,
    )


def test_a_killed_child_is_restarted_with_growing_delays(tmp_path: Path) -> None:
    console: list[str] = []
    child = Sleeper("service")
    child.start()
    watcher = supervisor(tmp_path, console)
    watcher.watch(child)
    watcher.start()
    try:
        gaps = []
        for restart in (1, 2, 3):
            child.kill()
            killed = time.monotonic()
            wait_until(lambda restart=restart: watcher.restarts("service") == restart and child.alive())
            gaps.append(child.starts[-1] - killed)
        assert gaps[0] >= 0.1
        assert gaps[1] >= 0.2
        assert gaps[2] >= 0.4  # doubled each time
        assert not watcher.crash_looping("service")
    finally:
        watcher.stop()
        child.stop()
    assert any("service exited; restarting in 0.1 s" in line for line in console), console
    assert "service restarted (restart 3)" in (tmp_path / "logs" / "supervisor.log").read_text()


def test_a_crash_loop_is_reported_and_still_retried(tmp_path: Path) -> None:
    console: list[str] = []
    child = Sleeper("broken", "raise SystemExit(3)")
    child.start()
    watcher = supervisor(tmp_path, console, first=0.05, cap=0.3)
    watcher.watch(child)
    watcher.start()
    try:
        wait_until(lambda: watcher.crash_looping("broken"))
        looping_at = len(child.starts)
        wait_until(lambda: len(child.starts) >= looping_at + 2)  # still retried, at the cap
        late = child.starts[-1] - child.starts[-2]
        assert late >= 0.3
    finally:
        watcher.stop()
        child.stop()
    loud = [line for line in console if "crash loop" in line]
    assert loud
    assert "broken is in a crash loop: 4 exits within 10 s" in loud[0]
    assert "exit code 3" in loud[0]
    log = (tmp_path / "logs" / "supervisor.log").read_text()
    assert "ERROR !!! broken is in a crash loop" in log


def test_a_child_that_cannot_be_started_is_retried(tmp_path: Path) -> None:
    """A start that raises (the postmaster on a full disk) counts as an exit: retried with backoff until it works."""
    console: list[str] = []
    child = Sleeper("database")
    child.start()
    failures = {"left": 2}
    real_start = child.start

    def start() -> None:
        if failures["left"]:
            failures["left"] -= 1
            raise OSError(28, "No space left on device")
        real_start()

    child.start = start  # type: ignore[method-assign]
    watcher = supervisor(tmp_path, console)
    watcher.watch(child)
    watcher.start()
    try:
        child.kill()
        wait_until(lambda: watcher.restarts("database") == 1 and child.alive())
    finally:
        watcher.stop()
        child.stop()
    assert sum("No space left on device" in line for line in console) == 2


def test_a_forgotten_child_is_not_restarted(tmp_path: Path) -> None:
    console: list[str] = []
    child = Sleeper("gateway")
    child.start()
    watcher = supervisor(tmp_path, console)
    watcher.watch(child)
    watcher.start()
    try:
        watcher.forget("gateway")
        child.kill()
        time.sleep(0.5)
        assert not child.alive()
        assert len(child.starts) == 1
    finally:
        watcher.stop()
        child.stop()
