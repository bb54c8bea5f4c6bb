"""Faults of the database under load (issue 16): what clients see while PostgreSQL is paused, while logins burst
against a small pool, and while the database's disk is full. Under each fault every answer is a 2xx or an RFC 9457
problem (503 ``service-unavailable`` with ``Retry-After``, a gateway 502/504 problem, a 409/429 problem with
``Retry-After``) — the count of 500s and of non-problem answers (text, HTML, empty) is asserted 0 — and every write
answered 2xx is stored exactly once. Afterwards the platform serves again without anyone restarting it.

The platform here has short database deadlines (a 2 s statement timeout, so asyncpg gives up on a silent server
after 7 s; a 2 s wait for a pooled connection) and identity a pool of 2 (+2 overflow), so the faults bite within a
few seconds."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os
import signal
import subprocess
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import asyncpg
import httpx
import pytest

from .harness import DEV_PASSWORD, POLICE_FEED, PROBLEM, Faults, own_platform, wait_for
from .test_supervision import Writers, alive, children_of, stored_sites

pytestmark = [pytest.mark.e2e, pytest.mark.faults]

SERVICE_UNAVAILABLE = "https://vru.example.org/problems/service-unavailable"
PAUSE_SECONDS = 10.0

DATABASE_DEADLINES = {
    **{
        f"{service}_{name}": value
        for service in ("IDENTITY", "REFERRALS", "FUNDING", "ETP_INVENTORY")
        for name, value in (("DB_STATEMENT_TIMEOUT_MS", "2000"), ("DB_POOL_TIMEOUT_SECONDS", "2"))
    },
    "IDENTITY_DB_POOL_SIZE": "2",
}


@pytest.fixture(scope="module")
def database_faults() -> Iterator[Faults]:
    with own_platform(supervise=False, **DATABASE_DEADLINES) as running:
        yield running


def kind(response: httpx.Response) -> str:
    """ "201 application/json", "503 problem", "500 text/plain", "502 no content type", …"""
    media = response.headers.get("content-type", "").split(";")[0]
    return f"{response.status_code} {'problem' if media == PROBLEM else media or 'no content type'}"


def honest(answer: str) -> bool:
    """A 2xx with a JSON body, or a problem that is not a 500."""
    status, media = answer.split(" ", 1)
    if status.isdigit() and 200 <= int(status) < 300:
        return media == "application/json"
    return media == "problem" and status != "500"


def assert_problem(response: httpx.Response) -> None:
    """A refusal is a problem with a stable type; an unavailability tells when to come back."""
    assert response.headers.get("content-type") == PROBLEM, (response.status_code, response.text[:300])
    body = response.json()
    assert body["status"] == response.status_code
    assert body["type"].startswith("https://vru.example.org/problems/"), body
    if response.status_code == 503:
        assert body["type"] == SERVICE_UNAVAILABLE, body
    if response.status_code in (429, 503):
        assert int(response.headers["retry-after"]) >= 1


class Readers:
    """Threads reading the sites list through the gateway as fast as answers come; every answer counted."""

    def __init__(self, gateway_url: str, headers: dict[str, str], threads: int = 2) -> None:
        self.gateway_url = gateway_url
        self.headers = headers
        self.answers: Counter[str] = Counter()
        self.bad: list[str] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self._read, daemon=True) for _ in range(threads)]

    def __enter__(self) -> Readers:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join(60)

    def _read(self) -> None:
        with httpx.Client(base_url=self.gateway_url, timeout=40) as client:
            while not self.stopping.is_set():
                try:
                    response = client.get("/v1/sites", params={"district": "medway", "limit": 5}, headers=self.headers)
                except httpx.TransportError as exc:
                    with self.lock:
                        self.answers[type(exc).__name__] += 1
                    time.sleep(0.2)
                    continue
                answer = kind(response)
                with self.lock:
                    self.answers[answer] += 1
                    if response.status_code >= 400:
                        try:
                            assert_problem(response)
                        except (AssertionError, ValueError, KeyError) as exc:
                            self.bad.append(f"{answer}: {exc}")
                time.sleep(0.1 if response.status_code < 400 else 0.3)


# --- 1. the database paused under load --------------------------------------------------------------------------


def postgres_processes(f: Faults) -> list[int]:
    assert f.platform.pg is not None, "the fault tests need the embedded PostgreSQL"
    postmaster = int(f.platform.pg.get_pid())
    return [postmaster, *children_of(postmaster)]


@contextlib.contextmanager
def postgres_paused(f: Faults) -> Iterator[None]:
    """SIGSTOP the postmaster (no new backends) and then every backend and auxiliary process; SIGCONT all after."""
    postmaster, *_ = stopped = postgres_processes(f)
    os.kill(postmaster, signal.SIGSTOP)
    for pid in children_of(postmaster):
        os.kill(pid, signal.SIGSTOP)
        stopped.append(pid)
    try:
        yield
    finally:
        for pid in reversed(stopped):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)


def test_database_paused_under_load(database_faults: Faults) -> None:
    f = database_faults
    csp = f.person("csp.medway@example.org")
    run = uuid.uuid4().hex[:8]
    writers = Writers(f.platform.config.gateway_url, csp, run)
    with Readers(f.platform.config.gateway_url, csp) as readers:
        writers.start()
        try:
            wait_for(lambda: writers.count, lambda n: n >= 3, timeout=30, what="writes acknowledged")
            postmaster = postgres_processes(f)[0]
            with postgres_paused(f):
                time.sleep(PAUSE_SECONDS)
                during = dict(writers.answers), dict(readers.answers)
            assert alive(postmaster)  # the same postmaster: nobody restarted it
            before = writers.count
            wait_for(lambda: writers.count, lambda n: n >= before + 5, timeout=60, what="writes acknowledged again")
        finally:
            writers.stop()
    print(f"\nwhile paused: writes {during[0]}, reads {during[1]}")
    print(f"in all: writes {dict(writers.answers)}, reads {dict(readers.answers)}")

    for answers in (writers.answers, readers.answers):
        assert all(honest(answer) for answer in answers if answer[0].isdigit()), dict(answers)
        assert not [a for a in answers if a.startswith("500")], dict(answers)
    assert not writers.unexpected, writers.unexpected
    assert not readers.bad, readers.bad
    # the pause was felt (a request outlives the 7 s client deadline or the 2 s pool wait) and answered honestly
    assert any(a.startswith("503") for a in [*writers.answers, *readers.answers]), during
    assert f.platform.pg is not None
    assert int(f.platform.pg.get_pid()) == postmaster

    stored = stored_sites(f.platform.admin_url, run)
    lost = {name for name in writers.acknowledged if name not in stored}
    assert not lost, f"acknowledged writes missing: {sorted(lost)}"
    twice = {name: ids for name, ids in stored.items() if len(ids) > 1}
    assert not twice, f"written more than once: {twice}"
    assert all(stored[name] == [id_] for name, id_ in writers.acknowledged.items())
    assert set(stored) <= set(writers.acknowledged) | set(writers.given_up)
    assert f.gateway.get("/v1/sites", params={"limit": 1}, headers=csp).status_code == 200


# --- 2. a login burst -----------------------------------------------------------------------------------------

PEOPLE = ("admin@example.org", "analyst@example.org", "coordinator.medway-swale@example.org", "partner@example.org")
GUESSED = "auditor@example.org"  # the wrong passwords go to this account only
BURST = 200
BURST_THREADS = 40


def test_a_login_burst_is_answered_honestly(database_faults: Faults) -> None:
    f = database_faults
    gateway_url = f.platform.config.gateway_url

    def attempt(n: int) -> str:
        if n % 5 == 4:
            data, auth = {"grant_type": "client_credentials"}, POLICE_FEED
        elif n % 5 == 3:
            data, auth = {"grant_type": "password", "username": GUESSED, "password": f"wrong-{n}"}, None
        else:
            data, auth = {"grant_type": "password", "username": PEOPLE[n % 4], "password": DEV_PASSWORD}, None
        try:
            response = httpx.post(gateway_url + "/oauth/token", data=data, auth=auth, timeout=60)
        except httpx.TransportError as exc:
            return type(exc).__name__
        answer = kind(response)
        if response.status_code == 200:
            assert "access_token" in response.json()
        else:
            assert response.status_code in (400, 401, 429, 503), (answer, response.text[:300])
            assert_problem(response)
        return answer

    with ThreadPoolExecutor(BURST_THREADS) as pool:
        answers = Counter(pool.map(attempt, range(BURST)))
    print(f"\nlogin burst: {dict(answers)}")
    assert sum(answers.values()) == BURST
    assert all(honest(answer) for answer in answers), dict(answers)
    assert answers["200 application/json"] > 0
    # afterwards a normal login works (the guessed account is throttled for its guesser, no one else is)
    token = wait_for(
        lambda: httpx.post(
            gateway_url + "/oauth/token",
            data={"grant_type": "password", "username": "director@example.org", "password": DEV_PASSWORD},
            timeout=30,
        ),
        lambda r: r.status_code == 200,
        timeout=20,
        what="a login after the burst",
    )
    assert token.json()["token_type"].lower() == "bearer"


# --- 3. the database's disk full ------------------------------------------------------------------------------


@contextlib.contextmanager
def tiny_filesystem(owner: str) -> Iterator[Path]:
    """A 1 MiB tmpfs for a tablespace: the simplest honest ENOSPC (the kernel's, for PostgreSQL's own writes). It
    needs the right to mount (root here; not in an unprivileged CI container): without it the test is skipped."""
    mountpoint = Path(tempfile.mkdtemp(prefix="vru-full-disk-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(mountpoint)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        mountpoint.rmdir()
        pytest.skip(f"disk full not reproduced: cannot mount a tiny tmpfs here ({mounted.stderr.strip()})")
    try:
        subprocess.run(["chown", owner, str(mountpoint)], check=True)
        yield mountpoint
    finally:
        subprocess.run(["umount", "-l", str(mountpoint)], check=False)
        with contextlib.suppress(OSError):
            mountpoint.rmdir()


def fill(folder: Path) -> Path:
    """Write a file until the filesystem says ENOSPC; return it (delete it to give the space back)."""
    filler = folder / "filler"
    chunk = b"\0" * 4096
    with filler.open("wb", buffering=0) as out:
        try:
            while True:
                out.write(chunk)
        except OSError as exc:
            if exc.errno != errno.ENOSPC:
                raise
    return filler


def admin_sql(f: Faults, *statements: str) -> None:
    async def run() -> None:
        connection = await asyncpg.connect(f.platform.admin_url.replace("postgresql+asyncpg://", "postgresql://", 1))
        try:
            for statement in statements:
                await connection.execute(statement)
        finally:
            await connection.close()

    asyncio.run(run())


def site(name: str) -> dict[str, object]:
    return {
        "district": "medway",
        "name": name,
        "address": "Railway Street, Chatham",
        "postcode": "ME4 4RR",
        "latitude": 51.38,
        "longitude": 0.52,
        "cabinet_type": "indoors",
        "is_public": False,
    }


def test_disk_full_refuses_writes_with_503_and_serves_reads(database_faults: Faults) -> None:
    """The sites table (etp_inventory.locations) is moved to a tablespace on a 1 MiB filesystem that is then
    filled: PostgreSQL cannot extend the table ("could not extend file …: No space left on device", SQLSTATE 53100
    ``disk_full``). A new site is refused with a 503 problem and Retry-After, nothing half-written; the sites are
    still read; once the space is back the same keyed request succeeds, with no restart."""
    f = database_faults
    pg = f.platform.pg
    assert pg is not None
    csp = f.person("csp.medway@example.org")
    run = uuid.uuid4().hex[:8]
    with tiny_filesystem(pg.system_user) as folder:
        admin_sql(
            f,
            f"CREATE TABLESPACE vru_tiny LOCATION '{folder}'",
            "ALTER TABLE etp_inventory.locations SET TABLESPACE vru_tiny",
        )
        try:
            filler = fill(folder)
            answers: Counter[str] = Counter()
            acknowledged: dict[str, str] = {}
            refused: httpx.Response | None = None
            # The table's last page still has room for a few rows; the next one needs a new page.
            for n in range(400):
                name = f"sup-{run}-full-{n}"  # stored_sites finds "sup-<run>-…"
                response = f.gateway.post("/v1/sites", json=site(name), headers={**csp, "Idempotency-Key": name})
                answers[kind(response)] += 1
                if response.status_code == 201:
                    acknowledged[name] = str(response.json()["id"])
                    continue
                refused = response
                break
            print(f"\ndisk full: {dict(answers)}")
            assert refused is not None, f"the disk never filled: {dict(answers)}"
            assert refused.status_code == 503, refused.text
            assert_problem(refused)
            assert "53100" in f.log("etp_inventory") or "DiskFullError" in f.log("etp_inventory")
            # retried while still full: 503 again (the key's first attempt was rolled back, not left running)
            again = f.gateway.post("/v1/sites", json=site(name), headers={**csp, "Idempotency-Key": name})
            assert again.status_code == 503, again.text
            assert_problem(again)
            # reads are served
            listed = f.gateway.get("/v1/sites", params={"district": "medway", "limit": 200}, headers=csp)
            assert listed.status_code == 200, listed.text
            one = next(iter(acknowledged.values()), None)
            if one is not None:
                assert f.gateway.get(f"/v1/sites/{one}", headers=csp).status_code == 200

            filler.unlink()  # the space comes back
            retried = f.gateway.post("/v1/sites", json=site(name), headers={**csp, "Idempotency-Key": name})
            assert retried.status_code == 201, retried.text
            acknowledged[name] = str(retried.json()["id"])
            stored = stored_sites(f.platform.admin_url, run)
            assert stored == {key: [value] for key, value in acknowledged.items()}
        finally:
            admin_sql(
                f, "ALTER TABLE etp_inventory.locations SET TABLESPACE pg_default", "DROP TABLESPACE IF EXISTS vru_tiny"
            )
