"""Load generation and measurement: wrk when installed (``apt-get install wrk``), else a documented Python
fallback (an asyncio httpx loop, far slower: its figures cap what it can measure and are marked so)."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

from vru_dev.testing import StatementLog, count_statements

if TYPE_CHECKING:
    from vru_dev.platform import Platform


@dataclass
class LoadResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    tool: str


def _ms(value: str) -> float:
    match = re.match(r"([\d.]+)(us|ms|s|m)$", value)
    if match is None:  # e.g. "-nan" when nothing completed
        return float("nan")
    number, unit = match.groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def wrk(url: str, *, headers: dict[str, str], seconds: int, connections: int = 32, threads: int = 2) -> LoadResult:
    if shutil.which("wrk") is None:
        return asyncio.run(_python_load(url, headers=headers, seconds=seconds, connections=connections))
    args = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    output = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"50%\s+(\S+)", output).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"99%\s+(\S+)", output).group(1))  # type: ignore[union-attr]
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = int(non2xx.group(1)) if non2xx else 0
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if socket_errors:
        errors += sum(int(g) for g in socket_errors.groups())
    return LoadResult(rps, p50, p99, errors, "wrk")


async def _python_load(url: str, *, headers: dict[str, str], seconds: int, connections: int) -> LoadResult:
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            response = await client.get(url, headers=headers)
            latencies.append((time.perf_counter() - started) * 1000)
            if response.status_code >= 400:
                errors += 1

    async with httpx.AsyncClient(timeout=10) as client:
        started = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(connections)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return LoadResult(
        len(latencies) / elapsed,
        latencies[len(latencies) // 2],
        latencies[int(len(latencies) * 0.99)],
        errors,
        "python-fallback",
    )


def sequential_p95(client: httpx.Client, url: str, *, headers: dict[str, str], count: int = 200) -> float:
    """p95 latency (ms) of ``count`` requests one after another (list-page scenarios)."""
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        response = client.get(url, headers=headers)
        samples.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
    return statistics.quantiles(samples, n=20)[18]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def feed_token(gateway: str) -> str:
    """An access token of the police crime feed (the development seed's client): imports and incidents."""
    response = httpx.post(
        gateway + "/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=("police-crime-feed", "dev-only-police-feed-secret"),
        timeout=10,
    )
    response.raise_for_status()
    token: str = response.json()["access_token"]
    return token


def process_cpu(pid: int) -> float:
    """User + system CPU seconds of one process so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def postgres_cpu(pgdata: Path) -> float:
    """CPU seconds used so far by a PostgreSQL server's processes: the postmaster and its children (the backends,
    autovacuum, the checkpointer and WAL writer), from /proc."""
    postmaster = int((pgdata / "postmaster.pid").read_text().split()[0])
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process has gone
        pid, ppid = int(stat.parent.name), int(fields[1])
        if postmaster in (pid, ppid):
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def scratch_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="vru-bench-"))


def statements_per_request(platform: Platform, path: str, token: str) -> StatementLog:
    """A short counted pass before a timed run: ``GET path`` once (after one warm-up) through the referrals app
    run in this process with the platform's settings (its database, identity, token issuer), counting the
    statements it sends to PostgreSQL (:func:`vru_dev.testing.count_statements`). Statements are deterministic
    where timings on a shared machine are not."""
    from unittest import mock

    from referrals.main import create_app
    from referrals.settings import ReferralsSettings

    env = {k: v for k, v in platform.service_env("referrals").items() if k != "REFERRALS_AUDIT_ANCHOR_PATH"}

    async def run() -> StatementLog:
        with mock.patch.dict(os.environ, env):
            settings = ReferralsSettings(audit_seal_interval_seconds=3600, funding_count_interval_seconds=3600)
        app = create_app(settings)
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://referrals") as client:
                headers = {"Authorization": f"Bearer {token}"}
                (await client.get(path, headers=headers)).raise_for_status()
                with count_statements() as log:
                    (await client.get(path, headers=headers)).raise_for_status()
        return log

    return asyncio.run(run())
