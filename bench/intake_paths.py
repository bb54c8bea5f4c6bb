"""Where an import's time goes on the running platform: ``python -m bench.intake_paths [--seed]``.

Starts the platform as ``./vru bench`` does (``--seed``: with the bench's 10,000 seeded reviews), then posts the
bench's ten 10,000-row CSV files, alternately through the gateway and straight to the referrals service, and
prints for each file its wall time and the CPU spent per row by the referrals service, by Traefik and by
PostgreSQL (all its processes: backends, autovacuum, checkpointer). Not part of the tests; the machine's other
load shows in the wall times.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import time
from pathlib import Path

import httpx

from bench.load import feed_token, postgres_cpu, process_cpu, scratch_dir
from bench.run import intake_csv, seed_incidents
from vru_dev.platform import Platform, PlatformConfig, Ports

ROWS = 10_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", action="store_true", help="seed the bench's 10,000 reviews first")
    parser.add_argument("--files", type=int, default=10)
    args = parser.parse_args()
    unlimited = 1_000_000
    config = PlatformConfig(
        data_dir=scratch_dir(),
        ports=Ports.free(),
        rate_average=unlimited,
        rate_burst=unlimited,
        source_rate_average=unlimited,
        source_rate_burst=unlimited,
        token_rate_per_minute=unlimited,
        token_rate_burst=unlimited,
    )
    platform = Platform(config)
    platform.start()
    try:
        gateway = config.gateway_url
        direct = config.service_url("referrals")
        dsn = platform.service_db_urls["referrals"].replace("postgresql+asyncpg://", "postgresql://")
        if args.seed:
            asyncio.run(seed_incidents(dsn, 1, 10_000))
        token = feed_token(gateway)
        referrals, traefik = platform.processes["referrals"].pid, platform.processes["gateway"].pid
        pgdata = Path(platform.pg.pgdata)
        files = [intake_csv(i, ROWS) for i in range(0, args.files * ROWS, ROWS)]
        with httpx.Client(timeout=300) as client:
            for n, body in enumerate(files):
                url, way = (gateway, "gateway") if n % 2 == 0 else (direct, "direct ")
                before = process_cpu(referrals), process_cpu(traefik), postgres_cpu(pgdata)
                started = time.perf_counter()
                response = client.post(
                    url + "/v1/imports/incidents.csv",
                    content=body,
                    headers={"Authorization": f"Bearer {token}", "Content-Type": "text/csv"},
                )
                response.raise_for_status()
                wall = time.perf_counter() - started
                after = process_cpu(referrals), process_cpu(traefik), postgres_cpu(pgdata)
                service, proxy, database = ((a - b) / ROWS * 1e6 for a, b in zip(after, before, strict=True))
                print(
                    f"file {n} {way}: {wall / ROWS * 1e6:5.0f} µs a row wall | CPU µs a row: referrals {service:4.0f},"
                    f" Traefik {proxy:3.0f}, PostgreSQL {database:4.0f} | created {response.json()['created']}",
                    flush=True,
                )
    finally:
        platform.stop()
        shutil.rmtree(config.data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
