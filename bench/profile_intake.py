"""Profile bulk intake in-process (no HTTP server, no gateway): ``python -m bench.profile_intake``.

Starts an embedded PostgreSQL in a scratch folder, migrates it, builds the referrals app and posts the bench's
CSV files (streamed in 64 KiB chunks, as a server hands them over) through an in-process ASGI transport.
For each 10,000-row request it prints the rows/s, the CPU time of this Python process and of PostgreSQL per
row, and the time spent in the cyclic garbage collector's full collections — what the wall time is made of —
then the time the service waited for each statement (µs per row, slowest first). At the end, the indexes of the
tables intake writes with how often a statement used each (``pg_stat_user_indexes``) and their size.
``--freeze`` calls ``gc.freeze()`` once the app is up (as a service could after start-up), ``--profile FILE``
writes a cProfile of the imports (``python -m pstats FILE``), ``--explain`` prints the ``EXPLAIN (ANALYZE,
BUFFERS)`` of the similar-names statement of each file's last chunk. Not part of the tests; the machine's other
load shows in the wall times.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import shutil
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pgserver
from asyncpg.prepared_stmt import PreparedStatement

from bench.load import postgres_cpu
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


class StatementTimes:
    """Wall seconds of each statement the service sends (from sending it to its last row), summed per statement
    text, by wrapping asyncpg's calls: the prepared statements SQLAlchemy runs and the raw ``execute``, ``fetch``,
    ``fetchval`` and ``COPY`` of ``referrals.bulk``. One connection, one statement at a time: the sum is the time
    the request waited for PostgreSQL (the parsing of the next chunk overlaps it)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.counts: dict[str, int] = {}
        for owner, name in (
            (PreparedStatement, "fetch"),
            (PreparedStatement, "fetchval"),
            (PreparedStatement, "executemany"),
            (asyncpg.Connection, "execute"),
            (asyncpg.Connection, "fetch"),
            (asyncpg.Connection, "fetchval"),
            (asyncpg.Connection, "copy_records_to_table"),
        ):
            setattr(owner, name, self._timed(getattr(owner, name)))

    def _timed(self, method: Any) -> Any:
        times = self

        async def timed(target: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(target, PreparedStatement):
                what = target.get_query()
            elif method.__name__ == "copy_records_to_table":
                what = f"COPY {kwargs.get('schema_name')}.{args[0]}"
            else:
                what = str(args[0])
            key = " ".join(what.split())[:90]
            started = time.perf_counter()
            try:
                return await method(target, *args, **kwargs)
            finally:
                times.seconds[key] = times.seconds.get(key, 0.0) + time.perf_counter() - started
                times.counts[key] = times.counts.get(key, 0) + 1

        return timed

    def report(self, rows: int) -> None:
        total = sum(self.seconds.values())
        print(f"time waiting for PostgreSQL: {total / rows * 1e6:5.1f} µs per row; by statement (µs per row, count):")
        for key, seconds in sorted(self.seconds.items(), key=lambda item: -item[1])[:15]:
            print(f"  {seconds / rows * 1e6:6.1f} {self.counts[key]:5d}  {key}")
        self.seconds.clear()
        self.counts.clear()


#: The tables an import writes.
INTAKE_TABLES = ("incidents", "incident_people", "incident_changes", "subjects", "subject_duplicates")


async def index_use(admin: str) -> None:
    """The indexes of the tables an import writes: how often a statement used each (``idx_scan``) and its size.
    An index no statement of the workload used is written on every row for nothing."""
    connection = await asyncpg.connect(admin)
    try:
        rows = await connection.fetch(
            "SELECT relname, indexrelname, idx_scan, pg_relation_size(indexrelid) AS bytes FROM pg_stat_user_indexes "
            "WHERE schemaname = 'referrals' AND relname = ANY($1::text[]) ORDER BY relname, indexrelname",
            list(INTAKE_TABLES),
        )
    finally:
        await connection.close()
    print("indexes of the tables intake writes (idx_scan over this run, size):")
    for row in rows:
        print(f"  {row['relname']:>18} {row['indexrelname']:<44} {row['idx_scan']:>8} {row['bytes'] / 2**20:7.1f} MiB")


async def chunks(body: bytes) -> AsyncIterator[bytes]:
    for start in range(0, len(body), CHUNK):
        yield body[start : start + CHUNK]


def explain_similar_names(plans: list[str]) -> None:
    """Run the similar-names statement as ``EXPLAIN (ANALYZE, BUFFERS)`` (which executes it: the flags are
    written all the same), keeping each plan in ``plans``."""
    from referrals import bulk
    from referrals.subject.models import DuplicateStatus
    from referrals.subject.repository import MAX_FLAGS, SIMILAR_NAMES, SubjectRepository

    async def explained(self: SubjectRepository, subject_ids: Any, threshold: float) -> int:
        connection = await bulk.driver(self.session)
        rows = await connection.fetch(
            "EXPLAIN (ANALYZE, BUFFERS) " + SIMILAR_NAMES,
            list(subject_ids),
            threshold,
            MAX_FLAGS,
            DuplicateStatus.OPEN.value,
        )
        plans.append("\n".join(row[0] for row in rows))
        return 0

    SubjectRepository.flag_similar_names = explained  # type: ignore[method-assign]


async def main(files: int, rows: int, profile: str | None, freeze: bool, explain: bool) -> None:
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
        statements = StatementTimes()
        plans: list[str] = []
        if explain:
            explain_similar_names(plans)
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
                    statements.report(rows)
                    if plans:
                        print(f"the similar-names statement of the last chunk:\n{plans[-1]}")
                        plans.clear()
                    if n < files:
                        wall += elapsed
                print(f"new reports: {files * rows / wall:,.0f} rows/s over {files * rows:,} rows")
        await index_use(admin)
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
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE of the similar-names statement")
    args = parser.parse_args()
    asyncio.run(main(args.files, args.rows, args.profile, args.freeze, args.explain))
