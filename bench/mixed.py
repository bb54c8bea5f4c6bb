"""The daily mix under load (issue 17, item 6) and the review queue page against the reference (the target
"review queue page ≥ 0.30 × reference"). Registered in ``bench/run.py`` as ``mixed`` and ``queue``.

``mixed``: 16 clients at once through the gateway for ``--seconds``, each picking its next request from the day's
mix by weight (:data:`MIX`): coordinators read the review queue and reviews, analysts read referrals, incidents and
their lists, partners read the referrals sent to them and accept them, coordinators create and send referrals, the
police feed imports a small CSV now and then. Reported per route: p50 and p99 under the load, the same route's
p50 with a single client measured in the same run just before, errors; the run's throughput; the read and list
routes replayed with the same 16 clients against the reference app doing the same SQL.

The load generator is Python (asyncio + httpx, one connection per client, as a browser or a partner's system
holds one): the mix needs state wrk's Lua cannot keep cheaply (ids created during the run, a pool of referrals
waiting for a partner's answer, per-route percentiles). Its CPU is measured and reported: at the mix's rate it
is a small share of one core, so it is not what limits the figures.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import asyncpg
import httpx

from bench.load import wrk

if TYPE_CHECKING:
    from bench.run import Bench

CLIENTS = 16
PARTNER = "childrens-social-work-services"
#: Young people imported for the run: each referral write needs a subject without an open referral to the partner.
SUBJECTS = 400
#: Referrals sent to the partner before the run, waiting for its answer.
WAITING = 60
IMPORT_ROWS = 20


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
    ms: float
    ok: bool


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
async def single_client(base_url: str, state: State, routes: tuple[Route, ...], reference: bool) -> dict[str, float]:
    """Each route's p50 with one client (10 requests each, 3 for the import), after one warm-up request."""
    p50 = {}
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:
        for route in routes:
            await do(client, route.name, state, reference)
            times = []
            for _ in range(3 if "imports" in route.name else 10):
                started = time.perf_counter()
                if await do(client, route.name, state, reference) is None:
                    continue
                times.append((time.perf_counter() - started) * 1000)
            if times:
                p50[route.name] = statistics.median(times)
    return p50


async def concurrent(
    base_url: str, state: State, routes: tuple[Route, ...], seconds: float, reference: bool
) -> tuple[list[Sample], float, float]:
    """``CLIENTS`` clients for ``seconds``: the samples, the wall time, and this process's CPU seconds meanwhile."""
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
                    ok = await do(client, route, state, reference)
                except httpx.HTTPError:
                    ok = False
                if ok is None:
                    continue
                samples.append(Sample(route, (time.perf_counter() - started) * 1000, ok))

    cpu = time.process_time()
    started = time.perf_counter()
    await asyncio.gather(*(one(random.Random(i)) for i in range(CLIENTS)))
    return samples, time.perf_counter() - started, time.process_time() - cpu


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


# --- data ----------------------------------------------------------------------------------------------------
def mixed_tokens(bench: Bench) -> dict[str, str]:
    """A token per persona of the mix: coordinator, analyst, partner, the police feed."""
    from bench.run import token

    gateway = bench.gateway
    feed = httpx.post(
        gateway + "/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=("police-crime-feed", "dev-only-police-feed-secret"),
        timeout=10,
    ).json()["access_token"]
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
    """6. The day's mix, 16 clients through the gateway for ``--seconds``; the read and list routes against the
    reference doing the same SQL."""
    name = "8 mixed load (16 clients)"
    state = asyncio.run(prepare(bench, mixed_tokens(bench)))
    single = asyncio.run(single_client(bench.gateway, state, MIX, reference=False))
    samples, wall, cpu = asyncio.run(concurrent(bench.gateway, state, MIX, bench.seconds, reference=False))
    reads = tuple(r for r in MIX if r.reference)
    ref_single = asyncio.run(single_client(bench.reference_url, state, reads, reference=True))
    ref_samples, ref_wall, _ = asyncio.run(concurrent(bench.reference_url, state, reads, bench.seconds, True))

    errors = sum(not s.ok for s in samples)
    bench.add(
        name,
        f"throughput req/s ({len(samples)} requests, {wall:.0f} s)",
        f"{len(samples) / wall:.0f}",
        "",
        "",
        "",
        "",
    )
    bench.add(name, "load generator CPU (share of one core)", f"{cpu / wall:.2f}")
    read_samples = [s for s in samples if any(r.name == s.route for r in reads)]
    read_rate = len(read_samples) / wall
    ref_rate = len(ref_samples) / ref_wall
    bench.add(
        name,
        "read + list req/s (product: amid the writes too)",
        f"{read_rate:.0f}",
        f"{ref_rate:.0f}",
        f"{read_rate / ref_rate:.2f}",
        "(of the reference)",
    )
    for route in MIX:
        mine = [s for s in samples if s.route == route.name]
        if not mine:
            bench.add(name, route.name, "none in this run (a rare route: run longer)")
            continue
        times = [s.ms for s in mine]
        route_errors = sum(not s.ok for s in mine)
        p50, p99 = percentile(times, 0.50), percentile(times, 0.99)
        alone = single.get(route.name, float("nan"))
        ratio = p99 / alone
        reference = ""
        if route.reference:
            ref_times = [s.ms for s in ref_samples if s.route == route.name]
            if ref_times:
                reference = (
                    f"p50 {percentile(ref_times, 0.5):.0f} / p99 {percentile(ref_times, 0.99):.0f} "
                    f"(alone {ref_single.get(route.name, float('nan')):.1f})"
                )
        bench.add(
            name,
            f"{route.name}: p50 / p99 ms (alone p50), errors",
            f"{p50:.0f} / {p99:.0f} ({alone:.0f}), {route_errors}",
            reference,
            f"{ratio:.1f}",
            "p99 ≤ 5 × alone, 0 errors",
            "met" if ratio <= 5 and route_errors == 0 else "MISSED",
        )
    bench.add(name, "errors (all routes)", str(errors), "", "", "0", "met" if errors == 0 else "MISSED")


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
