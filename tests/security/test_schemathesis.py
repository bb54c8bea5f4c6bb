"""Schemathesis over every service's OpenAPI, through the real gateway of a platform of its own (real services,
real PostgreSQL, real Traefik, started as the session's platform is, ``tests/conftest.py``, on its own database
``vru_fuzz``): with an administrator's token schemathesis may deactivate people, rotate a service's client
secret or add signing keys, and it leaves records everywhere — none of which may reach the other tests.

For each service, two runs of ``st run`` — one with a token of a powerful role, one with a weak role's — with
**every check** schemathesis has (all are on unless configured off — ``--checks all`` would override the few
per-operation exceptions of ``schemathesis.toml``: server errors, status codes, content types, response schemas
and headers, negative and positive data, ``Allow`` on 405, undeclared methods, missing required headers,
ignored auth, use after free, resource availability, object-level authorization) and **every phase**: the
documented examples, the coverage phase (boundary and negative values of each keyword), fuzzing, and the
stateful phase (sequences of calls along the links schemathesis infers from ``Location`` headers and the
schemas) — the weak role's run without the coverage phase (``PHASES``). What a response may be is configured
in ``schemathesis.toml`` (and the one exclusion in ``schemathesis_hooks.py``), each with its reason.

Bounded for the normal test command: ``VRU_ST_EXAMPLES`` examples per operation (default 3), deterministic
generation (the same inputs every run, so a failure in CI is a failure on every machine), stateful scenarios
of at most 10 steps (``schemathesis.toml``). The deeper run: docs/security.md, "The deeper fuzz".
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.conftest import password_token, running_platform
from vru_dev.platform import Platform
from vru_dev.testing import repo_root

ROOT = repo_root()
ST = Path(sys.executable).with_name("st")

EXAMPLES = int(os.environ.get("VRU_ST_EXAMPLES", "3"))
#: A seed instead of deterministic generation (the deeper run: new inputs each time, replayable with the seed).
SEED = os.environ.get("VRU_ST_SEED")
#: With a budget, fuzzing and stateful testing repeat until it is spent (the deeper run).
MAX_TIME = os.environ.get("VRU_ST_MAX_TIME")
#: Seconds each run may take before the test fails (a hang, or a budget too small for the examples asked for).
TIMEOUT = float(os.environ.get("VRU_ST_TIMEOUT", "240")) + float(MAX_TIME or 0)

#: Per service: a powerful role (allowed on most routes; the one the home-made fuzz used) and a weak one (the
#: policy lets it into few routes: schemathesis sees the 401/403 side, ``ignored_auth`` and object-level checks).
ROLES = {
    "identity": ("admin@example.org", "partner@example.org"),
    "referrals": ("analyst@example.org", "partner@example.org"),
    "funding": ("programme.officer@example.org", "partner@example.org"),
    "etp_inventory": ("programme.officer@example.org", "guardian@example.org"),
    # a partner agency's person manages their agency's webhook subscriptions; a guardian may touch none
    "notifications": ("partner@example.org", "guardian@example.org"),
}

RUNS = [(service, who) for service, people in ROLES.items() for who in people]

#: Every phase for the powerful role. The weak role's run leaves out the coverage phase — each keyword's
#: boundaries and violations, most of the time of a run — as the powerful role's run has checked that
#: validation for the same operations; its examples, fuzzing and stateful phases check what the weak role sees.
PHASES = {True: "examples,coverage,fuzzing,stateful", False: "examples,fuzzing,stateful"}


#: Runs at a time (each is one ``st`` process and a share of the platform's services).
PARALLEL = int(os.environ.get("VRU_ST_PARALLEL", "2"))


@dataclass(frozen=True)
class Outcome:
    returncode: int
    output: str
    seconds: float


def st_run(gateway_url: str, service: str, who: str, phases: str) -> Outcome:
    """One bounded ``st run`` against a service's OpenAPI through the gateway, with a fresh token of ``who``
    (``schemathesis.toml`` is read from the repository root, the working directory; its hooks module is imported
    from there)."""
    with httpx.Client(base_url=gateway_url, timeout=10.0) as gateway:
        token = password_token(gateway, who)
    argv = [
        str(ST),
        "run",
        f"{gateway_url}/openapi/{service}.json",
        "--header",
        f"Authorization: Bearer {token}",
        "--phases",
        phases,
        "--max-examples",
        str(EXAMPLES),
        *(["--seed", SEED] if SEED else ["--generation-deterministic"]),
        *(["--max-time", MAX_TIME] if MAX_TIME else []),
        "--workers",
        "1",
        "--no-color",
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    result = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    return Outcome(result.returncode, result.stdout + result.stderr, time.monotonic() - started)


#: Schemathesis must not make the notifications service call out to hosts it makes up (or to any port of this
#: machine): the allow-list is the only target, one port nothing listens on, and no other host is even looked up.
#: ``schemathesis.toml`` offers that receiver's URL to the subscription bodies, so creates succeed and the stateful
#: phase reaches the routes by id.
WEBHOOK_TARGETS = {
    "NOTIFICATIONS_WEBHOOK_ALLOWED_HOSTS": '["127.0.0.1:9"]',
    "NOTIFICATIONS_WEBHOOK_ALLOWED_HOSTS_ONLY": "true",
}


@pytest.fixture(scope="module")
def fuzz_platform(pg_admin_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    with running_platform(
        pg_admin_url, Path(tmp_path_factory.mktemp("fuzz-platform")), "vru_fuzz", extra_env=WEBHOOK_TARGETS
    ) as running:
        yield running


@pytest.fixture(scope="module")
def outcomes(
    request: pytest.FixtureRequest, fuzz_platform: Platform
) -> Iterator[dict[tuple[str, str], Future[Outcome]]]:
    """The runs the session selected, ``PARALLEL`` at a time, started together (each test waits for its own)."""
    platform = fuzz_platform
    selected = [
        (str(item.callspec.params["service"]), str(item.callspec.params["who"]))
        for item in request.session.items
        if isinstance(item, pytest.Function) and item.originalname == "test_schemathesis_finds_nothing"
    ]
    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        yield {
            (service, who): pool.submit(
                st_run, platform.config.gateway_url, service, who, PHASES[who == ROLES[service][0]]
            )
            for service, who in selected
        }


@pytest.mark.e2e
@pytest.mark.parametrize(("service", "who"), RUNS, ids=[f"{s}-{w.split('@')[0]}" for s, w in RUNS])
def test_schemathesis_finds_nothing(outcomes: dict[tuple[str, str], Future[Outcome]], service: str, who: str) -> None:
    outcome = outcomes[(service, who)].result()
    output = outcome.output
    summary = output[output.rfind("SUMMARY") :] if "SUMMARY" in output else output[-3000:]
    print(f"\nschemathesis {service} as {who}: exit {outcome.returncode} in {outcome.seconds:.0f}s\n{summary}")
    failures = output[output.find("FAILURES") :] if "FAILURES" in output else output[-6000:]
    assert outcome.returncode == 0, f"schemathesis {service} as {who} (exit {outcome.returncode}):\n{failures[:20000]}"
