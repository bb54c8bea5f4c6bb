"""The fuzzing schemathesis does not do, on every operation in process, with the records of the security world.

Schemathesis (``test_schemathesis.py``) now generates the inputs from the schemas — each keyword broken
(its coverage phase), random schema-valid inputs (fuzzing), sequences of calls (stateful) — and checks every
response. Kept here is what it does not send, or does not send with real records' ids:

- the operation's documented examples on the world's records (schemathesis's examples mostly meet a 404);
- hostile strings (injection, traversal, control characters, odd unicode, 5,000 characters) in every query and
  path parameter and every string of the body, nested ones included;
- broken bodies: not JSON, a list, a string, empty; the wrong media type; broken CSV (not UTF-8, an unclosed
  quote, an unknown column, no header) and hostile CSV rows; hostile and oversized form fields;
- a NUL character in every text input (``test_nul_characters_are_refused_not_500``: schemathesis cannot put one
  in a header, and PostgreSQL cannot store one).

For every response: never a 5xx (but a documented 503 with ``Retry-After`` when a service it needs is
unreachable); its status is one the operation documents (415 excepted for a body of the wrong media type);
its body conforms to the documented schema for that status and media type — no undocumented fields;
negative data is refused (a 4xx other than 401/403, never a 2xx).

Bounded by default: ``VRU_FUZZ_CASES`` of the cases per operation (default 12, the first two always), chosen
with ``VRU_FUZZ_SEED``; ``VRU_FUZZ_CASES=0`` runs every case (docs/security.md, "The deeper fuzz").
"""

from __future__ import annotations

import json
import math
import os
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.security.inprocess import SERVICES, Services
from tests.security.oas import (
    JSON,
    PROBLEM_JSON,
    Operation,
    hostile_strings,
    replaced,
    resolve,
    string_leaves,
    validate,
)
from tests.security.policy import POLICY, PRINCIPALS, PUBLIC, allowed
from tests.security.world import WORLDS, World, path_values, required_query

CASES = int(os.environ.get("VRU_FUZZ_CASES", "12"))
SEED = int(os.environ.get("VRU_FUZZ_SEED", "20261121"))

#: Statuses the platform gives any operation for a case that asks for them, documented or not.
PLATFORM_WIDE = {"wrong media type": 415}

#: Who calls each service in the fuzz (allowed on most routes), else the first principal the policy allows.
PREFERRED = {
    "identity": "admin",
    "referrals": "analyst",
    "funding": "programme_officer",
    "etp_inventory": "programme_officer",
    "notifications": "admin",
}


@dataclass
class Case:
    label: str
    #: Whether the request is wrong (must be refused with a 4xx).
    negative: bool
    path_values: dict[str, str] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)
    body: Any = None
    raw: bytes | None = None
    media_type: str | None = None


@pytest.fixture(scope="module")
async def worlds(services: Services) -> dict[str, World]:
    return {service: await WORLDS[service](services) for service in SERVICES}


def caller(op: Operation) -> str | None:
    if POLICY[op.service][op.key] == PUBLIC:
        return None
    preferred = PREFERRED[op.service]
    if allowed(op.service, op.method, op.path, preferred):
        return preferred
    return next(p for p in PRINCIPALS if allowed(op.service, op.method, op.path, p))


def cases(op: Operation, world: World) -> Iterator[Case]:
    """Every case for ``op``: its examples first, then each way to break each input."""
    ids = path_values(op, world)
    body = op.body()
    media_type = body[0] if body else None
    examples = op.examples() or ([{}] if media_type == JSON else [None])
    base = examples[0]

    def on_base(label: str, negative: bool, **changes: Any) -> Case:
        return Case(label, negative, changes.pop("path_values", ids), body=base, media_type=media_type, **changes)

    for i, example in enumerate(examples):
        yield Case(f"example {i + 1}", False, ids, body=example, media_type=media_type)
    for param in op.parameters("query"):
        name = param["name"]
        for hostile in hostile_strings():
            yield on_base(f"query {name}: {hostile[:20]!r}", False, query={name: hostile})
    for name in op.path_params:
        for hostile in hostile_strings():
            if "/" not in hostile and "%" not in hostile:  # else another route, not this one
                yield on_base(f"path {name}: {hostile[:20]!r}", False, path_values={**ids, name: hostile})
    if body is None:
        return
    if media_type == JSON:
        yield from _json_cases(op, ids, base)
    elif media_type == "text/csv":
        yield from _csv_cases(ids, base if isinstance(base, str) else "crime_reference\n")
    elif media_type == "application/x-www-form-urlencoded":
        for hostile in hostile_strings():
            form = str(httpx.QueryParams({"grant_type": "password", "username": hostile, "password": hostile}))
            yield Case(f"form: {hostile[:20]!r}", False, ids, raw=form.encode(), media_type=media_type)
        too_long = b"grant_type=password&username=a&password=" + b"p" * 5000
        yield Case("form: too long", True, ids, raw=too_long, media_type=media_type)


def _json_cases(op: Operation, ids: dict[str, str], base: Any) -> Iterator[Case]:
    if isinstance(base, dict):
        yield Case("body: an unknown property", True, ids, body={**base, "security_unknown": 1}, media_type=JSON)
    for where in string_leaves(base):
        label = ".".join(str(w) for w in where)
        for hostile in hostile_strings():
            body = replaced(base, where, hostile)
            yield Case(f"body {label}: {hostile[:20]!r}", False, ids, body=body, media_type=JSON)
    for what, raw in (("not JSON", b"{'a': 1"), ("a list", b"[]"), ("a string", b'"x"'), ("empty", b"")):
        if raw or op.body_required:
            yield Case(f"body: {what}", True, ids, raw=raw, media_type=JSON)
    yield Case("wrong media type", True, ids, raw=b"<a/>", media_type="application/xml")


def _csv_cases(ids: dict[str, str], text: str) -> Iterator[Case]:
    header, first = [*text.splitlines(), "", ""][:2]
    for what, raw in (
        ("not UTF-8", b"\xff\xfe\xfa" * 50),
        ("an unclosed quote", (header + '\n"46/1/26,x\n').encode()),
        ("an unknown column", b"crime_reference,nonsense\n46/1/26,x\n"),
        ("no header", b""),
    ):
        yield Case(f"csv: {what}", True, ids, raw=raw, media_type="text/csv")
    for hostile in hostile_strings():
        row = first.replace("High Street", hostile.replace('"', "").replace(",", " "))
        yield Case(f"csv row: {hostile[:20]!r}", False, ids, raw=f"{header}\n{row}\n".encode(), media_type="text/csv")
    yield Case("wrong media type", True, ids, raw=text.encode(), media_type="application/xml")


def check(op: Operation, case: Case, response: httpx.Response) -> list[str]:
    status = response.status_code
    where = f"{op} [{case.label}]"
    unavailable = status == 503 and status in op.statuses() and "retry-after" in response.headers
    if status >= 500 and not unavailable:  # a documented 503 (a peer it needs is down) is an answer, not a fault
        return [f"{where}: {status} {response.text[:300]}"]
    problems: list[str] = []
    if status not in op.statuses() and PLATFORM_WIDE.get(case.label) != status:
        problems.append(f"{where}: {status} is not documented ({sorted(op.statuses())}): {response.text[:160]}")
    if case.negative and not (400 <= status < 500 and status not in (401, 403)):
        problems.append(f"{where}: accepted with {status} (negative data must be refused)")
    media_type = response.headers.get("content-type", "").split(";")[0].strip()
    if media_type in (JSON, PROBLEM_JSON) and response.content:
        schema = op.response_schema(status, media_type) or (
            {"$ref": "#/components/schemas/Problem"} if media_type == PROBLEM_JSON else None
        )
        if schema is None:
            problems.append(f"{where}: {status} {media_type} is not a documented response body")
        else:
            errors = validate(op.document, schema, response.json(), strict=True)
            if errors:
                problems.append(f"{where}: {status} body does not match its schema: {errors[:3]}")
    return problems


async def send(services: Services, op: Operation, case: Case) -> httpx.Response:
    path = op.path
    for name, value in case.path_values.items():
        path = path.replace("{" + name + "}", quote(value, safe=""))
    headers = services.headers(caller(op))
    if op.method in {"PATCH", "PUT", "DELETE"} or "transitions" in op.path:
        headers["If-Match"] = '"v1"'
    content = case.raw
    if case.body is not None and content is None:
        content = json.dumps(case.body).encode() if not isinstance(case.body, str) else case.body.encode()
    if case.media_type is not None and content is not None:
        headers["Content-Type"] = case.media_type
    params = {**required_query(op), **case.query}
    return await services.clients[op.service].request(op.method, path, params=params, content=content, headers=headers)


@pytest.mark.parametrize("service", SERVICES)
async def test_fuzz_every_operation_from_its_schema(
    services: Services, worlds: dict[str, World], all_operations: list[Operation], service: str
) -> None:
    wrong: list[str] = []
    sent = 0
    for op in (o for o in all_operations if o.service == service):
        rng = random.Random(f"{SEED}-{op}")
        every = list(cases(op, worlds[service]))
        chosen = every if CASES <= 0 or len(every) <= CASES else every[:2] + rng.sample(every[2:], CASES - 2)
        for case in chosen:
            response = await send(services, op, case)
            sent += 1
            wrong += check(op, case, response)
    print(f"\nfuzz ({service}): {sent} requests, VRU_FUZZ_SEED={SEED}")
    assert not wrong, f"{len(wrong)} problems in {sent} requests:\n" + "\n".join(wrong[:50])


def nul_cases(op: Operation, world: World) -> Iterator[Case]:
    """A NUL character in each text input: PostgreSQL cannot store it, so it must be refused, not a 500."""
    nul = "security\x00nul"
    ids = path_values(op, world)
    body = op.body()
    media_type = body[0] if body else None
    base = (op.examples() or [None])[0]
    for param in op.parameters("query"):
        yield Case(
            f"query {param['name']}: NUL", False, ids, query={param["name"]: nul}, body=base, media_type=media_type
        )
    if media_type == JSON:
        for where in string_leaves(base):
            label = ".".join(str(w) for w in where)
            yield Case(f"body {label}: NUL", False, ids, body=replaced(base, where, nul), media_type=JSON)
    elif media_type == "text/csv" and isinstance(base, str):
        yield Case("csv: NUL", False, ids, raw=base.replace("High Street", nul).encode(), media_type=media_type)
    elif media_type == "application/x-www-form-urlencoded":
        form = str(httpx.QueryParams({"grant_type": "password", "username": nul, "password": nul}))
        yield Case("form: NUL", False, ids, raw=form.encode(), media_type=media_type)


async def test_nul_characters_are_refused_not_500(
    services: Services, worlds: dict[str, World], all_operations: list[Operation]
) -> None:
    failures: list[str] = []
    sent = 0
    for op in all_operations:
        for case in nul_cases(op, worlds[op.service]):
            response = await send(services, op, case)
            sent += 1
            if response.status_code >= 500:
                failures.append(f"{op} [{case.label}]")
    print(f"\nNUL probes: {sent} requests, {len(failures)} answered 5xx")
    assert not failures, "\n".join(failures)


#: Finite values a float parameter must take whenever its range holds them: subnormals (``5e-324`` was a 500
#: on the public nearest-packs map: PostgreSQL's float underflow), the smallest normal, zero of both signs.
TINY_FLOATS = ("5e-324", "-5e-324", "1e-310", "2.2250738585072014e-308", "-2.2250738585072014e-308", "1e-300")
EDGE_FLOATS = ("0", "-0.0", "0.0000000001", "-0.0000000001")
#: Never a number a float parameter can hold: non-finite, beyond any range, or not a number at all.
NOT_IN_ANY_RANGE = ("nan", "NaN", "inf", "-inf", "Infinity", "1e308", "-1e308", "1e99999", "9" * 5000, "0x1p3", "")


def number_parameters(op: Operation) -> list[dict[str, Any]]:
    return [p for p in op.parameters("query") if resolve(op.document, p["schema"]).get("type") == "number"]


def in_range(schema: dict[str, Any], value: str) -> bool:
    number = float(value)
    return float(schema.get("minimum", -math.inf)) <= number <= float(schema.get("maximum", math.inf))


async def test_number_parameters_take_any_finite_value_in_range(
    services: Services, worlds: dict[str, World], all_operations: list[Operation]
) -> None:
    """Issue 13: every float query parameter (the public map's point among them) answers 200 for any finite
    value in its documented range — subnormals, -0.0, the range's ends — and 422 ``validation-error`` naming
    the parameter for non-finite, out-of-range or malformed ones. Never a 500."""
    ops = [op for op in all_operations if number_parameters(op)]
    assert {("GET", "/v1/public/packs/nearest")} <= {op.key for op in ops}
    wrong: list[str] = []
    sent = 0
    for op in ops:
        path = op.path
        for name, value in path_values(op, worlds[op.service]).items():
            path = path.replace("{" + name + "}", quote(value, safe=""))
        principal = caller(op)
        for param in number_parameters(op):
            schema = resolve(op.document, param["schema"])
            ends = [str(schema[k]) for k in ("minimum", "maximum") if k in schema]
            valid = [v for v in (*TINY_FLOATS, *EDGE_FLOATS, *ends) if in_range(schema, v)]
            invalid = list(NOT_IN_ANY_RANGE)
            invalid += [f"{float(schema['minimum']) - 1e-9:.10f}"] if "minimum" in schema else []
            invalid += [f"{float(schema['maximum']) + 1e-9:.10f}"] if "maximum" in schema else []
            for value, ok in [(v, True) for v in valid] + [(v, False) for v in invalid]:
                params = {**required_query(op), param["name"]: value}
                response = await services.call(op.service, op.method, path, principal, params=params)
                sent += 1
                label = f"{op} {param['name']}={value[:24]!r}: {response.status_code} {response.text[:160]}"
                if (ok and response.status_code != 200) or (
                    not ok
                    and (
                        response.status_code != 422
                        or not response.json()["type"].endswith("/validation-error")
                        or param["name"] not in response.json()["detail"]
                    )
                ):
                    wrong.append(label)
    print(f"\nnumber parameters: {sent} requests over {len(ops)} operations")
    assert not wrong, "\n".join(wrong)
