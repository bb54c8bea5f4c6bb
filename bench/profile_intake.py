"""Profile bulk intake in-process (no HTTP server, no gateway): ``python -m bench.profile_intake``.

Starts an embedded PostgreSQL in a scratch folder, migrates it, builds the referrals app and posts the bench's
CSV files (streamed in 64 KiB chunks, as a server hands them over) through an in-process ASGI transport.
For each 10,000-row request it prints the rows/s, the CPU time of this Python process and of PostgreSQL per
row, and the time spent in the cyclic garbage collector's full collections — what the wall time is made of.
``--freeze`` calls ``gc.freeze()`` once the app is up (as a service could after start-up), ``--profile FILE``
writes a cProfile of the imports. Not part of the tests; the machine's other load shows in the wall times.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import os
import shutil
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pgserver

from bench.run import intake_csv
from vru_cli.deploy import SERVICES
from vru_dev.provision import create_database, provision
from vru_dev.testing import TEST_ISSUER, TestIssuer, database_url, service_root, with_database
from vru_shared import migrations

CHUNK = 64 * 1024


class FullCollections:
    """Seconds spent in the garbage collector's full (generation 2) collections, and how many."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.count = 0
        self._started = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, Any]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._started
            self.count += 1


def postgres_cpu(pgdata: Path) -> float:
    """CPU seconds used so far by the server's processes: the postmaster and its children (the backends and
    background workers), from /proc."""
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


async def chunks(body: bytes) -> AsyncIterator[bytes]:
    for start in range(0, len(body), CHUNK):
        yield body[start : start + CHUNK]


async def main(files: int, rows: int, profile: str | None, freeze: bool) -> None:
    pgdata = Path(tempfile.mkdtemp(prefix="vru-profile-pg-"))
    server = pgserver.get_server(pgdata, cleanup_mode="stop")
    try:
        admin = with_database(server.get_uri(), "vru")
        await create_database(with_database(admin, "postgres"), "vru")
        passwords = {s: f"p-{s}" for s in SERVICES}
        await provision(admin, passwords)
        url = database_url(admin, user="referrals", password=passwords["referrals"])
        await migrations.upgrade(service_root("referrals"), url)

        from referrals.main import create_app
        from referrals.settings import ReferralsSettings

        issuer = TestIssuer()
        app = create_app(ReferralsSettings(database_url=url, token_issuer=TEST_ISSUER))
        bodies = [intake_csv(i * rows, rows) for i in range(files)]
        profiler = cProfile.Profile() if profile else None
        collections = FullCollections()
        async with app.router.lifespan_context(app):
            app.state.token_verifier = issuer.verifier()
            if freeze:
                gc.collect()
                gc.freeze()
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://t", timeout=600) as client:
                headers = {
                    **issuer.headers(kind="client", scopes=["incidents:ingest"], client_id="police-feed"),
                    "Content-Type": "text/csv",
                }
                wall = 0.0
                for n, body in enumerate([*bodies, bodies[0]]):
                    if profiler:
                        profiler.enable()
                    gc_seconds, gc_count = collections.seconds, collections.count
                    pg = postgres_cpu(pgdata)
                    started, cpu = time.perf_counter(), time.process_time()
                    response = await client.post("/v1/imports/incidents.csv", content=chunks(body), headers=headers)
                    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
                    pg = postgres_cpu(pgdata) - pg
                    if profiler:
                        profiler.disable()
                    response.raise_for_status()
                    result = response.json()
                    what = "resend of file 0" if n == files else f"file {n}"
                    print(
                        f"{what:>16}: {rows / elapsed:7,.0f} rows/s | µs per row: wall {elapsed / rows * 1e6:5.1f}, "
                        f"Python CPU {cpu / rows * 1e6:5.1f}, PostgreSQL CPU {pg / rows * 1e6:5.1f} | "
                        f"full GCs {collections.count - gc_count} ({collections.seconds - gc_seconds:.2f} s) | "
                        f"created {result['created']}, unchanged {result['unchanged']}",
                        flush=True,
                    )
                    if n < files:
                        wall += elapsed
                print(f"new reports: {files * rows / wall:,.0f} rows/s over {files * rows:,} rows")
        if profiler and profile:
            profiler.dump_stats(profile)
    finally:
        server.cleanup()
        shutil.rmtree(pgdata, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=3)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--profile")
    parser.add_argument("--freeze", action="store_true", help="gc.freeze() after start-up")
    args = parser.parse_args()
    asyncio.run(main(args.files, args.rows, args.profile, args.freeze))
