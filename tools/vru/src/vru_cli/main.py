"""``vru``: the developer command.

vru up          start everything (embedded PostgreSQL, migrations, seed data, services, gateway)
vru test        run all checks: ruff, mypy --strict, alembic check (in pytest), pytest in stages
vru token WHO   print a development access token for a seeded person (e-mail) or API client (client id)
vru openapi     write the merged OpenAPI document of the whole API
vru backup      a logical dump of the platform database with a manifest (--base: a base backup for PITR)
vru restore     a backup into an empty database, checked (--base … --to …: point-in-time recovery)
vru bank-holidays  refresh the England and Wales bank holidays (working days) from GOV.UK
vru client generate   regenerate the Python client partners install (clients/python) from that document
vru client check      exit 1 when the committed client differs from a fresh generation
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import httpx

from vru_shared.bank_holidays import GOV_UK_URL, SHIPPED, BankHolidays, InvalidBankHolidays

if TYPE_CHECKING:
    from vru_dev.platform import Platform

from vru_cli.deploy import (
    CLIENT_IDS,
    DATABASE_ROLES,
    REPO_ROOT,
    data_dir,
    migrate_all,
    seed_identity,
    seed_referrals,
    service_secret,
    wal_archive,
)


def cmd_up(args: argparse.Namespace) -> int:
    try:  # the development kit (embedded PostgreSQL, Traefik binary) is not in the runtime image
        from vru_dev.platform import Platform, PlatformConfig, Ports
    except ImportError:
        print("vru up: the development kit (vru-dev) is not installed; run ./vru up from a checkout", file=sys.stderr)
        return 2
    data_dir = Path(args.data_dir).resolve()
    config = PlatformConfig(
        data_dir=data_dir,
        wal_archive=None if os.environ.get("DATABASE_URL") else wal_archive(data_dir),
        ports=Ports.from_env(),
        database_url=os.environ.get("DATABASE_URL") or None,
        cors_origins=tuple(o for o in os.environ.get("VRU_CORS_ORIGINS", "http://localhost:5173").split(",") if o),
        # Tracing (docs/operations.md, "Tracing"): the services read the variable themselves; Traefik is told.
        otlp_endpoint=os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT") or None,
        supervise=True,
    )
    platform = Platform(config)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    print(data_location(data_dir, config.database_url, config.wal_archive), flush=True)
    print("vru: starting PostgreSQL, migrating, seeding, starting services and gateway…", flush=True)
    try:
        platform.start()
        print_banner(platform)
        if args.exit_when_ready:
            return 0
        # The platform's supervisor restarts a service, Traefik or PostgreSQL that exits (with backoff, a crash
        # loop reported here and in logs/supervisor.log); this waits for Ctrl-C or SIGTERM.
        stop.wait()
        return 0
    except (RuntimeError, TimeoutError, OSError) as exc:
        print(f"vru: could not start: {exc}", file=sys.stderr)
        return 1
    finally:
        print("vru: stopping…", flush=True)
        platform.stop()
        print("vru: stopped. Data kept in", config.data_dir, flush=True)


def data_location(data_dir: Path, database_url: str | None, archive: Path | None) -> str:
    """Where ``vru up`` keeps the data, and a warning when that is inside the checkout."""
    if database_url:
        return f"vru: data in the PostgreSQL of DATABASE_URL; logs in {data_dir}"
    where = f"vru: data in {data_dir} (PostgreSQL: pgdata/, WAL archive: {archive or 'off'})"
    if data_dir.is_relative_to(REPO_ROOT):
        where += (
            "\nvru: that is inside the checkout (git clean -fdx deletes it): set VRU_DATA_DIR (or --data-dir) to a "
            "folder outside it for data that matters, and back it up (docs/backup.md)"
        )
    return where


def print_banner(platform: Platform) -> None:
    cfg = platform.config
    lines = [
        "",
        "VRU Platform is up.",
        f"  Front end:           {cfg.gateway_url}/  (sign in with a development person below)",
        f"  Gateway (the API):   {cfg.gateway_url}/v1",
        f"  API docs:            {cfg.gateway_url}/docs",
        f"  Merged OpenAPI:      {cfg.gateway_url}/openapi.json",
        f"  Get a token:         curl -s -d grant_type=password -d username=analyst@example.org "
        f"-d password=vru-dev-password {cfg.gateway_url}/oauth/token",
        f"  Gateway metrics:     http://{cfg.host}:{cfg.ports.gateway_internal}/metrics",
        "  Services (direct):   " + ", ".join(f"{s} {cfg.service_url(s)}" for s in cfg.ports.services),
        f"  E-mail and SMS:      {cfg.notify_standin_url}/  (the GOV.UK Notify stand-in: what would have been sent)",
        f"  Logs:                {cfg.data_dir / 'logs'} (restarts: supervisor.log)",
        f"  Data:                {cfg.data_dir} (back up: vru backup DIR; docs/backup.md)",
        "",
        "Development credentials (made-up; development only):",
    ]
    for credential in platform.credentials:
        roles = ",".join(credential.roles)
        lines.append(f"  {credential.kind:<7} {credential.login:<40} {credential.secret:<32} {roles}")
    lines += ["", "A service, the gateway or PostgreSQL that exits is restarted. Press Ctrl-C to stop everything."]
    print("\n".join(lines), flush=True)


def find_chromium() -> str | None:
    for candidate in (os.environ.get("VRU_CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def ensure_chromium() -> str:
    """The browser tests drive Debian's chromium: find it, or install it where this user may (root, apt)."""
    found = find_chromium()
    if found:
        return found
    apt = shutil.which("apt-get")
    if apt and os.geteuid() == 0:
        print("vru test: installing chromium for the browser tests (apt-get install chromium)", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run([apt, "update", "-qq"], check=False, env=env)  # noqa: S603
        subprocess.run([apt, "install", "-y", "-qq", "chromium"], check=False, env=env)  # noqa: S603
        found = find_chromium()
    if not found:
        raise SystemExit(
            "vru test: chromium is needed for the browser tests: apt-get install chromium (or VRU_CHROMIUM)"
        )
    return found


def cmd_test(args: argparse.Namespace) -> int:
    """Lint, types, then pytest in stages: the main suite; the fault runs (platforms of their own, processes
    killed under load); the front end in chromium. Steps of one group run at the same time (types beside the
    main suite; faults beside the browser), as neither keeps both cores busy alone; ``VRU_TEST_SERIAL=1`` runs
    them one after another."""
    os.environ.setdefault("VRU_CHROMIUM", ensure_chromium())
    groups = [
        [["ruff", "check", "."]],
        [["ruff", "format", "--check", "."]],
        [
            ["pytest", "-m", "not browser and not faults", *args.pytest_args],
            ["mypy", "shared/src", "shared/tests", "services", "tools", "clients", "tests", "bench", "conftest.py"],
        ],
        [["pytest", "-m", "faults", *args.pytest_args], ["pytest", "-m", "browser", *args.pytest_args]],
    ]
    if os.environ.get("VRU_TEST_SERIAL"):
        groups = [[step] for group in groups for step in group]
    for group in groups:
        if (code := run_together(group)) != 0:
            return code
    return 0


def run_together(steps: list[list[str]]) -> int:
    """Run the steps at once: the first writes to the terminal as it goes, the others' output is shown when each
    ends. Returns the first failing step's exit code (0 when all passed)."""
    bin_dir = Path(sys.executable).parent
    print("vru test: " + " & ".join(" ".join(step) for step in steps), flush=True)
    failed = 0
    with contextlib.ExitStack() as stack:
        logs = [stack.enter_context(tempfile.TemporaryFile()) for _ in steps[1:]]
        processes = [
            subprocess.Popen(  # noqa: S603
                [str(bin_dir / step[0]), *step[1:]],
                cwd=REPO_ROOT,
                stdout=None if i == 0 else logs[i - 1],
                stderr=None if i == 0 else subprocess.STDOUT,
            )
            for i, step in enumerate(steps)
        ]
        for i, (step, process) in enumerate(zip(steps, processes, strict=True)):
            code = process.wait()
            if i > 0:
                logs[i - 1].seek(0)
                print(f"vru test: output of {' '.join(step)}", flush=True)
                sys.stdout.buffer.write(logs[i - 1].read())
                sys.stdout.flush()
            # A stage that a -k or a path narrowed to nothing (pytest's 5) is not a failure.
            if (code not in (0, 5) or (code == 5 and step[0] != "pytest")) and not failed:
                print(f"vru test: {' '.join(step)} failed ({code})", flush=True)
                failed = code
    return failed


def dev_secret(login: str) -> str:
    """The seeded development password (people) or client secret (API clients)."""
    clients = {client_id: service_secret(service) for service, client_id in CLIENT_IDS.items()}
    clients["police-crime-feed"] = "dev-only-police-feed-secret"
    return clients.get(login, "vru-dev-password")


def cmd_token(args: argparse.Namespace) -> int:
    url = args.url.rstrip("/") + "/oauth/token"
    secret = args.secret or dev_secret(args.who)
    if "@" in args.who:
        data = {"grant_type": "password", "username": args.who, "password": secret}
        auth = None
    else:
        data = {"grant_type": "client_credentials"}
        auth = (args.who, secret)
    try:
        response = httpx.post(url, data=data, auth=auth, timeout=10.0)
    except httpx.HTTPError as exc:
        print(f"vru token: {url} is not reachable ({exc}); is `vru up` running?", file=sys.stderr)
        return 1
    if response.status_code != 200:
        print(f"vru token: {response.status_code} {response.text}", file=sys.stderr)
        return 1
    print(response.json()["access_token"])
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    """Migrate every service's schema from ``<SERVICE>_DATABASE_URL`` (docker-compose's one-shot job)."""
    missing = [s for s in DATABASE_ROLES if not os.environ.get(f"{s.upper()}_DATABASE_URL")]
    if missing:
        print("vru migrate: set " + ", ".join(f"{s.upper()}_DATABASE_URL" for s in missing), file=sys.stderr)
        return 2
    urls = {s: os.environ[f"{s.upper()}_DATABASE_URL"] for s in DATABASE_ROLES}
    asyncio.run(migrate_all(urls))
    print("vru migrate: all services at head")
    if args.seed:
        credentials = asyncio.run(seed_identity(urls["identity"]))
        print(f"vru migrate: development identities seeded ({len(credentials)})")
        linked = asyncio.run(seed_referrals(urls["referrals"]))
        print(f"vru migrate: development partner agencies linked ({linked} changed)")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    """The benchmark suite (bench/run.py): starts its own platform; prints and records a results table."""
    command = [sys.executable, "-m", "bench.run", *args.bench_args]
    return subprocess.run(command, cwd=REPO_ROOT, check=False).returncode  # noqa: S603


def cmd_openapi(args: argparse.Namespace) -> int:
    from vru_cli.openapi import merged_openapi

    document = merged_openapi()
    Path(args.output).write_text(json.dumps(document, indent=2) + "\n")
    print(f"vru openapi: wrote {args.output} ({len(document.get('paths', {}))} paths)")
    return 0


def embedded_url(data_dir: Path, database: str) -> str | None:
    """The running embedded PostgreSQL's superuser URL (``vru up``), or None with a message why not."""
    try:
        from vru_dev.embedded import running_url
    except ImportError:
        print("vru: the development kit is not installed: give the database with --url", file=sys.stderr)
        return None
    url = running_url(data_dir, database)
    if url is None:
        print(
            f"vru: the embedded PostgreSQL of {data_dir} is not running: start `vru up` or give --url", file=sys.stderr
        )
    return url


def cmd_backup(args: argparse.Namespace) -> int:
    from vru_cli.backup import BackupError, backup

    url = args.url or os.environ.get("DATABASE_URL") or embedded_url(Path(args.data_dir), args.database)
    if url is None:
        return 2
    destination = Path(args.destination)
    try:
        if args.base:
            from vru_dev.embedded import archive_now, base_backup

            manifest = base_backup(url, destination, wal_archive(Path(args.data_dir)))
            archive_now(url)
            print(f"vru backup: base backup in {destination}, WAL archive {manifest['wal_archive']}")
            return 0
        result = backup(url, destination, dump_format=args.format)
    except BackupError as exc:
        print(f"vru backup: {exc}", file=sys.stderr)
        return 1
    tables = result.manifest["tables"]
    rows = sum(sum(t.values()) for t in tables.values())
    head = result.manifest["audit_chain"]
    print(f"vru backup: {destination}: {sum(len(t) for t in tables.values())} tables, {rows} rows", end="")
    print(f"; audit chain head at position {head['position']}" if head else "")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from vru_cli.backup import BackupError, restore

    data_dir = Path(args.data_dir).resolve()
    try:
        if args.base:
            if not args.to:
                print("vru restore: --base needs --to <timestamp with time zone>", file=sys.stderr)
                return 2
            from vru_dev.embedded import recover

            archive = Path(args.wal_archive) if args.wal_archive else None
            stopped_at = recover(Path(args.base), data_dir, args.to, archive)
            print(
                f"vru restore: {data_dir} recovered to {args.to} (WAL {stopped_at}); "
                f"start it: vru up --data-dir {data_dir}"
            )
            return 0
        if args.source is None:
            print("vru restore: give the backup folder (or --base for point-in-time recovery)", file=sys.stderr)
            return 2
        url = args.url or os.environ.get("DATABASE_URL")
        if url is None:
            from vru_dev.embedded import start_embedded
            from vru_dev.provision import create_database
            from vru_dev.testing import with_database

            pg = start_embedded(data_dir / "pgdata", None)
            try:
                url = with_database(pg.get_uri(), args.database)
                asyncio.run(create_database(with_database(url, "postgres"), args.database))
                report = restore(url, Path(args.source))
            finally:
                pg.cleanup()
        else:
            report = restore(url, Path(args.source))
    except BackupError as exc:
        print(f"vru restore: {exc}", file=sys.stderr)
        return 1
    for line in report.lines():
        print("vru restore: " + line)
    if not report.ok:
        print("vru restore: the restored database does NOT match the backup", file=sys.stderr)
        return 1
    print("vru restore: the restored database matches the backup")
    return 0


def cmd_bank_holidays(args: argparse.Namespace) -> int:
    """Refresh the England and Wales bank holidays (working days, review targets) from GOV.UK's feed."""
    try:
        response = httpx.get(args.url, timeout=30, follow_redirects=False)
        response.raise_for_status()
        kept = BankHolidays.division_only(response.json())
    except (httpx.HTTPError, ValueError, InvalidBankHolidays) as exc:
        print(f"vru bank-holidays: {args.url} gave no usable list ({exc}); nothing written", file=sys.stderr)
        return 1
    Path(args.output).write_text(json.dumps(kept, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    holidays = BankHolidays.parse(kept)
    print(f"vru bank-holidays: wrote {args.output} ({len(holidays.days)} days, to {holidays.covers_until})")
    return 0


def cmd_client_generate(args: argparse.Namespace) -> int:
    """Regenerate ``clients/python`` from the merged OpenAPI document (development checkout only)."""
    from vru_cli import client
    from vru_cli.openapi import merged_openapi

    try:
        count = client.write(merged_openapi())
    except client.GeneratorMissing as exc:
        print(f"vru client generate: {exc}", file=sys.stderr)
        return 2
    print(f"vru client generate: wrote {count} files to {client.PACKAGE_DIR.relative_to(REPO_ROOT)}")
    return 0


def cmd_client_check(args: argparse.Namespace) -> int:
    """Exit 1 when the committed ``clients/python`` differs from a fresh generation (what the test checks)."""
    from vru_cli import client
    from vru_cli.openapi import merged_openapi

    try:
        differences = client.differences(merged_openapi())
    except client.GeneratorMissing as exc:
        print(f"vru client check: {exc}", file=sys.stderr)
        return 2
    for line in differences:
        print(f"vru client check: {line}")
    if differences:
        print(f"vru client check: the client is stale; run `{client.REGENERATE}`", file=sys.stderr)
        return 1
    print("vru client check: up to date")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="vru", description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    up = sub.add_parser("up", help="start everything")
    up.add_argument(
        "--data-dir", default=str(data_dir()), help="where PostgreSQL data and logs live (default: VRU_DATA_DIR, .vru)"
    )
    up.add_argument("--exit-when-ready", action="store_true", help="stop again once everything is ready (smoke)")
    up.set_defaults(func=cmd_up)

    test = sub.add_parser("test", help="run all checks and tests")
    test.add_argument("pytest_args", nargs=argparse.REMAINDER, help="passed to pytest")
    test.set_defaults(func=cmd_test)

    token = sub.add_parser("token", help="print a development access token")
    token.add_argument("who", help="a seeded person's e-mail or an API client id")
    token.add_argument("--secret", help="password or client secret (default: the seeded development one)")
    token.add_argument(
        "--url", default=f"http://127.0.0.1:{os.environ.get('VRU_GATEWAY_PORT', '8080')}", help="gateway URL"
    )
    token.set_defaults(func=cmd_token)

    bench = sub.add_parser("bench", help="run the benchmark suite (bench/), about 15 minutes")
    bench.add_argument("bench_args", nargs=argparse.REMAINDER, help="passed to bench/run.py (--only, --seconds)")
    bench.set_defaults(func=cmd_bench)

    migrate = sub.add_parser("migrate", help="migrate every service's schema (URLs from the environment)")
    migrate.add_argument("--seed", action="store_true", help="also seed development identities")
    migrate.set_defaults(func=cmd_migrate)

    openapi = sub.add_parser("openapi", help="write the merged OpenAPI document")
    openapi.add_argument("-o", "--output", default="openapi.json")
    openapi.set_defaults(func=cmd_openapi)

    backup = sub.add_parser("backup", help="back up the platform database (docs/backup.md)")
    backup.add_argument("destination", help="a new folder for the dump and its manifest (or the base backup)")
    backup.add_argument("--url", help="a superuser URL of the database (default: DATABASE_URL, else vru up's)")
    backup.add_argument("--data-dir", default=str(data_dir()), help="vru up's data folder (default: VRU_DATA_DIR)")
    backup.add_argument("--database", default="vru", help="the embedded PostgreSQL's database (default: vru)")
    backup.add_argument("--format", choices=("custom", "directory"), default="custom", help="pg_dump's format")
    backup.add_argument("--base", action="store_true", help="a base backup (pg_basebackup) for point-in-time recovery")
    backup.set_defaults(func=cmd_backup)

    restore = sub.add_parser("restore", help="restore a backup into an empty database (docs/backup.md)")
    restore.add_argument("source", nargs="?", help="the folder `vru backup` wrote")
    restore.add_argument(
        "--url",
        help="a superuser URL of the EMPTY target database (default: DATABASE_URL, else "
        "the embedded PostgreSQL of --data-dir, started for the restore)",
    )
    restore.add_argument("--data-dir", default=str(data_dir()), help="the (new) data folder (default: VRU_DATA_DIR)")
    restore.add_argument("--database", default="vru", help="the embedded PostgreSQL's database (default: vru)")
    restore.add_argument("--base", help="point-in-time recovery from this base backup into --data-dir (a new folder)")
    restore.add_argument("--to", help="with --base: the moment to recover to, e.g. '2026-12-03 15:04:05+00'")
    restore.add_argument("--wal-archive", help="with --base: the WAL archive (default: the base backup's)")
    restore.set_defaults(func=cmd_restore)

    holidays = sub.add_parser("bank-holidays", help="refresh the England and Wales bank holidays from GOV.UK")
    holidays.add_argument("--url", default=GOV_UK_URL, help="GOV.UK's bank-holidays.json (or a copy of it)")
    holidays.add_argument("--output", default=str(SHIPPED), help="the list to write (default: the shipped one)")
    holidays.set_defaults(func=cmd_bank_holidays)

    client = sub.add_parser("client", help="the Python client partners install (clients/python)")
    client_sub = client.add_subparsers(dest="client_command", required=True)
    generate = client_sub.add_parser("generate", help="regenerate it from the merged OpenAPI document")
    generate.set_defaults(func=cmd_client_generate)
    check = client_sub.add_parser("check", help="exit 1 when the committed client is stale")
    check.set_defaults(func=cmd_client_check)

    # `vru test -q -x` and `vru bench --only read`: what follows those commands goes to pytest / bench/run.py
    # as it is (argparse's REMAINDER does not take a leading option).
    args, passed_on = parser.parse_known_args(argv)
    if passed_on and args.command not in ("test", "bench"):
        parser.error("unrecognized arguments: " + " ".join(passed_on))
    if args.command == "test":
        args.pytest_args = [*passed_on, *args.pytest_args]
    if args.command == "bench":
        args.bench_args = [*passed_on, *args.bench_args]
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
