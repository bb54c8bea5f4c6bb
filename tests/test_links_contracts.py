"""Contract tests of the four cross-service links (issue 7): each caller's typed client against the provider's
real app, in-process (its own routes, auth, validation and database, rolled back at the end).

For every link: the requests the client sends are accepted by the provider and are operations of the provider's
OpenAPI document (path, method, query parameters and body fields it declares); and the provider's answers
validate against the client's models (the client raises if they do not)."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from etp_inventory.clients.funding import FundingClient as EtpFundingClient
from etp_inventory.clients.identity import IdentityClient as EtpIdentityClient
from etp_inventory.clients.referrals import ReferralsClient as EtpReferralsClient
from funding.clients.referrals import ReferralsClient as FundingReferralsClient
from funding.main import create_app as create_funding
from funding.settings import FundingSettings
from identity.main import create_app as create_identity
from identity.settings import IdentitySettings
from referrals.clients.funding import FundingClient as ReferralsFundingClient
from referrals.clients.funding import count_idempotency_key
from referrals.main import create_app as create_referrals
from referrals.settings import ReferralsSettings
from vru_dev.kits.identity import FAST_HASHING
from vru_dev.testing import TEST_ISSUER, TestIssuer, running_app
from vru_shared.auth import Principal, PrincipalKind
from vru_shared.http_client import CircuitBreaker, ClientCredentials, RetryPolicy, ServiceClient

BOX_IT_OUT = uuid.UUID("30ef20cc-301d-578e-b731-92f71ec7cd3a")  # seeded in funding: Medway, a 2026/27 grant
BOX_IT_OUT_GRANT = uuid.UUID("366617f3-b790-5e55-ab7f-f8e89c49d99d")  # 1 April 2026 – 31 March 2027
SANCTUARY_ACE = uuid.UUID("16da38eb-1474-50b5-9edf-9a7d77fc3c71")  # North Kent, its only grant ended March 2021
KNIFE_LINE_2020 = uuid.UUID("8cc3a269-e9dd-5f2f-86e5-a4d11f13974d")  # seeded: £150,000.00, nothing spent


class IssuedCredentials(ClientCredentials):
    """The caller's own client-credentials token, signed by the test issuer the provider trusts."""

    def __init__(self, issuer: TestIssuer, client_id: str) -> None:
        super().__init__(httpx.AsyncClient(), "http://identity.test/oauth/token", client_id, "unused")
        self.issuer = issuer

    async def token(self) -> str:
        return self.issuer.token(roles=["service"], kind="client", sub=self.client_id, client_id=self.client_id)


class Provider:
    """The provider's app behind a recording ASGI transport; ``client(peer, caller)`` is the caller's
    ``ServiceClient`` pointed at it."""

    def __init__(self, app: FastAPI, http: httpx.AsyncClient, issuer: TestIssuer) -> None:
        self.app = app
        self.http = http
        self.issuer = issuer
        self.seen: list[tuple[httpx.Request, httpx.Response]] = []
        inner = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        provider = self

        class Recording(httpx.AsyncBaseTransport):
            async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
                response = await inner.handle_async_request(request)
                await response.aread()
                provider.seen.append((request, response))
                return response

        self.transport = Recording()

    def client(self, peer: str, caller_client_id: str) -> ServiceClient:
        return ServiceClient(
            peer,
            "http://testserver",
            httpx.AsyncClient(transport=self.transport),
            credentials=IssuedCredentials(self.issuer, caller_client_id),
            policy=RetryPolicy(timeout_seconds=10, retries=0),
            breaker=CircuitBreaker(peer, threshold=5, reset_seconds=30),
        )

    def assert_in_openapi(self) -> None:
        """Every request the client sent is an operation of the provider's OpenAPI, with declared parameters
        and body fields (and the body's required fields present)."""
        assert self.seen, "the client sent nothing"
        document = self.app.openapi()
        for request, response in self.seen:
            operation = _operation(document, request.method, request.url.path)
            assert operation is not None, f"{request.method} {request.url.path} is not in the provider's OpenAPI"
            declared = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
            assert set(request.url.params) <= declared, (request.url, declared)
            if request.content:
                schema = _resolve(document, operation["requestBody"]["content"]["application/json"]["schema"])
                body = httpx.Response(200, content=request.content).json()
                assert set(body) <= set(schema["properties"]), (body, schema["properties"])
                assert set(schema.get("required", [])) <= set(body)
            documented = {int(code) for code in operation["responses"] if code.isdigit()}
            assert response.status_code in documented, (request.url.path, response.status_code, documented)


def _operation(document: dict[str, Any], method: str, path: str) -> dict[str, Any] | None:
    """The operation serving ``path``: a static path before a templated one (as the router matches)."""
    matches = []
    for template, operations in document["paths"].items():
        pattern = "^" + re.sub(r"\{[^}/]+\}", "[^/]+", template) + "$"
        if re.match(pattern, path) and method.lower() in operations:
            matches.append((template.count("{"), operations[method.lower()]))
    return min(matches, key=lambda m: m[0])[1] if matches else None


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if ref is None:
        return schema
    resolved: dict[str, Any] = document["components"]["schemas"][ref.rsplit("/", 1)[1]]
    return resolved


@pytest.fixture
async def referrals_app(db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[Provider]:
    settings = ReferralsSettings(
        database_url=db_urls["referrals"],
        token_issuer=TEST_ISSUER,
        audit_seal_interval_seconds=3600,
        funding_count_interval_seconds=3600,
    )
    app = create_referrals(settings)
    async with running_app(app, issuer, db_urls["referrals"]) as http:
        yield Provider(app, http, issuer)


@pytest.fixture
async def identity_app(db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[Provider]:
    app = create_identity(IdentitySettings(database_url=db_urls["identity"], token_issuer=TEST_ISSUER, **FAST_HASHING))
    async with running_app(app, issuer, db_urls["identity"]) as http:
        yield Provider(app, http, issuer)


@pytest.fixture
async def funding_app(db_urls: dict[str, str], issuer: TestIssuer) -> AsyncIterator[Provider]:
    app = create_funding(FundingSettings(database_url=db_urls["funding"], token_issuer=TEST_ISSUER))
    async with running_app(app, issuer, db_urls["funding"]) as http:
        yield Provider(app, http, issuer)


async def import_knife_incidents(provider: Provider, day: date, counts: dict[str, int]) -> None:
    run = uuid.uuid4().hex[:8]
    reports = [
        {
            "crime_reference": f"CONTRACT-{run}/{district}/{n}",
            "occurred_at": f"{day.isoformat()}T12:00:00Z",
            "district": district,
            "category": "knife-sharp-instrument",
            "weapon_knife": True,
            "people": [{"role": "victim", "given_name": "Casey", "family_name": "Testperson", "age": 30}],
        }
        for district, count in counts.items()
        for n in range(count)
    ]
    feed = provider.issuer.headers(kind="client", scopes=["incidents:ingest"], client_id="police-feed")
    response = await provider.http.post("/v1/imports/incidents", json={"reports": reports}, headers=feed)
    assert response.status_code == 200, response.text
    assert response.json()["created"] == sum(counts.values())


class TestLink1FundingToReferralsKnifeCounts:
    """funding → referrals: ``GET /v1/statistics/incidents`` (knife incidents by district for a period)."""

    async def test_counts_by_district(self, referrals_app: Provider) -> None:
        day = date(2018, 5, 17)  # a day no other test uses
        await import_knife_incidents(referrals_app, day, {"medway": 3, "dover": 1})
        client = FundingReferralsClient(referrals_app.client("referrals", "funding-service"))
        stats = await client.knife_incidents_by_district(day, day)
        assert {g.district: g.count for g in stats.groups} == {"medway": 3, "dover": 1}
        assert stats.total == 4
        referrals_app.assert_in_openapi()


class TestLink2EtpToFundingSpend:
    """etp_inventory → funding: ``POST /v1/budget-lines/{id}/spend`` with an Idempotency-Key."""

    async def test_spend_recorded_once(self, funding_app: Provider) -> None:
        client = EtpFundingClient(funding_app.client("funding", "etp-inventory-service"))
        purchase = uuid.uuid4()
        arguments: dict[str, Any] = {
            "budget_line_id": KNIFE_LINE_2020,
            "amount_pence": 12_500,
            "description": "50 × Standard ETP, lot CONTRACT-1",
            "source_reference": str(purchase),
            "spent_on": date(2020, 9, 1),
            "idempotency_key": f"etp-purchase-{purchase}",
        }
        first = await client.record_spend(**arguments)
        again = await client.record_spend(**arguments)
        assert (first.amount_pence, first.budget_line_id, first.source) == (12_500, KNIFE_LINE_2020, "etp_inventory")
        assert again.id == first.id
        assert funding_app.seen[1][1].headers["idempotent-replayed"] == "true"
        officer = funding_app.issuer.headers(roles=["programme_officer"])
        spent = await funding_app.http.get(f"/v1/budget-lines/{KNIFE_LINE_2020}/spend", headers=officer)
        assert [s["source_reference"] for s in spent.json()["items"]].count(str(purchase)) == 1
        funding_app.assert_in_openapi()


class TestLink3EtpToReferralsReferenceCheck:
    """etp_inventory → referrals: ``GET /v1/incidents/reference-check?crime_reference=…``."""

    async def test_known_and_unknown(self, referrals_app: Provider) -> None:
        day = datetime.now(UTC).date() - timedelta(days=1)
        feed = referrals_app.issuer.headers(kind="client", scopes=["incidents:ingest"], client_id="police-feed")
        reference = f"46/{uuid.uuid4().int % 900000 + 100000}/26"
        report = {
            "crime_reference": reference,
            "occurred_at": f"{day.isoformat()}T22:00:00Z",
            "district": "medway",
            "category": "knife-sharp-instrument",
            "weapon_knife": True,
            "people": [{"role": "victim", "given_name": "Robin", "family_name": "Example", "age": 19}],
        }
        imported = await referrals_app.http.post("/v1/imports/incidents", json={"reports": [report]}, headers=feed)
        assert imported.status_code == 200, imported.text
        client = EtpReferralsClient(referrals_app.client("referrals", "etp-inventory-service"))
        known = await client.check_crime_reference(reference)
        unknown = await client.check_crime_reference("46/999999/99")
        assert (known.crime_reference, known.known) == (reference, True)
        assert unknown.known is False
        referrals_app.assert_in_openapi()


class TestLink5EtpToIdentityGuardians:
    """etp_inventory → identity: ``GET /v1/guardians/{person_id}`` (is this an active guardian?)."""

    async def test_a_guardian_and_others(self, identity_app: Provider) -> None:
        admin = identity_app.issuer.headers(roles=["admin"])
        agency = await identity_app.http.post(
            "/v1/agencies", json={"code": "contract-trust", "name": "Contract Trust", "kind": "charity"}, headers=admin
        )
        ids = {}
        for role in ("guardian", "analyst"):
            body = {
                "email": f"contract.{role}@example.org",
                "display_name": f"Contract {role}",
                "agency_id": agency.json()["id"],
                "roles": [role],
            }
            created = await identity_app.http.post("/v1/people", json=body, headers=admin)
            assert created.status_code == 201, created.text
            ids[role] = created.json()["id"]
        client = EtpIdentityClient(identity_app.client("identity", "etp-inventory-service"))
        guardian = await client.guardian(ids["guardian"])
        assert guardian is not None
        assert (str(guardian.id), guardian.display_name) == (ids["guardian"], "Contract guardian")
        assert await client.guardian(ids["analyst"]) is None
        assert await client.guardian(str(uuid.uuid4())) is None
        identity_app.assert_in_openapi()


class TestLink4ReferralsToFundingProjects:
    """referrals → funding: ``GET /v1/projects/referral-destinations`` (the coordinator's token) and
    ``POST /v1/projects/{id}/referrals`` (the service's own token, Idempotency-Key from the referral id)."""

    async def test_destinations_with_the_coordinators_token(self, funding_app: Provider) -> None:
        coordinator = Principal(
            subject="coordinator-ms",
            kind=PrincipalKind.PERSON,
            issuer=TEST_ISSUER,
            agency_id=None,
            roles=frozenset({"coordinator"}),
            districts=frozenset({"medway", "swale"}),
            scopes=frozenset(),
            token=funding_app.issuer.token(roles=["coordinator"], districts=["medway", "swale"], sub="coordinator-ms"),
        )
        client = ReferralsFundingClient(funding_app.client("funding", "referrals-service"))
        projects = await client.funded_projects("medway", principal=coordinator)
        by_id = {p.project_id: p for p in projects}
        assert by_id[BOX_IT_OUT].name == "Box It Out"
        assert by_id[BOX_IT_OUT].grant_id == BOX_IT_OUT_GRANT
        assert (by_id[BOX_IT_OUT].active_from, by_id[BOX_IT_OUT].active_until) == (date(2026, 4, 1), date(2027, 3, 31))
        assert SANCTUARY_ACE not in by_id  # issue 14 item 12: a project funded in 2020/21 only is no destination
        assert all("medway" in p.districts for p in projects)
        (request, _), *_ = funding_app.seen
        assert request.headers["authorization"] == f"Bearer {coordinator.token}"
        funding_app.assert_in_openapi()

    async def test_count_once_however_often_sent(self, funding_app: Provider) -> None:
        client = ReferralsFundingClient(funding_app.client("funding", "referrals-service"))
        referral = uuid.uuid4()
        accepted_at = datetime(2026, 11, 21, 10, 15, tzinfo=UTC)
        first = await client.count_accepted_referral(
            project_id=BOX_IT_OUT, referral_id=referral, accepted_at=accepted_at
        )
        again = await client.count_accepted_referral(
            project_id=BOX_IT_OUT, referral_id=referral, accepted_at=accepted_at
        )
        assert (first.referral_id, first.project_id, first.grant_id) == (referral, BOX_IT_OUT, BOX_IT_OUT_GRANT)
        assert again.id == first.id
        (sent, _), (resent, replayed) = funding_app.seen
        assert sent.headers["idempotency-key"] == resent.headers["idempotency-key"] == count_idempotency_key(referral)
        assert replayed.headers["idempotent-replayed"] == "true"
        officer = funding_app.issuer.headers(roles=["programme_officer"])
        counted = await funding_app.http.get(f"/v1/projects/{BOX_IT_OUT}/referrals", headers=officer)
        assert [r["referral_id"] for r in counted.json()["items"]].count(str(referral)) == 1
        funding_app.assert_in_openapi()


class TestLinkNotificationsToIdentityContacts:
    """notifications → identity: ``GET /v1/contacts`` (the e-mail of the people a notice goes to, and a district's
    coordinators), with the notice worker's own look-ups."""

    async def test_people_by_id_and_a_districts_coordinators(self, identity_app: Provider) -> None:
        from notifications.notice.worker import contacts_of, holders_of

        admin = identity_app.issuer.headers(roles=["admin"])
        body = {"code": "contract-notices", "name": "Contract Notices", "kind": "charity"}
        agency = await identity_app.http.post("/v1/agencies", json=body, headers=admin)
        ids = {}
        for name, districts in (("swale", ["swale"]), ("thanet", ["thanet"])):
            person: dict[str, Any] = {
                "email": f"contract.{name}@example.org",
                "display_name": f"Contract {name}",
                "agency_id": agency.json()["id"],
                "roles": ["coordinator"],
                "districts": districts,
            }
            created = await identity_app.http.post("/v1/people", json=person, headers=admin)
            assert created.status_code == 201, created.text
            ids[name] = uuid.UUID(created.json()["id"])
        client = identity_app.client("identity", "notifications-service")
        found = await contacts_of(client, [ids["swale"], ids["thanet"], uuid.uuid4()])
        assert {p: c.email for p, c in found.items()} == {
            ids["swale"]: "contract.swale@example.org",
            ids["thanet"]: "contract.thanet@example.org",
        }
        holders = await holders_of(client, ["coordinator"], "swale")
        assert ids["swale"] in [c.id for c in holders]
        assert ids["thanet"] not in [c.id for c in holders]
        identity_app.assert_in_openapi()
