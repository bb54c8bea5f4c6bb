"""``vru``: the developer command.

vru up          start everything (embedded PostgreSQL, migrations, seed data, services, gateway)
vru test        run all checks: ruff, mypy --strict, alembic check (in pytest), pytest
vru token WHO   print a development access token for a seeded person (e-mail) or API client (client id)
vru openapi     write the merged OpenAPI document of the whole API
vru client generate   regenerate the Python client partners install (clients/python) from that document
vru client check      exit 1 when the committed client differs from a fresh generation
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from vru_dev.platform import Platform

from vru_cli.deploy import (
    CLIENT_IDS,
    DATABASE_ROLES,
    REPO_ROOT,
    migrate_all,
    seed_identity,
    seed_referrals,
    service_secret,
)


def cmd_up(args: argparse.Namespace) -> int:
    try:  # the development kit (embedded PostgreSQL, Traefik binary) is not in the runtime image
        from vru_dev.platform import Platform, PlatformConfig, Ports
    except ImportError:
        print("vru up: the development kit (vru-dev) is not installed; run ./vru up from a checkout", file=sys.stderr)
        return 2
    config = PlatformConfig(
        data_dir=Path(args.data_dir).resolve(),
        ports=Ports.from_env(),
        database_url=os.environ.get("DATABASE_URL") or None,
        cors_origins=tuple(o for o in os.environ.get("VRU_CORS_ORIGINS", "http://localhost:5173").split(",") if o),
        supervise=True,
    )
    platform = Platform(config)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
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
        f"  Logs:                {cfg.data_dir / 'logs'} (restarts: supervisor.log)",
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
    killed under load); the front end in chromium."""
    os.environ.setdefault("VRU_CHROMIUM", ensure_chromium())
    steps = [
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
        ["mypy", "shared/src", "shared/tests", "services", "tools", "clients", "tests", "bench", "conftest.py"],
        ["pytest", "-m", "not browser and not faults", *args.pytest_args],
        ["pytest", "-m", "faults", *args.pytest_args],
        ["pytest", "-m", "browser", *args.pytest_args],
    ]
    bin_dir = Path(sys.executable).parent
    for step in steps:
        print("vru test: " + " ".join(step), flush=True)
        result = subprocess.run([str(bin_dir / step[0]), *step[1:]], cwd=REPO_ROOT, check=False)  # noqa: S603
        # A stage that a -k or a path narrowed to nothing (pytest's 5) is not a failure.
        if result.returncode not in (0, 5) or (result.returncode == 5 and step[0] != "pytest"):
            return result.returncode
    return 0


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
    up.add_argument("--data-dir", default=str(REPO_ROOT / ".vru"), help="where PostgreSQL data and logs live")
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
