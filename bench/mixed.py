"""The daily mix under load (issue 17, item 6) and the review queue page against the reference (the target
"review queue page ≥ 0.30 × reference"). Registered in ``bench/run.py`` as ``mixed`` and ``queue``.

``mixed``: 16 clients through the gateway, each picking its next request from the day's mix by weight
(:data:`MIX`): coordinators read the review queue and reviews, analysts read referrals, incidents and their lists,
partners read the referrals sent to them and accept them, coordinators create and send referrals, the police feed
imports a small CSV now and then. Each route's p50 with a single client is measured first, in the same run. Then
two measurements, each also replayed for the read and list routes against the reference app doing the same SQL:

- **saturated** (informational, no target): the 16 clients closed-loop with no pause — each sends its next request
  the moment its last answer arrives — for ``--seconds``. This measures a queue ~16 deep in front of one uvicorn
  worker per service (Little's law: latency ≈ clients ÷ throughput), not what a user waits: the bare reference
  itself reaches 12–35 × its single-client p50 under it. Reported: throughput, per-route p50 / p99, errors.
- **paced** (the target "p99 of every route ≤ 5 × its single-client p50, 0 errors"): the same 16 clients and the
  same mix on a fixed arrival schedule (open loop). Client ``i``'s requests are due at the times of a Poisson
  process — exponential gaps with a mean of :data:`THINK_MEAN_SECONDS` — drawn from a generator seeded
  ``PACING_SEED + i`` (:func:`schedule`), so every run, and the product and the reference, get the same due times.
  A request is sent at its due time, or, when the client's previous answer is still awaited then, as soon as it
  arrives; its latency is then counted **from its due time**, not from when it was sent, so a slow answer cannot
  hide the queueing it causes (coordinated omission: a closed-loop client that waits sends less exactly when the
  server is slow, and its percentiles leave out the wait of the requests it did not send). A request whose
  client was idle at its due time counts from its sending: asyncio waking the client a few milliseconds late on
  a busy machine is the generator's lag, not the server's (reported apart). Reported: the offered
  and achieved rates, the offered rate ÷ the saturated throughput of the same run (how near capacity the paced
  load is), the machine's CPU (this run's processes' and the others') and pressure (``/proc/pressure``: the time
  some task waited for a CPU, or for I/O), how many requests were due while their client still awaited an answer,
  the generator's own wake-up lag, per route p50 / p99 / the single-client p50 / the ratio / the status, the
  reads arriving during an import or any write against the rest (does a write hold the single worker?), and the
  episodes the slow requests make, with the machine's pressure within each (several routes slow at once is a
  stall of what they share — the machine, the disk, a process — not one request's cost).
  It runs :data:`PACED_SECONDS` (or ``--seconds`` when longer): a p99 needs samples, and at 16 requests a second
  a route of weight 14 gets ~130 in 60 s, a route of weight 5 ~50 (there the p99 is the slowest answer).

Why a mean of 1 s between one client's requests. The unit is small: five area coordinators, three analysts, a
project officer and an administrator (the unit's own newsletter, ``/work/shared/domain``), its partner agencies'
systems, and the police feed. A coordinator reads a review or a queue page for tens of seconds before acting; a
partner's system polls for referrals sent to it every minute or so; the police feed imports a batch now and then.
At a realistic 10–30 s between one person's requests the whole unit offers 0.5–2 requests a second at its busiest.
16 clients each sending every second on average — 16 requests a second, each client working ten times faster than
anyone reads a page — is well above that real peak, yet below the platform's measured capacity for this mix (the
saturated throughput: 52 req/s in the idle full run of ``bench/RESULTS.md``; the run reports the ratio, since a
shared machine lowers it). Exponential gaps, not a fixed period: independent users arrive at random, and bursts of
several requests at once happen; a fixed period would line the clients up and hide that.

The load generator is Python (asyncio + httpx, one connection per client, as a browser or a partner's system
holds one): the mix needs state wrk's Lua cannot keep cheaply (ids created during the run, a pool of referrals
waiting for a partner's answer, per-route percentiles). Its CPU is measured and reported: at the mix's rate it
is a small share of one core, so it is not what limits the figures.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import threading
import time
import uuid
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import asyncpg
import httpx

from bench.load import feed_token, wrk

if TYPE_CHECKING:
    from bench.run import Bench

CLIENTS = 16
PARTNER = "childrens-social-work-services"
#: Young people imported for the run: each referral write needs a subject without an open referral to the partner.
SUBJECTS = 400
#: Referrals sent to the partner before the run, waiting for its answer.
WAITING = 60
IMPORT_ROWS = 20
#: Paced: the mean gap (seconds) between one client's requests — 16 requests a second from 16 clients, ten times a
#: person's pace and well above the unit's real peak (the module's docstring says why).
THINK_MEAN_SECONDS = 1.0
#: Paced: client ``i``'s due times come from ``random.Random(PACING_SEED + i)``, the same in every run.
PACING_SEED = 17_000
#: Paced: the least seconds of the run (``--seconds`` when longer), so that a route's p99 rests on ~100 samples.
PACED_SECONDS = 60


@dataclass
class Route:
    name: str
    weight: int
    #: Also replayed against the reference app (read and list routes).
    reference: bool = False


#: The day's mix, by weight (per 100 requests).
MIX: tuple[Route, ...] = (
    Route("coordinator GET /v1/reviews?limit=50", 14, reference=True),
    Route("coordinator GET /v1/reviews/{id}", 14, reference=True),
    Route("analyst GET /v1/referrals/{id}", 14, reference=True),
    Route("analyst GET /v1/incidents/{id}", 12, reference=True),
    Route("analyst GET /v1/incidents?limit=50", 10, reference=True),
    Route("analyst GET /v1/referrals?limit=50", 10, reference=True),
    Route("partner GET /v1/referrals?limit=50", 10, reference=True),
    Route("partner POST transitions (accept)", 5),
    Route("coordinator POST /v1/referrals + send", 5),
    Route("feed POST /v1/imports/incidents.csv (20 rows)", 1),
)


@dataclass
class State:
    """What the run reads and writes: ids made before it, and the pools it draws from."""

    tokens: dict[str, str]
    review_ids: list[str]
    referral_ids: list[str]
    incident_ids: list[str]
    #: (subject, review) pairs free for a new referral to the partner.
    fresh: list[tuple[str, str]]
    #: Referrals sent to the partner, waiting for its answer.
    waiting: list[str] = field(default_factory=list)
    imports: int = 0


@dataclass
class Sample:
    route: str
    #: Milliseconds to the answer from the request's due time (paced, when its client still awaited the previous
    #: answer then) or from its sending (saturated; paced when its client was idle at the due time).
    ms: float
    ok: bool
    #: ``time.perf_counter()`` when it was due, sent, answered (due = sent in the saturated run).
    due: float = 0.0
    sent: float = 0.0
    ended: float = 0.0
    #: Paced: it fell due while its client still awaited its previous answer, so it was sent late.
    queued: bool = False


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def expect(response: httpx.Response, *statuses: int) -> bool:
    return response.status_code in (statuses or (200,))


# --- the requests -------------------------------------------------------------------------------------------
async def do(client: httpx.AsyncClient, route: str, state: State, reference: bool = False) -> bool | None:
    """One request of ``route`` (two for create + send); ``None`` when there is nothing to do it on."""
    t = state.tokens
    pick = random.choice
    if reference:
        paths = {
            "coordinator GET /v1/reviews?limit=50": "/queue",
            "coordinator GET /v1/reviews/{id}": f"/reviews/{pick(state.review_ids)}",
            "analyst GET /v1/referrals/{id}": f"/referrals/{pick(state.referral_ids)}",
            "analyst GET /v1/incidents/{id}": f"/incidents/{pick(state.incident_ids)}",
            "analyst GET /v1/incidents?limit=50": "/incidents",
            "analyst GET /v1/referrals?limit=50": "/referrals",
            "partner GET /v1/referrals?limit=50": f"/referrals?partner_agency={PARTNER}",
        }
        return expect(await client.get(paths[route]))
    if route == "coordinator GET /v1/reviews?limit=50":
        return expect(await client.get("/v1/reviews", params={"limit": 50}, headers=auth(t["coordinator"])))
    if route == "coordinator GET /v1/reviews/{id}":
        return expect(await client.get(f"/v1/reviews/{pick(state.review_ids)}", headers=auth(t["coordinator"])))
    if route == "analyst GET /v1/referrals/{id}":
        return expect(await client.get(f"/v1/referrals/{pick(state.referral_ids)}", headers=auth(t["analyst"])))
    if route == "analyst GET /v1/incidents/{id}":
        return expect(await client.get(f"/v1/incidents/{pick(state.incident_ids)}", headers=auth(t["analyst"])))
    if route == "analyst GET /v1/incidents?limit=50":
        return expect(await client.get("/v1/incidents", params={"limit": 50}, headers=auth(t["analyst"])))
    if route == "analyst GET /v1/referrals?limit=50":
        return expect(await client.get("/v1/referrals", params={"limit": 50}, headers=auth(t["analyst"])))
    if route == "partner GET /v1/referrals?limit=50":
        return expect(await client.get("/v1/referrals", params={"limit": 50}, headers=auth(t["partner"])))
    if route == "partner POST transitions (accept)":
        if not state.waiting:
            return None
        rid = state.waiting.pop()
        response = await client.post(
            f"/v1/referrals/{rid}/transitions", json={"to": "accepted"}, headers=auth(t["partner"])
        )
        return expect(response)
    if route == "coordinator POST /v1/referrals + send":
        if not state.fresh:
            return None
        made = await create_and_send(client, state, *state.fresh.pop())
        return made is not None
    if route == "feed POST /v1/imports/incidents.csv (20 rows)":
        state.imports += 1
        response = await client.post(
            "/v1/imports/incidents.csv",
            content=small_csv(state.imports),
            headers={**auth(t["feed"]), "Content-Type": "text/csv"},
        )
        return expect(response)
    raise ValueError(route)


async def create_and_send(client: httpx.AsyncClient, state: State, subject_id: str, review_id: str) -> str | None:
    token = state.tokens["coordinator"]
    created = await client.post(
        "/v1/referrals",
        json={
            "subject_id": subject_id,
            "review_id": review_id,
            "partner_agency": PARTNER,
            "reason": "Benchmark referral (mixed load).",
            "lawful_basis": "public_task",
            "consent": "not_required",
        },
        headers=auth(token),
    )
    if created.status_code != 201:
        return None
    rid = str(created.json()["id"])
    sent = await client.post(f"/v1/referrals/{rid}/transitions", json={"to": "sent"}, headers=auth(token))
    if sent.status_code != 200:
        return None
    state.waiting.append(rid)
    return rid


def small_csv(n: int) -> bytes:
    from bench.run import INTAKE_COLUMNS, intake_row

    lines = [",".join(INTAKE_COLUMNS)]
    for i in range(IMPORT_ROWS):
        row = intake_row(i)
        row[0] = f"MIX-CSV/{uuid.uuid4().hex[:12]}/{n}/{i}"
        row[8] = f"KP-MIX-{n}-{i}-{uuid.uuid4().hex[:6]}"
        lines.append(",".join(row))
    return ("\n".join(lines) + "\n").encode()


# --- the runs -------------------------------------------------------------------------------------------------
#: One request of a route on a client: ``True``/``False`` for answered as expected or not, ``None`` when there was
#: nothing to do it on (no referral waiting for the partner's answer, no young person left to refer).
Send = Callable[[httpx.AsyncClient, str], Awaitable[bool | None]]


@dataclass
class Run:
    """One timed run: its samples, wall time, this process's CPU seconds meanwhile, and (paced) the window."""

    samples: list[Sample]
    wall: float
    cpu: float
    #: Paced: the seconds in which requests were due, and how many were due (those with nothing to do included).
    window: float = 0.0
    due: int = 0
    #: The machine's CPU meanwhile (:meth:`Cpu.since`) and its pressure every 0.1 s, filled in by the scenario.
    machine: str = ""
    pressure: list[Pressure] = field(default_factory=list)


async def single_client(base_url: str, routes: tuple[Route, ...], send: Send) -> dict[str, float]:
    """Each route's p50 with one client (10 requests each, 3 for the import), after one warm-up request."""
    p50 = {}
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:
        for route in routes:
            await send(client, route.name)
            times = []
            for _ in range(3 if "imports" in route.name else 10):
                started = time.perf_counter()
                if await send(client, route.name) is None:
                    continue
                times.append((time.perf_counter() - started) * 1000)
            if times:
                p50[route.name] = statistics.median(times)
    return p50


async def saturated(base_url: str, routes: tuple[Route, ...], seconds: float, send: Send) -> Run:
    """``CLIENTS`` closed-loop clients with no pause for ``seconds``: each sends its next request the moment its
    last answer arrives. Latency from sending to the answer."""
    samples: list[Sample] = []
    names = [r.name for r in routes]
    weights = [r.weight for r in routes]
    deadline = time.perf_counter() + seconds

    async def one(rng: random.Random) -> None:
        async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:
            while time.perf_counter() < deadline:
                route = rng.choices(names, weights)[0]
                started = time.perf_counter()
                try:
                    ok = await send(client, route)
                except httpx.HTTPError:
                    ok = False
                if ok is None:
                    continue
                ended = time.perf_counter()
                samples.append(Sample(route, (ended - started) * 1000, ok, started, started, ended))

    cpu = time.process_time()
    started = time.perf_counter()
    await asyncio.gather(*(one(random.Random(i)) for i in range(CLIENTS)))
    return Run(samples, time.perf_counter() - started, time.process_time() - cpu)


def schedule(client: int, seconds: float, mean: float = THINK_MEAN_SECONDS) -> list[float]:
    """Client ``client``'s due times, seconds from the start of a paced run, before ``seconds``: a Poisson
    process (exponential gaps of mean ``mean``) seeded ``PACING_SEED + client`` — the same in every run, and for
    the product and the reference."""
    rng = random.Random(PACING_SEED + client)
    due = 0.0
    times: list[float] = []
    while True:
        due += rng.expovariate(1 / mean)
        if due >= seconds:
            return times
        times.append(due)


async def paced(
    base_url: str,
    routes: tuple[Route, ...],
    seconds: float,
    send: Send,
    *,
    clients: int = CLIENTS,
    mean: float = THINK_MEAN_SECONDS,
) -> Run:
    """``clients`` clients on a fixed arrival schedule (:func:`schedule`, open loop) for ``seconds``, each
    request's route drawn from ``routes`` by weight (a generator of its own per client, so the due times do not
    depend on the routes). A request goes at its due time or, when the client's previous answer is still
    awaited then, as soon as it arrives; then its latency counts from its due time (no coordinated omission).
    A request whose client was idle at its due time counts from its sending: the lag between the two is asyncio
    waking the client late on a busy machine, the generator's own (reported apart, :func:`lag`)."""
    samples: list[Sample] = []
    names = [r.name for r in routes]
    weights = [r.weight for r in routes]
    dues = [schedule(i, seconds, mean) for i in range(clients)]

    async def one(i: int, client: httpx.AsyncClient, start: float) -> None:
        rng = random.Random(PACING_SEED + 1_000 + i)
        async with client:
            for offset in dues[i]:
                route = rng.choices(names, weights)[0]
                due = start + offset
                wait = due - time.perf_counter()
                if wait > 0:
                    await asyncio.sleep(wait)
                sent = time.perf_counter()
                try:
                    ok = await send(client, route)
                except httpx.HTTPError:
                    ok = False
                if ok is None:
                    continue
                ended = time.perf_counter()
                late = wait <= 0  # due while the previous answer was awaited: the server's delay, counted
                counted_from = due if late else sent  # else asyncio's wake-up lag, the generator's, not counted
                samples.append(Sample(route, (ended - counted_from) * 1000, ok, due, sent, ended, queued=late))

    # The clients are made before the schedule starts: making one (its SSL context) holds the event loop for
    # milliseconds, which would otherwise land in the latency of the first requests, the generator's cost.
    made = [httpx.AsyncClient(base_url=base_url, timeout=60) for _ in range(clients)]
    cpu = time.process_time()
    start = time.perf_counter()
    await asyncio.gather(*(one(i, client, start) for i, client in enumerate(made)))
    return Run(samples, time.perf_counter() - start, time.process_time() - cpu, seconds, sum(map(len, dues)))


@dataclass
class Cpu:
    """A snapshot of the machine's CPU time and of this run's processes' (``/proc``, clock ticks)."""

    machine_busy: int
    machine_total: int
    ours: int

    @classmethod
    def now(cls, roots: set[int]) -> Cpu:
        """The machine's busy and total ticks over all cores, and the ticks of every process descended from
        ``roots`` (the bench process — the services, Traefik, the reference app, this load generator — and the
        embedded postmaster with its backends). A process that exits meanwhile takes its ticks with it."""
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
        idle = fields[3] + fields[4]
        parents: dict[int, int] = {}
        ticks: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text().rpartition(")")[2].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat[1])
            ticks[int(entry.name)] = int(stat[11]) + int(stat[12])
        ours = 0
        for pid, used in ticks.items():
            ancestor = pid
            while ancestor > 1 and ancestor not in roots:
                ancestor = parents.get(ancestor, 0)
            if ancestor in roots:
                ours += used
        return cls(sum(fields) - idle, sum(fields), ours)

    def since(self, before: Cpu) -> str:
        """Cores busy on average over the machine since ``before``, and how many of them this run's processes."""
        cores = os.cpu_count() or 1
        elapsed = (self.machine_total - before.machine_total) / cores
        if elapsed <= 0:
            return ""
        busy = (self.machine_busy - before.machine_busy) / elapsed
        ours = (self.ours - before.ours) / elapsed
        return f"{busy:.2f} of {cores} cores busy; this run's {ours:.2f}, others' {max(0.0, busy - ours):.2f}"


@dataclass
class Pressure:
    """The kernel's pressure stall counters (``/proc/pressure``, microseconds since boot): how long some task
    waited for a CPU, and some or all tasks for I/O (the disk: PostgreSQL's WAL flush at each commit)."""

    at: float
    cpu_some: int
    io_some: int
    io_full: int

    @classmethod
    def now(cls) -> Pressure:
        def totals(kind: str) -> list[int]:
            try:
                lines = Path(f"/proc/pressure/{kind}").read_text().splitlines()
            except OSError:
                return [0, 0]
            return [int(line.rpartition("total=")[2]) for line in lines]

        cpu, io = totals("cpu"), totals("io")
        return cls(time.perf_counter(), cpu[0], io[0], io[1])


def pressure_between(samples: list[Pressure], begin: float, end: float) -> str:
    """The share of the time from ``begin`` to ``end`` that some task waited for a CPU, and that some / all
    waited for I/O (from the samples around the window)."""
    before = [p for p in samples if p.at <= begin]
    after = [p for p in samples if p.at >= end]
    if not before or not after:
        return "(no pressure samples)"
    a, b = before[-1], after[0]
    span = (b.at - a.at) * 1_000_000
    return (
        f"CPU wait {(b.cpu_some - a.cpu_some) / span:.0%}, I/O wait some {(b.io_some - a.io_some) / span:.0%} "
        f"/ full {(b.io_full - a.io_full) / span:.0%}"
    )


def stalls(run: Run, single: dict[str, float]) -> tuple[int, list[tuple[float, float, list[str]]]]:
    """The slow requests (over 5 × their route's single-client p50) and the episodes they make: their intervals
    (from the due or sent time their latency counts from, to the answer), overlapping ones merged, longest
    first. Many requests of several routes slow in one episode is a stall of what they share — a process, the
    database, the disk, the machine — not the cost of one request."""
    slow = sorted(
        ((s.due if s.queued else s.sent), s.ended, s.route)
        for s in run.samples
        if s.route in single and s.ms > 5 * single[s.route]
    )
    episodes: list[tuple[float, float, list[str]]] = []
    for begin, end, route in slow:
        if episodes and begin <= episodes[-1][1]:
            first, last, routes = episodes[-1]
            episodes[-1] = (first, max(last, end), [*routes, route])
        else:
            episodes.append((begin, end, [route]))
    return len(slow), sorted(episodes, key=lambda e: e[0] - e[1])


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank percentile: with fewer than 1 ÷ (1 − q) values, the largest."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


# --- data ----------------------------------------------------------------------------------------------------
def mixed_tokens(bench: Bench) -> dict[str, str]:
    """A token per persona of the mix: coordinator, analyst, partner, the police feed."""
    from bench.run import token

    gateway = bench.gateway
    feed = feed_token(gateway)
    return {
        "coordinator": bench.tokens["coordinator"],
        "analyst": bench.tokens["analyst"],
        "partner": token(gateway, "partner@example.org"),
        "feed": str(feed),
    }


async def prepare(bench: Bench, tokens: dict[str, str]) -> State:
    """Young people to refer (one JSON import), referrals sent to the partner and waiting, ids to read."""
    gateway = bench.gateway
    feed = tokens["feed"]
    batch = uuid.uuid4().hex[:8]
    reports = [
        {
            "crime_reference": f"MIX/{batch}/{i}",
            "occurred_at": "2026-10-01T21:00:00Z",
            "district": "medway" if i % 2 else "swale",
            "category": "drug-supply-linked",
            "weapon_knife": False,
            "weapon_firearm": False,
            "location": "Bench Road",
            "people": [
                {
                    "role": "victim",
                    "given_name": f"Mix{i}",
                    "family_name": f"Person{batch}{i}",
                    "date_of_birth": f"{2008 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                    "police_person_id": f"KP-MIX-{batch}-{i}",
                }
            ],
        }
        for i in range(SUBJECTS)
    ]
    async with httpx.AsyncClient(base_url=gateway, timeout=120) as client:
        for start in range(0, SUBJECTS, 200):
            response = await client.post(
                "/v1/imports/incidents", json={"reports": reports[start : start + 200]}, headers=auth(feed)
            )
            response.raise_for_status()
    connection = await asyncpg.connect(bench.dsn("referrals"))
    try:
        pairs = await connection.fetch(
            """SELECT p.subject_id::text AS subject_id, i.review_id::text AS review_id, i.id::text AS incident_id
            FROM referrals.incident_people p JOIN referrals.incidents i ON i.id = p.incident_id
            WHERE i.crime_reference LIKE $1 AND p.subject_id IS NOT NULL AND i.review_id IS NOT NULL""",
            f"MIX/{batch}/%",
        )
        reviews = await connection.fetch(
            """SELECT r.id::text FROM referrals.reviews r
            JOIN referrals.districts d ON d.id = r.district_id WHERE d.code IN ('medway', 'swale') LIMIT 200"""
        )
    finally:
        await connection.close()
    if len(pairs) < WAITING + 40:
        raise RuntimeError(f"the import made {len(pairs)} young people to refer, not {SUBJECTS}")
    state = State(
        tokens=tokens,
        review_ids=[r[0] for r in reviews],
        referral_ids=[],
        incident_ids=[p["incident_id"] for p in pairs],
        fresh=[(p["subject_id"], p["review_id"]) for p in pairs],
    )
    async with httpx.AsyncClient(base_url=gateway, timeout=60) as client:
        for _ in range(WAITING):
            rid = await create_and_send(client, state, *state.fresh.pop())
            if rid is None:
                raise RuntimeError("could not create and send a referral for the mixed load")
    state.referral_ids = list(state.waiting)
    return state


# --- scenarios ------------------------------------------------------------------------------------------------
def scenario_mixed(bench: Bench) -> None:
    """6. The day's mix, 16 clients through the gateway: saturated (closed loop, no pause, informational) and
    paced (open loop, the target); the read and list routes against the reference doing the same SQL, both ways."""
    state = asyncio.run(prepare(bench, mixed_tokens(bench)))
    reads = tuple(r for r in MIX if r.reference)

    async def product(client: httpx.AsyncClient, route: str) -> bool | None:
        return await do(client, route, state)

    async def reference(client: httpx.AsyncClient, route: str) -> bool | None:
        return await do(client, route, state, reference=True)

    roots = {os.getpid(), int(bench.platform.pg.get_pid())}

    def measured(load: Coroutine[None, None, Run]) -> Run:
        before = Cpu.now(roots)
        stop = threading.Event()
        pressure: list[Pressure] = []

        def sample() -> None:
            while not stop.wait(0.1):
                pressure.append(Pressure.now())

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            run = asyncio.run(load)
        finally:
            stop.set()
            sampler.join()
        run.machine = Cpu.now(roots).since(before)
        run.pressure = pressure
        return run

    paced_seconds = max(bench.seconds, PACED_SECONDS)
    single = asyncio.run(single_client(bench.gateway, MIX, product))
    busy = measured(saturated(bench.gateway, MIX, bench.seconds, product))
    calm = measured(paced(bench.gateway, MIX, paced_seconds, product))
    ref_single = asyncio.run(single_client(bench.reference_url, reads, reference))
    ref_busy = measured(saturated(bench.reference_url, reads, bench.seconds, reference))
    ref_calm = measured(paced(bench.reference_url, reads, paced_seconds, reference))
    report_saturated(bench, busy, ref_busy, single, ref_single, reads)
    report_paced(bench, calm, ref_calm, busy, single, ref_single)


def route_figures(run: Run, route: str) -> tuple[list[float], int]:
    mine = [s for s in run.samples if s.route == route]
    return [s.ms for s in mine], sum(not s.ok for s in mine)


def reference_figures(run: Run, route: Route, alone: dict[str, float]) -> str:
    times, errors = route_figures(run, route.name)
    if not route.reference or not times:
        return ""
    return (
        f"p50 {percentile(times, 0.5):.0f} / p99 {percentile(times, 0.99):.0f} "
        f"(alone {alone.get(route.name, float('nan')):.1f}), n {len(times)}" + (f", {errors} errors" if errors else "")
    )


def report_saturated(
    bench: Bench, run: Run, ref: Run, single: dict[str, float], ref_single: dict[str, float], reads: tuple[Route, ...]
) -> None:
    """Informational rows: what 16 clients without a pause make of the platform and of the reference."""
    name = "8 mixed load, saturated (16 closed-loop clients, no pause)"
    bench.add(
        name, f"throughput req/s ({len(run.samples)} requests, {run.wall:.0f} s)", f"{len(run.samples) / run.wall:.0f}"
    )
    bench.add(name, "load generator CPU (share of one core)", f"{run.cpu / run.wall:.2f}")
    bench.add(name, "machine CPU during the run", run.machine, ref.machine)
    read_rate = sum(any(r.name == s.route for r in reads) for s in run.samples) / run.wall
    ref_rate = len(ref.samples) / ref.wall
    bench.add(
        name,
        "read + list req/s (product: amid the writes too)",
        f"{read_rate:.0f}",
        f"{ref_rate:.0f}",
        f"{read_rate / ref_rate:.2f}",
        "(of the reference)",
    )
    for route in MIX:
        times, errors = route_figures(run, route.name)
        if not times:
            bench.add(name, route.name, "none in this run (a rare route: run longer)")
            continue
        alone = single.get(route.name, float("nan"))
        p50, p99 = percentile(times, 0.50), percentile(times, 0.99)
        bench.add(
            name,
            f"{route.name}: p50 / p99 ms (alone p50), errors",
            f"{p50:.0f} / {p99:.0f} ({alone:.0f}), {errors}",
            reference_figures(ref, route, ref_single),
            f"{p99 / alone:.1f}",
            "(p99 ÷ alone; no target)",
        )
    bench.add(
        name, "errors (all routes)", str(sum(not s.ok for s in run.samples)), str(sum(not s.ok for s in ref.samples))
    )


def report_paced(
    bench: Bench, run: Run, ref: Run, busy: Run, single: dict[str, float], ref_single: dict[str, float]
) -> None:
    """The target rows: per route p99 ≤ 5 × its single-client p50 and 0 errors under the paced load."""
    name = f"8 mixed load, paced (16 clients, open loop, {THINK_MEAN_SECONDS:g} s mean gap)"
    offered, achieved = run.due / run.window, len(run.samples) / run.wall
    bench.add(
        name,
        f"offered / achieved req/s ({run.due} due in {run.window:.0f} s)",
        f"{offered:.1f} / {achieved:.1f}",
        f"{ref.due / ref.window:.1f} / {len(ref.samples) / ref.wall:.1f}",
    )
    saturation = len(busy.samples) / busy.wall
    bench.add(
        name,
        "offered ÷ the saturated throughput of this run",
        f"{offered:.1f}",
        f"{saturation:.0f}",
        f"{offered / saturation:.2f}",
        "(utilisation)",
    )
    bench.add(name, "load generator CPU (share of one core)", f"{run.cpu / run.wall:.2f}")
    bench.add(name, "machine CPU during the run", run.machine, ref.machine)
    bench.add(name, "requests due while their client awaited an answer", queued(run), queued(ref))
    bench.add(name, "generator wake-up lag p50 / p99 ms (not counted)", lag(run), lag(ref))
    for route in MIX:
        times, errors = route_figures(run, route.name)
        if not times:
            bench.add(name, route.name, "none in this run (a rare route: run longer)")
            continue
        alone = single.get(route.name, float("nan"))
        p50, p99 = percentile(times, 0.50), percentile(times, 0.99)
        ratio = p99 / alone
        bench.add(
            name,
            f"{route.name}: p50 / p99 ms (alone p50), errors, n",
            f"{p50:.0f} / {p99:.0f} ({alone:.1f}), {errors}, {len(times)}",
            reference_figures(ref, route, ref_single),
            f"{ratio:.1f}",
            "p99 ≤ 5 × alone, 0 errors",
            "met" if ratio <= 5 and errors == 0 else "MISSED",
        )
    mine, theirs = ratios(run, single), ratios(ref, ref_single)
    if mine and theirs:
        bench.add(
            name,
            "all reads ÷ their alone p50, p50 / p99 (n)",
            f"{percentile(mine, 0.5):.1f} / {percentile(mine, 0.99):.1f} ({len(mine)})",
            f"{percentile(theirs, 0.5):.1f} / {percentile(theirs, 0.99):.1f} ({len(theirs)})",
        )
    for label, writes in (
        ("an import", ("feed POST /v1/imports/incidents.csv (20 rows)",)),
        ("any write", tuple(r.name for r in MIX if not r.reference)),
        ("any other request (all are referrals')", tuple(r.name for r in MIX)),
    ):
        during, apart = beside(run, writes, single)
        if during and apart:
            bench.add(
                name,
                f"reads ÷ their alone p50, p50 / p99: arriving during {label} (n) vs not (n)",
                f"{percentile(during, 0.5):.1f} / {percentile(during, 0.99):.1f} ({len(during)})",
                f"{percentile(apart, 0.5):.1f} / {percentile(apart, 0.99):.1f} ({len(apart)})",
            )
    imports, _ = route_figures(run, "feed POST /v1/imports/incidents.csv (20 rows)")
    if imports:
        bench.add(
            name,
            "import of 20 rows: p50 / max ms (alone p50)",
            f"{percentile(imports, 0.5):.0f} / {max(imports):.0f} "
            f"({single.get('feed POST /v1/imports/incidents.csv (20 rows)', float('nan')):.0f})",
        )
    for label, measured_run in (("product", run), ("reference", ref)):
        if measured_run.pressure:
            first, last = measured_run.pressure[0].at, measured_run.pressure[-1].at
            bench.add(
                name, f"machine pressure over the run ({label})", pressure_between(measured_run.pressure, first, last)
            )
    count, episodes = stalls(run, single)
    start = run.pressure[0].at if run.pressure else 0.0
    bench.add(name, "slow requests (> 5 × alone) and the episodes they make", f"{count} in {len(episodes)}")
    for begin, end, routes in episodes[:3]:
        bench.add(
            name,
            f"  episode at {begin - start:.1f} s: {(end - begin) * 1000:.0f} ms, {len(routes)} slow requests "
            f"of {len(set(routes))} routes",
            pressure_between(run.pressure, begin, end),
        )
    errors = sum(not s.ok for s in run.samples)
    bench.add(
        name,
        "errors (all routes)",
        str(errors),
        str(sum(not s.ok for s in ref.samples)),
        "",
        "0",
        "met" if errors == 0 else "MISSED",
    )


def ratios(run: Run, single: dict[str, float]) -> list[float]:
    """Each read's (and list's) latency ÷ its route's single-client p50."""
    reads = {r.name for r in MIX if r.reference}
    return [s.ms / single[s.route] for s in run.samples if s.route in reads and s.route in single]


def queued(run: Run) -> str:
    late = sum(s.queued for s in run.samples)
    return f"{late} ({late / max(1, len(run.samples)):.0%})"


def lag(run: Run) -> str:
    """How late the generator sent the requests whose client was idle at their due time (asyncio's wake-up on a
    busy machine): the generator's, not the server's, so not in their latency."""
    late = [(s.sent - s.due) * 1000 for s in run.samples if not s.queued]
    return f"{percentile(late, 0.5):.1f} / {percentile(late, 0.99):.1f}" if late else ""


def beside(run: Run, writes: tuple[str, ...], single: dict[str, float]) -> tuple[list[float], list[float]]:
    """Each read's (and list's) latency ÷ its route's single-client p50, split by whether a request of ``writes``
    was in flight (sent, not yet answered) when the read's latency started counting: did it arrive behind the
    write? (Not "at any time until its answer": a read slowed by anything overlaps more writes, which would
    blame them for it.)"""
    busy = [(i, s.sent, s.ended) for i, s in enumerate(run.samples) if s.route in writes]
    reads = {r.name for r in MIX if r.reference}
    during: list[float] = []
    apart: list[float] = []
    for n, s in enumerate(run.samples):
        if s.route not in reads or s.route not in single:
            continue
        began = s.due if s.queued else s.sent
        overlapping = any(sent <= began < ended for i, sent, ended in busy if i != n)
        (during if overlapping else apart).append(s.ms / single[s.route])
    return during, apart


def scenario_queue(bench: Bench) -> None:
    """The coordinator's review queue page (``GET /v1/reviews?limit=50``) under wrk through the gateway, vs the
    reference's same SQL."""
    name = "2 review queue pages"
    product = wrk(
        f"{bench.gateway}/v1/reviews?limit=50", headers=auth(bench.tokens["coordinator"]), seconds=bench.seconds
    )
    reference = wrk(f"{bench.reference_url}/queue", headers={}, seconds=bench.seconds)
    ratio = product.requests_per_second / reference.requests_per_second
    bench.add(
        name,
        "first page req/s through gateway (wrk)",
        f"{product.requests_per_second:.0f}",
        f"{reference.requests_per_second:.0f}",
        f"{ratio:.2f}",
        "≥ 0.30",
        "met" if ratio >= 0.30 else "MISSED",
    )
    bench.add(name, "first page p99 ms (gateway / reference)", f"{product.p99_ms:.1f}", f"{reference.p99_ms:.1f}")
    errors = product.errors + reference.errors
    bench.add(name, "errors (non-2xx + socket)", str(errors), "", "", "0", "met" if errors == 0 else "MISSED")
