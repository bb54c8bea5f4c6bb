"""The gateway's own cost (issue 17, item 4): ``./vru bench --only gateway``. Registered in ``bench/run.py``.

Measured where the gateway matters, with the same wrk settings on both sides:

- a static answer (no database) of the reference app, through a second Traefik started with the platform's own
  static and dynamic configuration (every middleware, the access log, the metrics; its referrals backend is the
  reference app) vs direct: what Traefik itself costs per request, which a slow service hides;
- the analyst's referral read through the platform's gateway vs direct to the referrals service.

Traefik's CPU per request (from ``/proc``) is printed for the static answer: on a shared machine it drifts less than
requests per second do.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

from bench.domain import make_referral
from bench.load import LoadResult, wrk
from vru_dev.gateway import GatewayConfig, traefik_command
from vru_dev.platform import free_port

if TYPE_CHECKING:
    from bench.run import Bench

#: Served by the reference app; a path of the referrals service's prefixes, so the gateway routes it there.
STATIC_PATH = "/v1/districts/bench-static"
UNLIMITED = 1_000_000


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measured(url: str, headers: dict[str, str], seconds: int, pid: int) -> tuple[LoadResult, float]:
    """wrk on ``url``, and the CPU microseconds process ``pid`` spent per request meanwhile."""
    before = cpu_seconds(pid)
    result = wrk(url, headers=headers, seconds=seconds)
    spent = cpu_seconds(pid) - before
    requests = max(result.requests_per_second * seconds, 1.0)
    return result, spent * 1e6 / requests


def start_gateway_to_reference(bench: Bench) -> tuple[str, int]:
    """A Traefik with the platform's configuration whose referrals backend is the reference app; its URL and pid."""
    reference = bench.reference_url
    services = {name: bench.platform.config.service_url(name) for name in ("identity", "funding", "etp_inventory")}
    cfg = GatewayConfig(
        port=free_port(),
        internal_port=free_port(),
        identity_url=services["identity"],
        referrals_url=reference,
        funding_url=services["funding"],
        etp_inventory_url=services["etp_inventory"],
        notifications_url=bench.platform.config.service_url("notifications"),
        web_url=bench.platform.config.service_url("web"),
        rate_average=UNLIMITED,
        rate_burst=UNLIMITED,
        source_rate_average=UNLIMITED,
        source_rate_burst=UNLIMITED,
        token_rate_per_minute=UNLIMITED,
        token_rate_burst=UNLIMITED,
    )
    argv, env, cwd = traefik_command(cfg)
    bench.platform._spawn("gateway-to-reference", argv, env, cwd)
    url = f"http://{cfg.host}:{cfg.port}"
    deadline = time.monotonic() + 30
    with httpx.Client(timeout=2) as client:
        while True:
            try:
                if client.get(url + STATIC_PATH).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError("the second gateway did not route to the reference app")
            time.sleep(0.2)
    return url, bench.platform.processes["gateway-to-reference"].pid


def scenario_gateway(bench: Bench) -> None:
    """Gateway ÷ direct on a static answer and on the referral read (gateway, direct, gateway again: the mean of
    the two gateway runs against the direct run between them, so drift on a shared machine cancels out)."""
    name = "7 gateway overhead"
    gateway_url, gateway_pid = start_gateway_to_reference(bench)
    try:
        first, first_cpu = measured(gateway_url + STATIC_PATH, {}, bench.seconds, gateway_pid)
        direct = wrk(bench.reference_url + STATIC_PATH, headers={}, seconds=bench.seconds)
        second, second_cpu = measured(gateway_url + STATIC_PATH, {}, bench.seconds, gateway_pid)
    finally:
        bench.platform.stop_process("gateway-to-reference")
    through = (first.requests_per_second + second.requests_per_second) / 2
    bench.add(
        name,
        "static answer: req/s through gateway ÷ direct",
        f"{through:.0f}",
        f"{direct.requests_per_second:.0f}",
        f"{through / direct.requests_per_second:.2f}",
        "(Traefik's ceiling)",
    )
    bench.add(
        name,
        "static answer: Traefik CPU µs per request",
        f"{(first_cpu + second_cpu) / 2:.0f}",
    )
    bench.add(
        name,
        "static answer: p99 ms (gateway / direct)",
        f"{max(first.p99_ms, second.p99_ms):.1f}",
        f"{direct.p99_ms:.1f}",
    )

    rid = make_referral(bench)
    headers = {"Authorization": f"Bearer {bench.tokens['analyst']}"}
    path = f"/v1/referrals/{rid}"
    # (Traefik's CPU per request is not shown here: at tens of requests a second its background work — health
    # checks, metrics — outweighs the requests' own.)
    first = wrk(bench.gateway + path, headers=headers, seconds=bench.seconds)
    direct = wrk(bench.platform.config.service_url("referrals") + path, headers=headers, seconds=bench.seconds)
    second = wrk(bench.gateway + path, headers=headers, seconds=bench.seconds)
    through = (first.requests_per_second + second.requests_per_second) / 2
    ratio = through / direct.requests_per_second
    bench.add(
        name,
        "referral read: req/s through gateway ÷ direct",
        f"{through:.0f}",
        f"{direct.requests_per_second:.0f}",
        f"{ratio:.2f}",
        "≥ 0.95",
        "met" if ratio >= 0.95 else "MISSED",
    )
    errors = first.errors + second.errors + direct.errors
    bench.add(name, "errors (non-2xx + socket)", str(errors), "", "", "0", "met" if errors == 0 else "MISSED")
