"""Development only (``vru_dev``). The whole platform on one machine: embedded PostgreSQL (or
``DATABASE_URL``), roles and schemas, migrations, development seed data, the services (uvicorn, one
process each) and Traefik.

Used by ``vru up`` and by the end-to-end tests, so both run exactly the same thing.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import httpx

from vru_cli.deploy import (
    CLIENT_IDS,
    DATABASE_ROLES,
    SERVICES,
    WEB,
    migrate_all,
    seed_identity,
    seed_referrals,
    service_secret,
)
from vru_dev import frontdoor
from vru_dev.embedded import start_embedded
from vru_dev.gateway import GatewayConfig, traefik_command
from vru_dev.notify_standin import DEV_API_KEY
from vru_dev.provision import create_database, provision
from vru_dev.supervisor import Backoff, CrashLoop, Supervisor
from vru_dev.testing import database_url, with_database

APP_FACTORIES = {
    "identity": "identity.main:create_app",
    "referrals": "referrals.main:create_app",
    "funding": "funding.main:create_app",
    "etp_inventory": "etp_inventory.main:create_app",
    "notifications": "notifications.main:create_app",
    WEB: "web.main:create_app",
}
#: Every process the platform runs besides the gateway: the APIs and the front end.
APPS: tuple[str, ...] = (*SERVICES, WEB)
#: A path of each service's API behind the gateway that an unauthenticated request gets the service's 401 for, with
#: no database work, and without building its OpenAPI document (built on the first request and kept for the life of
#: the process: ~8 MB a service would carry from its start when the start-up check asked for it; issue 17).
ROUTED_PATHS: dict[str, str] = {
    "identity": "/v1/agencies",
    "referrals": "/v1/districts",
    "funding": "/v1/funds",
    "etp_inventory": "/v1/packs",
    "notifications": "/v1/webhook-subscriptions",
}
#: The GOV.UK Notify stand-in's process name (``python -m vru_dev.notify_standin``): what would be e-mailed or texted.
NOTIFY_STANDIN = "notify-standin"
#: Which peers each service calls (DESIGN §1, issue links): base URLs are passed in as settings.
PEERS = {
    "identity": ("referrals", "funding", "etp_inventory", "notifications"),
    "referrals": ("funding", "notifications"),
    "funding": ("referrals", "notifications"),
    "etp_inventory": ("funding", "referrals", "identity", "notifications"),
    "notifications": ("identity",),
    WEB: (),
}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Ports:
    gateway: int = 8080
    gateway_internal: int = 8081
    #: The GOV.UK Notify stand-in (vru_dev.notify_standin).
    notify_standin: int = 8107
    services: dict[str, int] = field(
        default_factory=lambda: {
            "identity": 8101,
            "referrals": 8102,
            "funding": 8103,
            "etp_inventory": 8104,
            WEB: 8105,
            "notifications": 8106,
        }
    )

    @classmethod
    def free(cls) -> Ports:
        return cls(free_port(), free_port(), free_port(), {s: free_port() for s in APPS})

    @classmethod
    def from_env(cls) -> Ports:
        ports = cls()
        ports.gateway = int(os.environ.get("VRU_GATEWAY_PORT", ports.gateway))
        ports.gateway_internal = int(os.environ.get("VRU_GATEWAY_INTERNAL_PORT", ports.gateway_internal))
        ports.notify_standin = int(os.environ.get("VRU_NOTIFY_STANDIN_PORT", ports.notify_standin))
        for service in APPS:
            ports.services[service] = int(os.environ.get(f"VRU_{service.upper()}_PORT", ports.services[service]))
        return ports


@dataclass
class PlatformConfig:
    data_dir: Path
    ports: Ports
    database_url: str | None = None  # a superuser URL; None → embedded PostgreSQL under data_dir
    database: str = "vru"
    host: str = "127.0.0.1"
    cors_origins: tuple[str, ...] = ("http://localhost:5173",)
    rate_average: int = 100
    rate_burst: int = 200
    source_rate_average: int = 300
    source_rate_burst: int = 600
    token_rate_per_minute: int = 20
    token_rate_burst: int = 10
    extra_env: dict[str, str] = field(default_factory=dict)
    #: An OTLP/HTTP collector's base URL (``vru up``: ``OTEL_EXPORTER_OTLP_ENDPOINT``): Traefik and every service
    #: send it their spans (docs/operations.md, "Tracing"). ``None``: no tracing.
    otlp_endpoint: str | None = None
    #: Restart a service, Traefik or the embedded postmaster that exits (``vru up``; off for tests that stop
    #: processes on purpose).
    supervise: bool = False
    #: Where the embedded PostgreSQL archives its WAL for point-in-time recovery (``vru up``: ``<data dir>/wal-archive``
    #: unless ``VRU_WAL_ARCHIVE`` says otherwise); None: no archiving (the tests' platforms, which need none).
    wal_archive: Path | None = None
    backoff: Backoff = field(default_factory=Backoff)
    crash_loop: CrashLoop = field(default_factory=CrashLoop)

    @property
    def gateway_url(self) -> str:
        return f"http://{self.host}:{self.ports.gateway}"

    def service_url(self, service: str) -> str:
        return f"http://{self.host}:{self.ports.services[service]}"

    @property
    def notify_standin_url(self) -> str:
        return f"http://{self.host}:{self.ports.notify_standin}"


def db_password(service: str) -> str:
    return os.environ.get(f"VRU_DB_PASSWORD_{service.upper()}", f"dev-{service}-db-password")


class Platform:
    """Start with :meth:`start`, stop with :meth:`stop` (idempotent; also on Ctrl-C)."""

    def __init__(self, config: PlatformConfig) -> None:
        self.config = config
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.logs: dict[str, IO[bytes]] = {}
        #: How each process was started (argv, environment, folder): a restart repeats it.
        self.commands: dict[str, tuple[list[str], Mapping[str, str], Path | None]] = {}
        self.pg: Any = None
        self.admin_url = ""
        self.service_db_urls: dict[str, str] = {}
        self.credentials: list[Any] = []
        self.supervisor: Supervisor | None = None
        #: Holds the gateway's public port while Traefik starts (vru_dev.frontdoor); None where unsupported.
        self.front_door: frontdoor.FrontDoor | None = None
        self._gateway_starts = 0

    # --- database -----------------------------------------------------------------------------------
    def start_database(self) -> None:
        if self.config.database_url:
            self.admin_url = self.config.database_url
            return
        self.pg = start_embedded(self.config.data_dir / "pgdata", self.config.wal_archive)
        self.admin_url = with_database(self.pg.get_uri(), self.config.database)

    async def prepare_database(self) -> None:
        if not self.config.database_url:
            await create_database(with_database(self.admin_url, "postgres"), self.config.database)
        await provision(self.admin_url, {s: db_password(s) for s in DATABASE_ROLES})
        self.service_db_urls = {
            s: database_url(self.admin_url, user=s, password=db_password(s)) for s in DATABASE_ROLES
        }
        await migrate_all(self.service_db_urls)

    async def seed(self) -> None:
        self.credentials = await seed_identity(self.service_db_urls["identity"])
        await seed_referrals(self.service_db_urls["referrals"])

    # --- processes ----------------------------------------------------------------------------------
    def service_env(self, service: str) -> dict[str, str]:
        prefix = service.upper() + "_"
        env = {
            prefix + "ENVIRONMENT": os.environ.get("VRU_ENVIRONMENT", "development"),
            prefix + "DATABASE_URL": self.service_db_urls[service],
            prefix + "TOKEN_ISSUER": self.config.gateway_url,
            prefix + "JWKS_URL": self.config.service_url("identity") + "/.well-known/jwks.json",
            prefix + "IDENTITY_URL": self.config.service_url("identity"),
            prefix + "PEER_URLS": json.dumps({p: self.config.service_url(p) for p in PEERS[service]}),
        }
        if service == WEB:  # the front end calls the API through the gateway, over plain HTTP here
            env[prefix + "API_URL"] = self.config.gateway_url
            env[prefix + "COOKIE_SECURE"] = "false"
            env[prefix + "SESSION_KEY"] = os.environ.get("VRU_WEB_SESSION_KEY", "dev-only-web-session-key")
        if service == "notifications":  # links in events point at the gateway; a receiver on this machine is allowed
            env[prefix + "PUBLIC_URL"] = self.config.gateway_url
            env[prefix + "WEBHOOK_ALLOWED_HOSTS"] = json.dumps(["127.0.0.1", "localhost"])
            env[prefix + "SECRET_ENCRYPTION_KEYS"] = os.environ.get(
                "VRU_WEBHOOK_SECRET_ENCRYPTION_KEYS", json.dumps(["dev-only-webhook-secret-encryption-key"])
            )
            # e-mail and SMS notices go to the GOV.UK Notify stand-in, with its key; their links to the front end
            env[prefix + "NOTIFY_BASE_URL"] = os.environ.get("VRU_NOTIFY_BASE_URL", self.config.notify_standin_url)
            env[prefix + "NOTIFY_API_KEY"] = os.environ.get("VRU_NOTIFY_API_KEY", DEV_API_KEY)
            env[prefix + "WEB_URL"] = self.config.gateway_url
        if service == "referrals":  # the audit chain's key and anchor, outside the database
            env[prefix + "AUDIT_SEAL_KEY"] = os.environ.get("VRU_AUDIT_SEAL_KEY", "dev-only-audit-seal-key")
            env[prefix + "AUDIT_ANCHOR_PATH"] = str(self.config.data_dir / "audit-anchor.jsonl")
        if service in CLIENT_IDS:
            env[prefix + "CLIENT_ID"] = CLIENT_IDS[service]
            env[prefix + "CLIENT_SECRET"] = service_secret(service)
        if self.config.otlp_endpoint:  # vru_shared.tracing: the standard variable, as Traefik's endpoint
            env["OTEL_EXPORTER_OTLP_ENDPOINT"] = self.config.otlp_endpoint
        return env

    def _spawn(self, name: str, argv: list[str], env: Mapping[str, str], cwd: Path | None = None) -> None:
        log_dir = self.config.data_dir / "logs"
        log_dir.mkdir(parents=True, exist_ok=True)
        log = (log_dir / f"{name}.log").open("ab")
        self.logs[name] = log
        self.commands[name] = (argv, env, cwd)
        self.processes[name] = subprocess.Popen(  # noqa: S603 - our own interpreter and traefik binary
            argv,
            env={**os.environ, **env, **self.config.extra_env},
            cwd=cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def start_service(self, service: str) -> None:
        argv = [
            sys.executable,
            "-m",
            "uvicorn",
            APP_FACTORIES[service],
            "--factory",
            "--host",
            self.config.host,
            "--port",
            str(self.config.ports.services[service]),
            "--no-access-log",
            "--timeout-graceful-shutdown",
            "5",
        ]
        self._spawn(service, argv, self.service_env(service))

    def start_notify_standin(self) -> None:
        """The GOV.UK Notify stand-in: records what the notifications service would send (``GET /`` lists it)."""
        argv = [
            sys.executable,
            "-m",
            "vru_dev.notify_standin",
            "--host",
            self.config.host,
            "--port",
            str(self.config.ports.notify_standin),
        ]
        self._spawn(NOTIFY_STANDIN, argv, {})

    def start_replica(self, service: str, timeout: float = 60.0) -> str:
        """One more process of ``service`` on a port of its own (the same database and settings), as a second
        replica would run; returns its name (stop it with :meth:`stop_process`). The gateway does not route to it:
        for background work shared through the database (the webhook delivery worker)."""
        argv, env, cwd = self.commands[service]
        name = f"{service}-replica-{sum(n.startswith(service + '-replica-') for n in self.commands) + 1}"
        port = free_port()
        argv = [*argv[: argv.index("--port") + 1], str(port), *argv[argv.index("--port") + 2 :]]
        self._spawn(name, argv, env, cwd)
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=2.0) as client:
            while True:
                process = self.processes[name]
                if process.poll() is not None:
                    raise RuntimeError(f"{name} exited with {process.returncode}:\n{self.log_tail(name)}")
                try:
                    if client.get(f"http://{self.config.host}:{port}/readyz").status_code == 200:
                        return name
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{name} not ready after {timeout:.0f}s:\n{self.log_tail(name)}")
                time.sleep(0.2)

    def start_gateway(self) -> None:
        cfg = GatewayConfig(
            port=self.config.ports.gateway,
            internal_port=self.config.ports.gateway_internal,
            identity_url=self.config.service_url("identity"),
            referrals_url=self.config.service_url("referrals"),
            funding_url=self.config.service_url("funding"),
            etp_inventory_url=self.config.service_url("etp_inventory"),
            notifications_url=self.config.service_url("notifications"),
            web_url=self.config.service_url(WEB),
            cors_origins=self.config.cors_origins,
            rate_average=self.config.rate_average,
            rate_burst=self.config.rate_burst,
            source_rate_average=self.config.source_rate_average,
            source_rate_burst=self.config.source_rate_burst,
            token_rate_per_minute=self.config.token_rate_per_minute,
            token_rate_burst=self.config.token_rate_burst,
            host=self.config.host,
            reuse_port=self.front_door is not None,
            otlp_endpoint=self.config.otlp_endpoint or None,
        )
        argv, env, cwd = traefik_command(cfg)
        self._spawn_gateway(argv, env, cwd)

    def _spawn_gateway(self, argv: list[str], env: Mapping[str, str], cwd: Path | None) -> None:
        """Traefik, behind the front door until its routes are loaded (its ``/ready`` answers)."""
        if self.front_door is not None:
            self.front_door.hold()
        self._spawn("gateway", argv, env, cwd)
        if self.front_door is not None:
            self._gateway_starts += 1
            threading.Thread(
                target=self._release_when_ready, args=(self._gateway_starts,), name="vru-gateway-ready", daemon=True
            ).start()

    def _release_when_ready(self, start: int) -> None:
        url = f"http://{self.config.host}:{self.config.ports.gateway_internal}/ready"
        with httpx.Client(timeout=1.0) as client:
            while start == self._gateway_starts and self.front_door is not None:
                process = self.processes.get("gateway")
                if process is None or process.poll() is not None:
                    return
                with contextlib.suppress(httpx.HTTPError):
                    if client.get(url).status_code == 200:
                        # The internal entry point's routers and the public ones are switched in the same instant;
                        # a little later, to be sure the public ones are in.
                        time.sleep(0.05)
                        if start == self._gateway_starts and self.front_door is not None:
                            self.front_door.release()
                        return
                time.sleep(0.02)

    def wait_ready(self, timeout: float = 60.0) -> None:
        checks = {s: self.config.service_url(s) + "/readyz" for s in APPS}
        if NOTIFY_STANDIN in self.processes:
            checks[NOTIFY_STANDIN] = self.config.notify_standin_url + "/?format=json"
        # /ready: the routes are loaded (/ping answers as soon as Traefik listens)
        checks["gateway"] = f"http://{self.config.host}:{self.config.ports.gateway_internal}/ready"
        deadline = time.monotonic() + timeout
        pending = dict(checks)
        with httpx.Client(timeout=2.0) as client:
            while pending:
                for name, url in list(pending.items()):
                    process = self.processes.get(name)
                    if process is not None and process.poll() is not None:
                        raise RuntimeError(f"{name} exited with {process.returncode}:\n{self.log_tail(name)}")
                    try:
                        if client.get(url).status_code == 200:
                            del pending[name]
                    except httpx.HTTPError:
                        pass
                if pending:
                    if time.monotonic() > deadline:
                        tails = "\n".join(f"--- {n}\n{self.log_tail(n)}" for n in pending)
                        raise TimeoutError(f"not ready after {timeout:.0f}s: {', '.join(pending)}\n{tails}")
                    time.sleep(0.2)
            # The gateway is up once it routes to every service (its health checks may lag the services): each
            # service's own 401 for an API path, which only the service makes (the gateway answers 404, 502, 503).
            routes = {s: f"{self.config.gateway_url}{path}" for s, path in ROUTED_PATHS.items()}
            routes[WEB] = f"{self.config.gateway_url}/sign-in"
            last: dict[str, str] = {}
            while routes:
                for name, url in list(routes.items()):
                    try:
                        response = client.get(url)
                    except httpx.HTTPError as exc:
                        last[name] = type(exc).__name__
                        continue
                    if response.status_code == (200 if name == WEB else 401):
                        del routes[name]
                    else:
                        last[name] = f"{response.status_code} {response.text[:200]}"
                if routes and time.monotonic() > deadline:
                    seen = "; ".join(f"{name}: {last.get(name, 'no answer')}" for name in routes)
                    raise TimeoutError(
                        f"the gateway does not route to {', '.join(routes)} ({seen}):\n" + self.log_tail("gateway")
                    )
                if routes:
                    time.sleep(0.2)

    def log_tail(self, name: str, lines: int = 30) -> str:
        path = self.config.data_dir / "logs" / f"{name}.log"
        if not path.exists():
            return "(no log)"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    def start(self) -> None:
        self.config.data_dir.mkdir(parents=True, exist_ok=True)
        self.start_database()
        asyncio.run(self._prepare())
        self.start_notify_standin()
        for service in APPS:
            self.start_service(service)
        if self.front_door is None and frontdoor.supported():
            try:
                self.front_door = frontdoor.FrontDoor(self.config.host, self.config.ports.gateway)
            except OSError as exc:  # Traefik binds the port alone (and answers a text 404 while it starts)
                print(f"vru: the gateway's front door is off ({exc}); Traefik binds its port alone", file=sys.stderr)
        self.start_gateway()
        self.wait_ready()
        if self.config.supervise:
            self.supervise()

    def supervise(self) -> None:
        """Watch every process started so far (and the embedded postmaster) and restart what exits."""
        supervisor = Supervisor(
            log_path=self.config.data_dir / "logs" / "supervisor.log",
            backoff=self.config.backoff,
            crash_loop=self.config.crash_loop,
        )
        for name in self.processes:
            supervisor.watch(SpawnedChild(self, name))
        if self.pg is not None:
            supervisor.watch(PostmasterChild(self))
        self.supervisor = supervisor
        supervisor.start()

    def restart_process(self, name: str) -> None:
        """Start ``name`` again with the command, environment and folder it was first started with."""
        argv, env, cwd = self.commands[name]
        self._close(name)
        if name == "gateway":
            self._spawn_gateway(list(argv), env, cwd)
        else:
            self._spawn(name, argv, env, cwd)

    async def _prepare(self) -> None:
        await self.prepare_database()
        await self.seed()

    def stop_process(self, name: str, timeout: float = 10.0) -> None:
        if self.supervisor is not None:
            self.supervisor.forget(name)  # stopped on purpose: not to be restarted
        process = self.processes.get(name)
        if process is not None and process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self._close(name)

    def _close(self, name: str) -> None:
        """Forget an ended process and close its log. Whatever is left of its process group (a worker the
        killed process had) is killed: it would hold the port the restarted process needs."""
        process = self.processes.pop(name, None)
        if process is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)
            process.poll()
        log = self.logs.pop(name, None)
        if log is not None:
            log.close()

    def stop(self) -> None:
        """Every process this platform started, the restarted ones included, and the embedded postmaster (the
        one running now, also when the supervisor restarted it)."""
        if self.supervisor is not None:
            self.supervisor.stop()
            self.supervisor = None
        self.stop_process("gateway")
        for name in list(self.processes):
            self.stop_process(name)
        if self.front_door is not None:
            self.front_door.close()
            self.front_door = None
        if self.pg is not None:
            self.pg.cleanup()
            self.pg = None


def process_running(pid: int) -> bool:
    """``pid`` is a live process: it exists and is not a zombie (``/proc`` where there is one)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's: it exists
        pass
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[-1].split()[0] != "Z"
    except OSError:
        return True


class SpawnedChild:
    """A process the platform spawned (a service's uvicorn, Traefik), for the supervisor."""

    def __init__(self, platform: Platform, name: str) -> None:
        self.platform = platform
        self._name = name

    @property
    def name(self) -> str:
        return self._name

    def alive(self) -> bool:
        process = self.platform.processes.get(self._name)
        return process is not None and process.poll() is None

    def start(self) -> None:
        self.platform.restart_process(self._name)

    def describe_exit(self) -> str:
        process = self.platform.processes.get(self._name)
        code = process.returncode if process is not None else None
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        return f"{how}; last log lines:\n{self.platform.log_tail(self._name, 5)}"


class PostmasterChild:
    """The embedded PostgreSQL's postmaster (started by pgserver through ``pg_ctl``, not our child process)."""

    name = "postgres"

    def __init__(self, platform: Platform) -> None:
        self.platform = platform

    def alive(self) -> bool:
        return process_running(int(self.platform.pg.get_pid()))

    def start(self) -> None:
        """Start it on the same data folder and socket (crash recovery replays the WAL); pgserver then stops this
        one at the end. Lock files (``postmaster.pid``, the socket's) naming a process that is gone or a zombie — a
        killed postmaster whose parent, pid 1 in a container, does not reap it — are removed first, as PostgreSQL
        would remove them itself were that process reaped. PostgreSQL still refuses to start while a backend of the
        old postmaster holds its shared memory; the supervisor then tries again later."""
        pg = self.platform.pg
        socket_dir = pg.get_postmaster_info().socket_dir
        stale = [Path(pg.pgdata) / "postmaster.pid"]
        if socket_dir is not None:
            stale += Path(socket_dir).glob(".s.PGSQL.*.lock")
        for lock_file in stale:
            with contextlib.suppress(OSError, ValueError, IndexError):
                if not process_running(int(lock_file.read_text().splitlines()[0])):
                    lock_file.unlink()
        with pg._lock:
            pg.ensure_postgres_running()

    def describe_exit(self) -> str:
        log = Path(self.platform.pg.pgdata) / "log"
        tail = "\n".join(log.read_text(errors="replace").splitlines()[-5:]) if log.exists() else "(no log)"
        return f"the postmaster is gone; last log lines:\n{tail}"
