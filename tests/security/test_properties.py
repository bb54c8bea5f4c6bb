"""Property-level authorization (OWASP API3) and input bounds (API4): each audience receives only the fields
meant for it, and every input schema refuses properties it does not declare and bounds every string, array
and map — checked from the OpenAPI documents, so a new schema is covered without anyone remembering to."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from tests.security.inprocess import SERVICES, Services
from tests.security.oas import PROBLEM_JSON, Operation, open_objects, replaced, resolve, unbounded_inputs, variants
from tests.security.policy import POLICY, PRINCIPALS, PUBLIC, allowed
from tests.security.test_policy_matrix import request_for
from tests.security.world import (
    CONTACT_EMAIL,
    CONTACT_PHONE,
    CSWS,
    LOCK_CODE,
    PARAMS,
    Record,
    World,
    etp_world,
    funding_world,
    identity_world,
    notifications_world,
    ok,
    referrals_world,
    required_query,
)

#: Request bodies that are not JSON objects of our own design, and why they may take other properties.
OPEN_BODIES = {
    # RFC 6749 §3.2: "The authorization server MUST ignore unrecognized request parameters."
    ("identity", "POST", "/oauth/token"),
}
#: Request bodies bounded otherwise than by their schema, and how.
UNBOUNDED_BODIES = {
    # A CSV file: the route's own body limit (REFERRALS_IMPORT_MAX_BODY_BYTES, 32 MiB at the gateway) and
    # 10,000 rows; each row is validated against the same bounded schema as the JSON batch.
    ("referrals", "POST", "/v1/imports/incidents.csv"),
}

#: Read-only or privileged properties a caller must never be able to set (unless the schema declares them).
PRIVILEGED = {
    "id": str(uuid.uuid4()),
    "status": "approved",
    "version": 99,
    "approved_by": "someone-else",
    "approved_at": "2026-01-01T00:00:00Z",
    "agency_id": str(uuid.uuid4()),
    "created_at": "2026-01-01T00:00:00Z",
    "created_by": "someone-else",
    "updated_at": "2026-01-01T00:00:00Z",
    "roles": ["admin"],
    "is_admin": True,
    "owner": "someone-else",
    "lock_code": "0000",
}


def json_operations(all_operations: list[Operation]) -> list[Operation]:
    return [op for op in all_operations if (body := op.body()) is not None and body[0] == "application/json"]


def test_every_request_body_refuses_undeclared_properties(all_operations: list[Operation]) -> None:
    """``extra="forbid"``: every object in every request body says ``additionalProperties: false``."""
    wrong = [
        f"{op}: {where}"
        for op in all_operations
        if (body := op.body()) is not None and (op.service, op.method, op.path) not in OPEN_BODIES
        for where in open_objects(op.document, body[1])
        if body[0] != "text/csv"
    ]
    assert not wrong, "input schemas that accept undeclared properties:\n" + "\n".join(wrong)


def test_every_input_is_bounded(all_operations: list[Operation]) -> None:
    """Every string has maxLength (or a bounded pattern, an enum, a format), every array maxItems, every map
    maxProperties, every number a maximum — in bodies and in query and path parameters."""
    wrong: list[str] = []
    for op in all_operations:
        body = op.body()
        if body is not None and (op.service, op.method, op.path) not in UNBOUNDED_BODIES:
            wrong += [f"{op} body: {w}" for w in unbounded_inputs(op.document, body[1])]
        for param in op.op.get("parameters", []):
            if param["in"] == "header":
                continue  # bounded by the server: 64 KiB of headers at the gateway (traefik.yml maxHeaderBytes)
            wrong += [
                f"{op} {param['in']} {param['name']}: {w}" for w in unbounded_inputs(op.document, param["schema"])
            ]
    assert not wrong, "unbounded inputs:\n" + "\n".join(wrong)


async def test_privileged_properties_are_refused_with_422(services: Services, all_operations: list[Operation]) -> None:
    """Adding ``status``, ``approved_by``, ``agency_id``, ``version``, ``id``… to a create or update body that
    does not declare them is a 422 naming the property — never silently accepted or ignored."""
    wrong: list[str] = []
    checked = 0
    for op in json_operations(all_operations):
        schema = op.body()
        assert schema is not None
        declared = set(resolve(op.document, schema[1]).get("properties", {}))
        principal = next(p for p in PRINCIPALS if allowed(op.service, op.method, op.path, p))
        examples = op.examples() or [{}]
        for name, value in PRIVILEGED.items():
            if name in declared:
                continue
            kwargs = request_for(op)
            response = await services.call(
                op.service,
                op.method,
                kwargs["url"],
                principal,
                json_body={**examples[0], name: value},
            )
            checked += 1
            fields = {e.get("field") for e in response.json().get("errors", [])} if response.status_code == 422 else {}
            if response.status_code != 422 or name not in fields:
                wrong.append(f"{op} +{name}: {response.status_code} {response.text[:160]}")
    print(f"\nprivileged properties: {checked} requests")
    assert not wrong, "\n".join(wrong)


#: Money is integer pence: JSON's ``true``, a string of digits and a float with no fraction are not (issue 13:
#: each was accepted as pence by lax validation).
NOT_PENCE: tuple[Any, ...] = (True, "100", 1000.0)


def money_properties(document: dict[str, Any], schema: dict[str, Any], depth: int = 0) -> set[str]:
    """Names of the money properties (``…_pence``) anywhere in a request schema."""
    schema = resolve(document, schema)
    found: set[str] = set()
    if depth > 8:
        return found
    for name, prop in schema.get("properties", {}).items():
        if name.endswith("_pence"):
            found.add(name)
        found |= money_properties(document, prop, depth + 1)
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            found |= money_properties(document, schema[key], depth + 1)
    for key in ("anyOf", "oneOf", "allOf"):
        for option in schema.get(key, []):
            found |= money_properties(document, option, depth + 1)
    return found


def money_paths(value: Any, where: tuple[str | int, ...] = ()) -> set[tuple[str | int, ...]]:
    """Paths to the money properties in an example body."""
    if isinstance(value, dict):
        return {
            path
            for key, item in value.items()
            for path in ({(*where, key)} if str(key).endswith("_pence") else money_paths(item, (*where, key)))
        }
    if isinstance(value, list):
        return {path for index, item in enumerate(value) for path in money_paths(item, (*where, index))}
    return set()


async def test_money_is_a_strict_integer(services: Services, all_operations: list[Operation]) -> None:
    """Every money property (``…_pence``) of every request body is a strict integer: ``true``, ``"100"`` and
    ``1000.0`` are a 422 ``validation-error`` naming the property, a plain integer is accepted, and the
    OpenAPI type stays ``integer``."""
    wrong: list[str] = []
    checked: set[tuple[str, str]] = set()
    money_ops = 0
    for op in json_operations(all_operations):
        body = op.body()
        assert body is not None
        names = money_properties(op.document, body[1])
        if not names:
            continue
        money_ops += 1
        principal = next(p for p in PRINCIPALS if allowed(op.service, op.method, op.path, p))
        url = request_for(op)["url"]
        top = resolve(op.document, body[1]).get("properties", {})
        for example in op.examples() or [{}]:
            paths = money_paths(example) | {(name,) for name in names & set(top) if name not in example}
            for where in paths:
                field = ".".join(str(part) for part in where)
                for value in (*NOT_PENCE, 100):
                    response = await services.call(
                        op.service,
                        op.method,
                        url,
                        principal,
                        json_body=replaced(example, where, value) if len(where) > 1 else {**example, where[0]: value},
                    )
                    problem = response.json()
                    fields = (
                        {e.get("field") for e in problem.get("errors", [])} if response.status_code == 422 else set()
                    )
                    if value == 100 and field in fields:
                        wrong.append(f"{op} {field}=100 refused: {response.text[:200]}")
                    elif value != 100 and (
                        field not in fields or not str(problem.get("type", "")).endswith("/validation-error")
                    ):
                        wrong.append(f"{op} {field}={value!r}: {response.status_code} {response.text[:160]}")
                checked.add((str(op), str(where[-1])))
        for name in names:
            if (str(op), name) not in checked:
                wrong.append(f"{op} {name}: no example carries it, so it was not checked")
            # the schema still says integer (strictness is not a change of type)
        for name in names & set(top):
            types = {resolve(op.document, v).get("type") for v in [top[name], *top[name].get("anyOf", [])]}
            if "integer" not in types or "number" in types or "string" in types:
                wrong.append(f"{op} {name}: OpenAPI type {types}")
    print(f"\nmoney properties: {len(checked)} checked in {money_ops} operations")
    assert money_ops >= 8
    assert not wrong, "\n".join(wrong)


# --------------------------------------------------------------------------------------------------
# What each audience receives


@pytest.fixture(scope="module")
async def referrals(services: Services) -> World:
    return await referrals_world(services)


@pytest.fixture(scope="module")
async def etp(services: Services) -> World:
    return await etp_world(services)


@pytest.fixture(scope="module")
async def funding(services: Services) -> World:
    return await funding_world(services)


@pytest.fixture(scope="module")
async def worlds(services: Services, referrals: World, etp: World, funding: World) -> dict[str, World]:
    return {
        "identity": await identity_world(services),
        "referrals": referrals,
        "funding": funding,
        "etp_inventory": etp,
        "notifications": await notifications_world(services),
    }


def walk_keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in walk_keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in walk_keys(v)}
    return set()


class TestPartnerAgencySees:
    async def test_the_shared_view_of_a_referral_without_casework(self, services: Services, referrals: World) -> None:
        path = f"/v1/referrals/{referrals.id('referral_shared')}"
        shared = ok(await services.call("referrals", "GET", path, "partner"))
        full = ok(await services.call("referrals", "GET", path, "analyst"))
        assert (shared["view"], full["view"]) == ("shared", "full")
        keys = walk_keys(shared)
        assert not keys & {"incidents", "incident_id", "review_id", "review", "police_person_id", "crime_reference"}
        assert "id" not in shared["subject"]
        for secret in ("46/990001/26", "KP-4699000126", referrals.id("review_swale"), referrals.id("incident_swale")):
            assert secret not in str(shared)
        assert referrals.id("review_swale") in str(full)  # the staff view does carry it: the check can fail

    async def test_never_another_agencys_action_notes(self, services: Services, referrals: World) -> None:
        note = "Youth Justice private note 5521"
        path = f"/v1/actions/{referrals.id('action_b')}"
        etag = (await services.call("referrals", "GET", path, "partner_other")).headers["etag"]
        ok(
            await services.call(
                "referrals", "PATCH", path, "partner_other", json_body={"note": note}, headers={"If-Match": etag}
            )
        )
        assert note in (await services.call("referrals", "GET", path, "analyst")).text
        for read in ("/v1/actions", f"/v1/actions/{referrals.id('action_a')}", "/v1/referrals"):
            response = await services.call(
                "referrals", "GET", read, "partner", params={"limit": 200} if read.endswith("s") else None
            )
            assert response.status_code == 200
            assert note not in response.text, read
            assert referrals.id("action_b") not in response.text, read

    async def test_actions_without_the_young_persons_id(self, services: Services, referrals: World) -> None:
        action = ok(await services.call("referrals", "GET", f"/v1/actions/{referrals.id('action_a')}", "partner"))
        assert action["owner_agency"]["code"] == CSWS
        assert referrals.id("subject_swale") not in str(action)


class TestLockCodesAndContacts:
    """A site's lock code goes to the owning CSP's officers and the site's guardians only; its contact to those
    who manage or look after the site; the public map carries neither."""

    READERS_WITH_CODE = {"csp_medway", "guardian"}

    async def test_lock_code_only_to_the_csp_and_guardians(self, services: Services, etp: World) -> None:
        path = f"/v1/sites/{etp.id('site_medway')}"
        for principal in PRINCIPALS:
            if not allowed("etp_inventory", "GET", "/v1/sites/{site_id}", principal):
                continue
            response = await services.call("etp_inventory", "GET", path, principal)
            listed = await services.call("etp_inventory", "GET", "/v1/sites", principal, params={"limit": 200})
            if principal in etp.records["site_medway"].visible_to:
                site = response.json()
                expected = LOCK_CODE if principal in self.READERS_WITH_CODE else None
                assert site["lock_code"] == expected, principal
                assert site["contact_phone"] == CONTACT_PHONE, principal
            else:
                assert response.status_code == 404, principal
                assert response.json()["type"].endswith("/site-not-found"), principal
            if principal not in self.READERS_WITH_CODE:
                assert LOCK_CODE not in response.text + listed.text, principal

    async def test_staff_do_not_see_lock_codes(self, services: Services, etp: World) -> None:
        for principal in ("programme_officer", "director", "admin"):
            sites = ok(await services.call("etp_inventory", "GET", "/v1/sites", principal, params={"limit": 200}))
            assert sites["items"]
            assert all(site["lock_code"] is None for site in sites["items"]), principal

    async def test_the_public_map_never_carries_codes_contacts_or_hidden_sites(
        self, services: Services, etp: World
    ) -> None:
        hidden_site = etp.id("site_swale")
        responses = [
            await services.call("etp_inventory", "GET", "/v1/public/packs.geojson", None),
            await services.call("etp_inventory", "GET", "/v1/public/sites.csv", None),
            await services.call(
                "etp_inventory", "GET", "/v1/public/packs/nearest", None, params={"latitude": 51.38, "longitude": 0.52}
            ),
        ]
        assert etp.id("site_medway") in responses[0].text  # the public site is on the map
        for response in responses:
            assert response.status_code == 200
            text = response.text
            for secret in (LOCK_CODE, "LOCK-SWALE-5521", CONTACT_PHONE, CONTACT_EMAIL, hidden_site):
                assert secret not in text, (response.request.url.path, secret)
            for pack in ("pack_medway", "pack_swale"):
                assert etp.id(pack) not in text
            assert "lock_code" not in text
            assert "contact" not in text


class TestCspOfficerSeesOnlyTheirShares:
    async def test_an_allocation_shows_their_district_only_without_inputs(
        self, services: Services, funding: World
    ) -> None:
        path = f"/v1/allocations/{funding.id('allocation')}"
        full = ok(await services.call("funding", "GET", path, "programme_officer"))
        mine = ok(await services.call("funding", "GET", path, "csp_swale"))
        assert {line["district"] for line in full["recipients"]} == {"swale", "thanet"}
        assert full["inputs"]
        assert [line["district"] for line in mine["recipients"]] == ["swale"]
        assert mine["inputs"] is None
        assert mine["total_pence"] < full["total_pence"]


class TestSecretsAreNeverReturned:
    async def test_people_and_clients_without_hashes(self, services: Services) -> None:
        agency = ok(
            await services.call(
                "identity",
                "POST",
                "/v1/agencies",
                "admin",
                json_body={"code": "security-test-agency", "name": "Security test agency", "kind": "other"},
            )
        )
        person = ok(
            await services.call(
                "identity",
                "POST",
                "/v1/people",
                "admin",
                json_body={
                    "email": "security.test.person@example.org",
                    "display_name": "Security test person",
                    "agency_id": agency["id"],
                    "roles": ["analyst"],
                    "password": "a long security test passphrase",
                },
            )
        )
        client = await services.call(
            "identity",
            "POST",
            "/v1/clients",
            "admin",
            json_body={"client_id": "security-test-client", "name": "Security test client", "agency_id": agency["id"]},
        )
        assert client.status_code == 201, client.text
        secret = client.json()["client_secret"]
        for path in (f"/v1/people/{person['id']}", "/v1/people", f"/v1/clients/{client.json()['id']}", "/v1/clients"):
            text = (await services.call("identity", "GET", path, "admin")).text
            for leak in ("$argon2", "password_hash", "secret_hash", secret):
                assert leak not in text, path
        keys = (await services.call("identity", "GET", "/v1/signing-keys", "admin")).text
        assert "PRIVATE" not in keys
        assert '"d"' not in keys


@pytest.mark.parametrize("service", SERVICES)
def test_public_operations_take_no_body(service: str, all_operations: list[Operation]) -> None:
    """Nothing anonymous may write, except the token request itself."""
    writes = [
        str(op)
        for op in all_operations
        if op.service == service and POLICY[service][op.key] == PUBLIC and op.method != "GET"
    ]
    assert writes in ([], ["identity POST /oauth/token"])


# --------------------------------------------------------------------------------------------------
# Every input takes its own JSON type only (issue 13: the lax class)

#: Values of another JSON type that pydantic's lax mode converts, per OpenAPI type: in a body, ``0`` is not
#: ``false``, ``true`` or ``"5"`` or ``5.0`` not an integer, a number not a date or time — nor is a time without
#: its offset (RFC 3339 requires one; compared with an aware time it was a 500).
NOT_OF_TYPE: dict[str, tuple[Any, ...]] = {
    "boolean": (0, 1, "true", "false"),
    "integer": (True, False, "5", 5.0),
    "number": (True, False, "5"),
    "date": (0, 1_700_000_000, 0.5),
    "date-time": (0, 1_700_000_000, 0.5, "2026-11-21T09:00:00"),
}
#: A query value is always text: an integer or number is written in digits there (nothing to refuse), a boolean
#: as ``true`` or ``false`` (what each such parameter's description says), a date or time as RFC 3339 text.
NOT_OF_TYPE_IN_QUERY: dict[str, tuple[str, ...]] = {
    "boolean": ("0", "1", "yes"),
    "date": ("0", "1700000000", "0.5"),
    "date-time": ("0", "1700000000", "0.5", "2026-11-21T09:00:00"),
}
#: Bodies whose items are validated one by one, an invalid one listed in ``rejected_rows`` (with the field in
#: its ``reason``) while the others are imported: not a 422 for the whole request.
PER_ITEM = {("referrals", "POST", "/v1/imports/incidents")}

#: A path inside a JSON value: property names, ``0`` for an array's first item, a map's key (the first of its
#: ``propertyNames``, else ``*``: the example's first key).
Where = tuple[str | int, ...]


def input_kind(document: dict[str, Any], schema: dict[str, Any]) -> str | None:
    """The checked type of a (possibly nullable) schema: ``boolean``, ``integer``, ``number``, ``date`` or
    ``date-time``, else ``None``."""
    for option in variants(document, schema):
        kind = option.get("type")
        if kind in {"boolean", "integer", "number"}:
            return str(kind)
        if kind == "string" and option.get("format") in {"date", "date-time"}:
            return str(option["format"])
    return None


def typed_inputs(
    document: dict[str, Any], schema: dict[str, Any], where: Where = (), seen: frozenset[str] = frozenset()
) -> dict[Where, str]:
    """Every boolean, integer, number, date and date-time in a request schema, recursively (nested objects,
    array items and map values), by its path."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            return {}
        seen = seen | {name}
    found: dict[Where, str] = {}
    for option in variants(document, schema):
        inner: list[tuple[Where, dict[str, Any]]] = [((*where, k), v) for k, v in option.get("properties", {}).items()]
        if isinstance(option.get("items"), dict):
            inner.append(((*where, 0), option["items"]))
        if isinstance(option.get("additionalProperties"), dict):
            keys = option.get("propertyNames", {}).get("enum") or ["*"]
            inner.append(((*where, str(keys[0])), option["additionalProperties"]))
        for path, sub in inner:
            kind = input_kind(document, sub)
            if kind is not None:
                found.setdefault(path, kind)
            for deeper, deeper_kind in typed_inputs(document, sub, path, seen).items():
                found.setdefault(deeper, deeper_kind)
    return found


def placed(body: Any, where: Where, value: Any) -> Any:
    """``body`` with ``value`` at ``where``, making the objects and arrays on the way (from the example's own
    first item or key where it has one)."""
    if not where:
        return value
    head, *rest = where
    if isinstance(head, int):
        items = list(body) if isinstance(body, list) and body else [{}]
        items[0] = placed(items[0], tuple(rest), value)
        return items[:1]
    current = dict(body) if isinstance(body, dict) else {}
    if head == "*":  # a map without named keys: the example's first key
        head = next(iter(current), "key")
    current[head] = placed(current.get(head), tuple(rest), value)
    return current


def named(response: httpx.Response, field: str) -> bool:
    """Whether a response refuses ``field``: a 422 ``validation-error`` whose ``errors`` name it."""
    if response.status_code != 422 or not response.headers.get("content-type", "").startswith(PROBLEM_JSON):
        return False
    problem = response.json()
    fields = {e.get("field") for e in problem.get("errors", [])}
    return str(problem.get("type", "")).endswith("/validation-error") and field in fields


def named_per_item(response: httpx.Response, where: Where) -> bool:
    """Whether a per-item import rejected the item for the field at ``where`` (``reports.0.people.0.age``: the
    first report is rejected, its reason naming ``people.0.age``)."""
    if response.status_code not in (200, 201):
        return False
    inner = ".".join(str(part) for part in where[2:])
    return any(
        row.get("line") == 1 and any(part.startswith(f"{inner}:") for part in str(row.get("reason")).split("; "))
        for row in response.json().get("rejected_rows", [])
    )


def caller(op: Operation, records: list[Record]) -> str:
    """A principal the policy lets in and who may see the records in the path (so validation is what answers)."""
    return next(
        p
        for p in PRINCIPALS
        if allowed(op.service, op.method, op.path, p) and all(p in record.visible_to for record in records)
    )


def filled_path(op: Operation, world: World) -> tuple[str, list[Record]]:
    path, records = op.path, []
    for name in op.path_params:
        names = PARAMS[op.service].get(name)
        if names:
            records.append(world.records[names[0]])
            value = world.records[names[0]].id
        else:
            value = world.values.get(name, str(uuid.uuid4()))
        path = path.replace("{" + name + "}", value)
    return path, records


async def test_every_input_takes_its_own_json_type_only(
    services: Services, all_operations: list[Operation], worlds: dict[str, World]
) -> None:
    """Every boolean, integer, number, date and date-time of every request body (recursively: nested objects,
    array items, map values) and every boolean, date and date-time query parameter of every operation refuses a
    value of another JSON type — ``0`` for ``false``, ``true``/``"5"``/``5.0`` for an integer, a number (or a time
    without offset) for a date or time (issue 13: pydantic's lax mode converted them) — with a 422
    ``validation-error`` naming the field. Found from the OpenAPI documents, so a new field is covered without
    anyone listing it. The path parameters name the world's records and the caller is one the policy lets in (and
    who may see them), so what answers is validation."""
    lax: dict[str, list[str]] = {}
    checked = 0
    for op in all_operations:
        world = worlds[op.service]
        url, records = filled_path(op, world)
        principal = caller(op, records)
        body = op.body()
        if body is not None and body[0] == "application/json":
            example = (op.examples() or [{}])[0]
            for where, kind in typed_inputs(op.document, body[1]).items():
                field = ".".join(str(part) for part in where)
                for value in NOT_OF_TYPE[kind]:
                    response = await services.call(
                        op.service, op.method, url, principal, json_body=placed(example, where, value)
                    )
                    checked += 1
                    refused = (
                        named_per_item(response, where)
                        if (op.service, op.method, op.path) in PER_ITEM
                        else named(response, field)
                    )
                    if not refused:
                        lax.setdefault(f"{op} body {field} ({kind})", []).append(
                            f"{value!r}: {response.status_code} {response.text[:120]}"
                        )
        for param in op.parameters("query"):
            query_kind = input_kind(op.document, param["schema"]) or ""
            for text in NOT_OF_TYPE_IN_QUERY.get(query_kind, ()):
                params = {**required_query(op), param["name"]: text}
                response = await services.call(op.service, op.method, url, principal, params=params)
                checked += 1
                if not named(response, param["name"]):
                    lax.setdefault(f"{op} query {param['name']} ({query_kind})", []).append(
                        f"{text!r}: {response.status_code} {response.text[:120]}"
                    )
    print(f"\ntyped inputs: {checked} requests, {len(lax)} fields lax")
    assert checked > 250
    assert not lax, f"{len(lax)} inputs accept another JSON type:\n" + "\n".join(
        f"{name}: {'; '.join(why)}" for name, why in lax.items()
    )
