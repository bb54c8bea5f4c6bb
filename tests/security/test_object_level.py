"""Object-level authorization (OWASP API1 BOLA): records owned by one district, agency or site are invisible
to everyone else who may use the same routes — 404 on read, change or delete, absent from every list — and
a refused attempt changes nothing. Every operation with a path parameter is covered: each parameter is
classified in ``world.PARAMS``; the records come from ``world.py``."""

from __future__ import annotations

import itertools
from typing import Any

import httpx
import pytest

from tests.security.inprocess import SERVICES, Services
from tests.security.oas import PROBLEM_JSON, Operation
from tests.security.policy import PRINCIPALS, allowed
from tests.security.world import PARAMS, REQUESTS, WORLDS, Record, World, body_cases, required_query

#: Who reads every record back, per service, to prove a refused attempt changed nothing.
READER = {
    "identity": "admin",
    "referrals": "analyst",
    "funding": "programme_officer",
    "etp_inventory": "admin",
    "notifications": "admin",
}

#: Lists that publish records on purpose: the 360Giving export names every awarded grant (open data).
PUBLISHED = {("funding", "/v1/exports/360giving.json"), ("funding", "/v1/exports/360giving.csv")}


@pytest.fixture(scope="module")
async def worlds(services: Services) -> dict[str, World]:
    return {service: await WORLDS[service](services) for service in SERVICES}


def test_every_path_parameter_is_classified(all_operations: list[Operation]) -> None:
    unknown = sorted(
        f"{op.service}: {{{name}}} in {op.method} {op.path}"
        for op in all_operations
        for name in op.path_params
        if name not in PARAMS[op.service]
    )
    assert not unknown, "classify these path parameters in tests/security/world.py PARAMS:\n" + "\n".join(unknown)


def scoped(op: Operation) -> bool:
    return any(PARAMS[op.service].get(name) for name in op.path_params)


def fill(op: Operation, world: World, chosen: dict[str, Record]) -> str:
    path = op.path
    for name in op.path_params:
        value = chosen[name].id if name in chosen else world.values.get(name, "3f6c1c2e-0000-4000-8000-000000000000")
        path = path.replace("{" + name + "}", value)
    return path


def combinations(op: Operation, world: World) -> list[dict[str, Record]]:
    names = [n for n in op.path_params if PARAMS[op.service].get(n)]
    choices = [[(n, world.records[r]) for r in PARAMS[op.service][n] or ()] for n in names]
    return [dict(combo) for combo in itertools.product(*choices)]


async def snapshot(services: Services, world: World) -> dict[str, Any]:
    reader = READER[world.service]
    out: dict[str, Any] = {}
    for name, record in world.records.items():
        if record.read_path:
            response = await services.call(world.service, "GET", record.read_path, reader)
            assert response.status_code == 200, (name, response.text)
            out[name] = response.json()
    return out


async def etag(services: Services, world: World, record: Record) -> str:
    if record.read_path is None:
        return '"v1"'
    response = await services.call(world.service, "GET", record.read_path, READER[world.service])
    return str(response.headers.get("etag", '"v1"'))


def leaked(response: httpx.Response, world: World, principal: str) -> list[str]:
    """Record ids in a response that ``principal`` may not learn."""
    text = response.text
    return [
        f"{name} ({record.kind})"
        for name, record in world.records.items()
        if record.scan and principal not in record.visible_to and record.id in text
    ]


@pytest.mark.parametrize("service", SERVICES)
async def test_records_of_others_are_404_to_read_change_and_delete(
    services: Services, worlds: dict[str, World], all_operations: list[Operation], service: str
) -> None:
    world = worlds[service]
    bodies = REQUESTS[service](world)
    before = await snapshot(services, world)
    wrong: list[str] = []
    checked = 0
    for op in (o for o in all_operations if o.service == service and scoped(o)):
        outsiders = {
            principal
            for chosen in combinations(op, world)
            for principal in PRINCIPALS
            if allowed(service, op.method, op.path, principal)
            and not all(principal in record.visible_to for record in chosen.values())
        }
        if op.method != "GET" and outsiders and op.key not in bodies:
            wrong.append(f"{op}: no request body declared in world.py REQUESTS")
            continue
        for chosen in combinations(op, world):
            path = fill(op, world, chosen)
            for principal in PRINCIPALS:
                if not allowed(service, op.method, op.path, principal):
                    continue
                visible = all(principal in record.visible_to for record in chosen.values())
                if visible and op.method != "GET":
                    continue  # the owner may change it: not what this test is about
                headers = {"If-Match": await etag(services, world, next(iter(chosen.values())))}
                body = bodies.get(op.key)
                response = await services.call(
                    service,
                    op.method,
                    path,
                    principal,
                    json_body=body if op.body() is not None else None,
                    headers=headers,
                )
                checked += 1
                where = f"{op.method} {path} ({', '.join(f'{k}={r.kind}' for k, r in chosen.items())}) as {principal}"
                if visible:
                    if response.status_code != 200:
                        wrong.append(f"{where}: {response.status_code}, the owner should read it")
                    leaks = leaked(response, world, principal)
                    if leaks:
                        wrong.append(f"{where}: the response names {leaks}")
                    continue
                if response.status_code != 404 or not response.headers["content-type"].startswith(PROBLEM_JSON):
                    wrong.append(f"{where}: {response.status_code} (expected 404) {response.text[:150]}")
                elif response.json()["type"].endswith("/not-found"):  # the unknown-route slug: not a hidden record
                    wrong.append(f"{where}: 404 with the unknown-route slug {response.text[:150]}")
    after = await snapshot(services, world)
    changed = [name for name in before if before[name] != after[name]]
    assert not changed, f"refused requests changed {changed}"
    print(f"\nobject checks ({service}): {checked} requests")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("service", SERVICES)
async def test_lists_show_only_what_each_principal_may_see(
    services: Services, worlds: dict[str, World], all_operations: list[Operation], service: str
) -> None:
    world = worlds[service]
    wrong: list[str] = []
    for op in all_operations:
        if op.service != service or op.method != "GET" or op.path_params or (service, op.path) in PUBLISHED:
            continue
        params = required_query(op)
        limit = next((p for p in op.parameters("query") if p["name"] == "limit"), None)
        if limit is not None:
            params["limit"] = limit["schema"]["maximum"]
        for principal in PRINCIPALS:
            if not allowed(service, op.method, op.path, principal):
                continue
            response = await services.call(service, "GET", op.path, principal, params=params)
            assert response.status_code == 200, (str(op), principal, response.text)
            leaks = leaked(response, world, principal)
            if leaks:
                wrong.append(f"GET {op.path} as {principal} lists {leaks}")
            for name, record in world.records.items():
                if record.listed_at == op.path and principal in record.visible_to and record.id not in response.text:
                    wrong.append(f"GET {op.path} as {principal} misses {name}, which it may see")
    assert not wrong, "\n".join(wrong)


def test_the_world_gives_each_record_an_outsider(worlds: dict[str, World]) -> None:
    """Every record has someone who may use its routes but not see it — else the checks above prove nothing."""
    for world in worlds.values():
        for name, record in world.records.items():
            outsiders = set(PRINCIPALS) - record.visible_to
            assert outsiders & {
                "coordinator",
                "coordinator_tc",
                "partner",
                "partner_other",
                "csp_medway",
                "csp_swale",
                "guardian",
                "guardian_other",
            }, name


@pytest.mark.parametrize("service", ["referrals", "etp_inventory"])
async def test_writes_naming_others_records_in_the_body_are_refused(
    services: Services, worlds: dict[str, World], service: str
) -> None:
    world = worlds[service]
    before = await snapshot(services, world)
    cases = body_cases(world)
    assert cases
    wrong = []
    for case in cases:
        response = await services.call(service, case.method, case.path, case.principal, json_body=case.body)
        if response.status_code not in case.expected or response.json()["type"].endswith(("/not-found", "/conflict")):
            wrong.append(f"{case.method} {case.path} as {case.principal}: {response.status_code} {response.text[:200]}")
    after = await snapshot(services, world)
    assert [name for name in before if before[name] != after[name]] == []
    assert not wrong, "\n".join(wrong)
