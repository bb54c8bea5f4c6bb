"""Test support: in-process fakes of the funding and referrals services at the httpx transport, and helpers
that drive this service's API the way its users do."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx

from vru_shared.http_client import CircuitBreaker, RetryPolicy, ServiceClient
from vru_shared.problems import PROBLEM_TYPE_BASE

STAFF: dict[str, Any] = {
    "roles": ["programme_officer"],
    "sub": "programme-officer-1",
    "name": "Programme officer (example.org)",
}
CSP_MEDWAY: dict[str, Any] = {
    "roles": ["csp_officer"],
    "districts": ["medway"],
    "sub": "csp-medway-1",
    "name": "CSP officer, Medway",
}
CSP_SWALE: dict[str, Any] = {"roles": ["csp_officer"], "districts": ["swale"], "sub": "csp-swale-1"}
#: A guardian's ``sub`` is their person id in the identity service (a UUID): only such a person can be assigned.
GUARDIAN: dict[str, Any] = {
    "roles": ["guardian"],
    "sub": "6a0d3c52-7b1e-4f4e-9a35-0c1d2e3f4a51",
    "name": "Pack guardian (example.org)",
}
OTHER_GUARDIAN: dict[str, Any] = {"roles": ["guardian"], "sub": "6a0d3c52-7b1e-4f4e-9a35-0c1d2e3f4a52"}
PARTNER: dict[str, Any] = {"roles": ["partner_agency"], "sub": "partner-1"}

#: Expiries far enough ahead that packs stay in date during any test run.
FAR = (date.today() + timedelta(days=3 * 365)).isoformat()
EXPIRIES = [
    {"component": "tourniquet", "expires_on": FAR},
    {"component": "haemostatic-dressing", "expires_on": FAR},
    {"component": "trauma-bandage", "expires_on": FAR},
    {"component": "nitrile-gloves", "expires_on": FAR},
]


def service_client(name: str, handler: Any, *, retries: int = 0) -> ServiceClient:
    """A peer client whose requests go to ``handler`` in process (no network, no token)."""
    return ServiceClient(
        name,
        f"http://{name}.test",
        httpx.AsyncClient(transport=httpx.MockTransport(handler)),
        credentials=None,
        policy=RetryPolicy(timeout_seconds=2.0, retries=retries, backoff_max_seconds=0.01),
        breaker=CircuitBreaker(f"{name}-test-{uuid.uuid4().hex[:6]}", 1000, 0.1),
    )


@dataclass
class FakeFunding:
    """``POST /v1/budget-lines/{id}/spend`` per the contract: exactly once per Idempotency-Key."""

    #: "ok", or the status to answer with (404, 409, 422, 503), or "down" (connection refused).
    mode: Any = "ok"
    calls: list[httpx.Request] = field(default_factory=list)
    spends: dict[str, dict[str, Any]] = field(default_factory=dict)

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(request)
        if self.mode == "down":
            raise httpx.ConnectError("funding is down", request=request)
        if self.mode == "in_flight":  # the platform's answer while the same Idempotency-Key is being processed
            return httpx.Response(
                409,
                json={"type": PROBLEM_TYPE_BASE + "conflict", "title": "Conflict", "status": 409},
                headers={"content-type": "application/problem+json", "retry-after": "1"},
            )
        if self.mode != "ok":
            slug = {404: "budget-line-not-found", 409: "budget-exceeded", 422: "validation-error"}.get(
                int(self.mode), "error"
            )
            return httpx.Response(
                int(self.mode),
                json={
                    "type": PROBLEM_TYPE_BASE + slug,
                    "title": "No",
                    "status": int(self.mode),
                    "detail": "Fake funding says no.",
                },
                headers={"content-type": "application/problem+json"},
            )
        key = request.headers["idempotency-key"]
        if key in self.spends:
            return httpx.Response(200, json=self.spends[key])
        body = json.loads(request.content)
        budget_line = request.url.path.split("/")[3]
        spend = {
            "id": str(uuid.uuid4()),
            "budget_line_id": budget_line,
            **body,
            "created_at": datetime.now(UTC).isoformat(),
        }
        self.spends[key] = spend
        return httpx.Response(201, json=spend)

    def client(self) -> ServiceClient:
        return service_client("funding", self.handler)


@dataclass
class FakeReferrals:
    """``GET /v1/incidents/reference-check`` per the contract."""

    known: set[str] = field(default_factory=set)
    down: bool = False
    calls: list[str] = field(default_factory=list)

    def handler(self, request: httpx.Request) -> httpx.Response:
        reference = request.url.params["crime_reference"]
        self.calls.append(reference)
        if self.down:
            return httpx.Response(503)
        return httpx.Response(200, json={"crime_reference": reference, "known": reference in self.known})

    def client(self) -> ServiceClient:
        return service_client("referrals", self.handler)


def purchase_body(lot: str, quantity: int, **overrides: Any) -> dict[str, Any]:
    return {
        "supplier": "Example Medical Supplies Ltd",
        "lot_number": lot,
        "kit_type": "standard-etp",
        "quantity": quantity,
        "unit_cost_pence": 4500,
        "currency": "GBP",
        "budget_line_id": str(uuid.UUID(int=42)),
        "received_on": date.today().isoformat(),
        "component_expiries": EXPIRIES,
        **overrides,
    }


def site_body(name: str, district: str = "medway", **overrides: Any) -> dict[str, Any]:
    return {
        "district": district,
        "name": name,
        "address": f"1 High Street, {district.title()}",
        "postcode": "ME4 4QW",
        "latitude": 51.3838,
        "longitude": 0.5243,
        "access_hours": "24/7",
        "cabinet_type": "locked_cabinet",
        "lock_code": "C-SECRET-1",
        "is_public": True,
        "contact_name": "Contact Person Hidden",
        "contact_phone": "01634 000001",
        "contact_email": "hidden.contact@example.org",
        **overrides,
    }


@dataclass
class FakeIdentity:
    """``GET /v1/guardians/{person_id}`` per the contract: the active guardians, by person id."""

    guardians: dict[str, str] = field(
        default_factory=lambda: {
            GUARDIAN["sub"]: "Pack guardian (example.org)",
            OTHER_GUARDIAN["sub"]: "Other guardian",
        }
    )
    down: bool = False

    def handler(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("identity is down", request=request)
        person_id = request.url.path.rsplit("/", 1)[-1]
        if person_id not in self.guardians:
            return httpx.Response(
                404,
                json={"type": PROBLEM_TYPE_BASE + "guardian-not-found", "title": "Not found", "status": 404},
                headers={"content-type": "application/problem+json"},
            )
        name = self.guardians[person_id]
        return httpx.Response(200, json={"id": person_id, "display_name": name, "email": f"{person_id}@example.org"})

    def client(self) -> ServiceClient:
        return service_client("identity", self.handler)
