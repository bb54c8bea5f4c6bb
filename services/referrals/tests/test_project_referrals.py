"""Referrals to funded projects (issue 7, link 4): the destinations come from the funding service, checked when
referring; an accepted referral is counted into the grant's figures through the funding outbox — recorded even
while funding is down, delivered later, never twice. Funding is an in-process fake at the httpx transport."""

import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from referrals.clients.funding import FundingClient
from referrals.referral.service import DeliveryRun, deliver_funding_counts, retry_delay
from vru_dev.kits.referrals import Casework
from vru_shared.http_client import CircuitBreaker, RetryPolicy, ServiceClient

BOX_IT_OUT = "30ef20cc-301d-578e-b731-92f71ec7cd3a"
STREET_SOCCER = "42390bfd-f2fe-5854-a811-9897e7841f5f"
GRANT = "04df5c96-f0f8-5752-ab61-3425eca60bdd"
Handler = Callable[[httpx.Request], httpx.Response]


def project(project_id: str, name: str, districts: list[str]) -> dict[str, Any]:
    return {
        "project_id": project_id,
        "code": name.lower().replace(" ", "-"),
        "name": name,
        "description": f"{name}: made-up description.",
        "lead_organisation_name": f"{name} CIC",
        "area": "north-kent",
        "districts": districts,
        "grant_id": GRANT,
    }


def destinations(request: httpx.Request) -> httpx.Response:
    """Funding's answer: two projects serve every district asked about."""
    district = request.url.params["district"]
    items = [project(BOX_IT_OUT, "Box It Out", [district]), project(STREET_SOCCER, "StreetSoccer", [district, "dover"])]
    return httpx.Response(200, json={"items": items, "next_cursor": None})


def counted(request: httpx.Request) -> httpx.Response:
    body = json.loads(request.content)
    return httpx.Response(
        201,
        json={
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, body["referral_id"])),
            "referral_id": body["referral_id"],
            "project_id": request.url.path.split("/")[3],
            "grant_id": GRANT,
            "monitoring_return_id": None,
            "period": "2026-27 Q3",
            "accepted_at": body["accepted_at"],
            "created_at": "2026-11-21T10:00:00Z",
        },
    )


def funding(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/v1/projects/referral-destinations":
        return destinations(request)
    return counted(request)


def down(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


class FakeFunding:
    """The app's funding peer behind httpx's MockTransport; ``handler`` may be swapped between calls."""

    def __init__(self, app: FastAPI) -> None:
        self.handler: Handler = funding
        self.seen: list[httpx.Request] = []
        self.client = ServiceClient(
            "funding",
            "http://funding.test",
            httpx.AsyncClient(transport=httpx.MockTransport(self._record)),
            credentials=None,
            policy=RetryPolicy(timeout_seconds=0.5, retries=1, backoff_max_seconds=0.01),
            breaker=CircuitBreaker("funding", threshold=50, reset_seconds=30),
        )
        app.state.peers["funding"] = self.client

    def _record(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        return self.handler(request)

    def counts(self) -> list[httpx.Request]:
        return [r for r in self.seen if r.method == "POST"]


@pytest.fixture
def fake_funding(app: FastAPI, client: httpx.AsyncClient) -> FakeFunding:
    return FakeFunding(app)


async def deliver(app: FastAPI, fake: FakeFunding, *, at: datetime | None = None) -> DeliveryRun:
    """One round of the outbox sender, as the background task runs it."""
    async with app.state.sessionmaker() as session:
        run = await deliver_funding_counts(
            session,
            funding=FundingClient(fake.client),
            now=at or datetime.now(UTC) + timedelta(seconds=1),
            base_delay_seconds=5,
            max_delay_seconds=60,
        )
        await session.commit()
    return run


async def accepted_project_referral(casework: Casework, reference: str) -> dict[str, Any]:
    ids = await casework.young_person(reference)
    referral = await casework.refer(ids, project=BOX_IT_OUT, send=True)
    return await casework.move(referral["id"], "accepted")


async def detail(casework: Casework, referral_id: str) -> dict[str, Any]:
    response = await casework.client.get(f"/v1/referrals/{referral_id}", headers=casework.headers(casework.ANALYST))
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


class TestFundedProjects:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/referrals/funded-projects?district=medway")).status_code == 401

    async def test_forbidden(self, casework: Casework, fake_funding: FakeFunding) -> None:
        for token in (casework.DIRECTOR, casework.AUDITOR, {"roles": ["partner_agency"], "agency": uuid.uuid4()}):
            response = await casework.client.get(
                "/v1/referrals/funded-projects?district=medway", headers=casework.headers(token)
            )
            assert response.status_code == 403, token
            assert response.json()["type"].endswith("/forbidden"), token
        assert fake_funding.seen == []

    async def test_not_found(self, casework: Casework, fake_funding: FakeFunding) -> None:
        response = await casework.client.get(
            "/v1/referrals/funded-projects?district=atlantis", headers=casework.headers(casework.ANALYST)
        )
        assert response.status_code == 422
        assert fake_funding.seen == []

    async def test_valid(self, casework: Casework, fake_funding: FakeFunding) -> None:
        headers = casework.headers(casework.MEDWAY_SWALE)
        response = await casework.client.get("/v1/referrals/funded-projects?district=medway", headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["district"] == "medway"
        assert [(p["project_id"], p["name"]) for p in body["items"]] == [
            (BOX_IT_OUT, "Box It Out"),
            (STREET_SOCCER, "StreetSoccer"),
        ]
        (asked,) = fake_funding.seen
        assert asked.url.params["district"] == "medway"
        assert asked.headers["authorization"] == headers["Authorization"]  # the coordinator's own token

    @pytest.mark.parametrize(
        "answer",
        [
            down,
            lambda r: httpx.Response(503, json={"status": 503}),
            lambda r: httpx.Response(200, text="<html>proxy error</html>"),
            lambda r: httpx.Response(200, json={"projects": []}),  # another shape
            lambda r: httpx.Response(
                200, json={"items": [project(BOX_IT_OUT, "Box It Out", ["dover"])], "next_cursor": None}
            ),  # a project that does not serve the district
        ],
    )
    async def test_funding_cannot_answer(self, casework: Casework, fake_funding: FakeFunding, answer: Handler) -> None:
        fake_funding.handler = answer
        response = await casework.client.get(
            "/v1/referrals/funded-projects?district=medway", headers=casework.headers(casework.ANALYST)
        )
        assert response.status_code == 503
        assert response.headers["content-type"] == "application/problem+json"
        assert int(response.headers["retry-after"]) >= 1
        assert response.json()["peer"] == "funding"


class TestReferToAFundedProject:
    async def test_valid(self, casework: Casework, fake_funding: FakeFunding) -> None:
        ids = await casework.young_person("46/7001/26")
        referral = await casework.refer(ids, project=BOX_IT_OUT)
        assert referral["destination"] == {
            "kind": "project",
            "code": "box-it-out",
            "name": "Box It Out",
            "project_id": BOX_IT_OUT,
        }
        assert referral["district"] == "swale"
        (asked,) = fake_funding.seen
        assert asked.url.params["district"] == "swale"  # the review's district
        subject = await casework.client.get(
            f"/v1/subjects/{ids['subject']}", headers=casework.headers(casework.ANALYST)
        )
        assert subject.json()["referrals"][0]["destination"]["project_id"] == BOX_IT_OUT

    async def test_not_a_funded_project_serving_the_district(
        self, casework: Casework, fake_funding: FakeFunding
    ) -> None:
        ids = await casework.young_person("46/7002/26")
        body = {
            "subject_id": ids["subject"],
            "review_id": ids["review"],
            "project": str(uuid.uuid4()),
            "reason": "Wants to train.",
        }
        response = await casework.client.post("/v1/referrals", json=body, headers=casework.headers(casework.ANALYST))
        assert response.status_code == 422
        assert response.json()["type"].endswith("not-a-funded-project")

    async def test_funding_down_saves_nothing(self, casework: Casework, fake_funding: FakeFunding) -> None:
        ids = await casework.young_person("46/7003/26")
        fake_funding.handler = down
        body = {
            "subject_id": ids["subject"],
            "review_id": ids["review"],
            "project": BOX_IT_OUT,
            "reason": "Wants to train.",
        }
        response = await casework.client.post("/v1/referrals", json=body, headers=casework.headers(casework.ANALYST))
        assert response.status_code == 503
        assert "retry-after" in response.headers
        listed = await casework.client.get(
            "/v1/referrals", params={"subject_id": ids["subject"]}, headers=casework.headers(casework.ANALYST)
        )
        assert listed.json()["items"] == []

    async def test_one_open_referral_per_project(self, casework: Casework, fake_funding: FakeFunding) -> None:
        ids = await casework.young_person("46/7004/26")
        first = await casework.refer(ids, project=BOX_IT_OUT)
        body = {"subject_id": ids["subject"], "review_id": ids["review"], "project": BOX_IT_OUT, "reason": "Again."}
        again = await casework.client.post("/v1/referrals", json=body, headers=casework.headers(casework.ANALYST))
        assert again.status_code == 409
        assert again.json()["type"].endswith("/duplicate-referral")
        assert again.json()["existing_referral_id"] == first["id"]
        assert (await casework.refer(ids, project=STREET_SOCCER))["status"] == "draft"

    async def test_exactly_one_destination(self, casework: Casework, fake_funding: FakeFunding) -> None:
        ids = await casework.young_person("46/7005/26")
        body = {
            "subject_id": ids["subject"],
            "review_id": ids["review"],
            "project": BOX_IT_OUT,
            "forum": "carm",
            "reason": "Wants to train.",
        }
        response = await casework.client.post("/v1/referrals", json=body, headers=casework.headers(casework.ANALYST))
        assert response.status_code == 422
        assert fake_funding.seen == []

    async def test_partner_agencies_do_not_see_project_referrals(
        self, casework: Casework, fake_funding: FakeFunding
    ) -> None:
        ids = await casework.young_person("46/7006/26")
        referral = await casework.refer(ids, project=BOX_IT_OUT, send=True)
        partner = await casework.link_partner("childrens-social-work-services")
        response = await casework.client.get(f"/v1/referrals/{referral['id']}", headers=casework.headers(partner))
        assert response.status_code == 404
        assert response.json()["type"].endswith("/referral-not-found")


class TestProviderView:
    """Issue 14 item 13: the organisation delivering a funded project sees the referrals sent to it — in the
    shared view, each read audited as a disclosure to it — and answers them."""

    async def test_the_provider_lists_reads_and_answers(
        self, casework: Casework, fake_funding: FakeFunding, app: FastAPI
    ) -> None:
        ids = await casework.young_person("46/7101/26")
        sent = await casework.refer(ids, project=BOX_IT_OUT, send=True)
        other = await casework.young_person("46/7102/26")
        draft = await casework.refer(other, project=BOX_IT_OUT)
        provider = await casework.link_partner("box-it-out")  # seeded: Box It Out CIC delivers Box It Out
        headers = casework.headers(provider)
        listed = await casework.client.get("/v1/referrals", headers=headers)
        assert listed.status_code == 200, listed.text
        assert [r["id"] for r in listed.json()["items"]] == [sent["id"]]  # never a draft
        read = await casework.client.get(f"/v1/referrals/{sent['id']}", headers=headers)
        assert read.status_code == 200, read.text
        body = read.json()
        assert body["view"] == "shared"
        assert set(body["subject"]) == {"given_name", "family_name", "date_of_birth"}  # no id, no police id
        assert "review_id" not in body
        assert "funding_count" not in body
        reads = [a for a in await casework.audit(provider["sub"]) if a[0] == "read"]
        assert any(sent["id"] in ids_ and "Box It Out CIC (box-it-out)" in purpose for _, _, ids_, purpose, _ in reads)
        hidden = await casework.client.get(f"/v1/referrals/{draft['id']}", headers=headers)
        assert hidden.status_code == 404
        assert hidden.json()["type"].endswith("/referral-not-found")
        accepted = await casework.move(sent["id"], "accepted", provider)
        assert accepted["status"] == "accepted"
        assert len(fake_funding.counts()) == 0  # counted by the outbox, as when staff accept
        await casework.move(sent["id"], "in_progress", provider)
        done = await casework.move(sent["id"], "completed", provider, outcome="Attended 10 of 12 sessions.")
        assert done["outcome"] == "Attended 10 of 12 sessions."
        # Another agency sees none of it; the provider may not refer or edit the referrer's fields.
        elsewhere = casework.headers(await casework.link_partner("childrens-social-work-services"))
        assert (await casework.client.get(f"/v1/referrals/{sent['id']}", headers=elsewhere)).status_code == 404

    async def test_linking_projects(self, casework: Casework) -> None:
        admin = casework.headers(casework.ADMIN)
        path = "/v1/partner-agencies/early-help/projects"
        new = await casework.client.put(f"{path}/{STREET_SOCCER}", headers=admin)
        assert new.status_code == 201, new.text
        again = await casework.client.put(f"{path}/{STREET_SOCCER}", headers=admin)
        assert again.status_code == 200
        taken = await casework.client.put(f"/v1/partner-agencies/nhs-health/projects/{STREET_SOCCER}", headers=admin)
        assert taken.status_code == 409
        assert taken.json()["type"].endswith("/project-provider-taken")
        listed = await casework.client.get(path, headers=admin)
        assert [p["project_id"] for p in listed.json()["items"]] == [STREET_SOCCER]
        refused = await casework.client.put(f"{path}/{BOX_IT_OUT}", headers=casework.headers(casework.MEDWAY_SWALE))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")
        assert (await casework.client.delete(f"{path}/{STREET_SOCCER}", headers=admin)).status_code == 204
        gone = await casework.client.delete(f"{path}/{STREET_SOCCER}", headers=admin)
        assert gone.status_code == 404
        assert gone.json()["type"].endswith("/project-provider-not-found")


class TestCountingAcceptedReferrals:
    async def test_acceptance_queues_one_count_without_calling_funding(
        self, casework: Casework, fake_funding: FakeFunding
    ) -> None:
        referral = await accepted_project_referral(casework, "46/7010/26")
        assert fake_funding.counts() == []  # the acceptance does not wait for funding
        count = (await detail(casework, referral["id"]))["funding_count"]
        assert (count["status"], count["attempts"], count["grant_id"]) == ("pending", 0, None)

    async def test_delivered_once(self, casework: Casework, fake_funding: FakeFunding, app: FastAPI) -> None:
        referral = await accepted_project_referral(casework, "46/7011/26")
        assert await deliver(app, fake_funding) == DeliveryRun(delivered=1)
        (sent,) = fake_funding.counts()
        assert sent.url.path == f"/v1/projects/{BOX_IT_OUT}/referrals"
        assert sent.headers["idempotency-key"] == f"referral-accepted-{referral['id']}"
        assert json.loads(sent.content)["referral_id"] == referral["id"]
        count = (await detail(casework, referral["id"]))["funding_count"]
        assert (count["status"], count["grant_id"], count["period"]) == ("delivered", GRANT, "2026-27 Q3")
        assert await deliver(app, fake_funding) == DeliveryRun()  # nothing left to send
        assert len(fake_funding.counts()) == 1

    async def test_funding_down_keeps_the_acceptance_and_retries_with_the_same_key(
        self, casework: Casework, fake_funding: FakeFunding, app: FastAPI
    ) -> None:
        referral = await accepted_project_referral(casework, "46/7012/26")
        fake_funding.handler = down
        assert (await deliver(app, fake_funding)).failed == 1
        count = (await detail(casework, referral["id"]))["funding_count"]
        assert (count["status"], count["attempts"]) == ("pending", 1)
        assert "could not be reached" in count["last_error"]
        assert (await detail(casework, referral["id"]))["status"] == "accepted"
        fake_funding.handler = funding
        assert await deliver(app, fake_funding) == DeliveryRun()  # backing off: not due yet
        later = datetime.now(UTC) + timedelta(seconds=10)
        assert await deliver(app, fake_funding, at=later) == DeliveryRun(delivered=1)
        keys = {r.headers["idempotency-key"] for r in fake_funding.counts()}
        assert keys == {f"referral-accepted-{referral['id']}"}  # every attempt: the same key
        assert (await detail(casework, referral["id"]))["funding_count"]["status"] == "delivered"

    async def test_garbage_is_not_stored(self, casework: Casework, fake_funding: FakeFunding, app: FastAPI) -> None:
        referral = await accepted_project_referral(casework, "46/7013/26")
        fake_funding.handler = lambda r: httpx.Response(201, json={"counted": True})
        assert (await deliver(app, fake_funding)).failed == 1
        count = (await detail(casework, referral["id"]))["funding_count"]
        assert (count["status"], count["grant_id"]) == ("pending", None)
        assert "unexpected body" in count["last_error"]

    async def test_refused_is_not_retried(self, casework: Casework, fake_funding: FakeFunding, app: FastAPI) -> None:
        referral = await accepted_project_referral(casework, "46/7014/26")
        fake_funding.handler = lambda r: httpx.Response(
            409, json={"status": 409, "detail": "No awarded grant funds project."}
        )
        assert await deliver(app, fake_funding) == DeliveryRun(refused=1)
        count = (await detail(casework, referral["id"]))["funding_count"]
        assert count["status"] == "refused"
        assert "No awarded grant funds project." in count["last_error"]
        assert await deliver(app, fake_funding, at=datetime.now(UTC) + timedelta(days=1)) == DeliveryRun()

    async def test_referrals_to_forums_are_not_counted(
        self, casework: Casework, fake_funding: FakeFunding, app: FastAPI
    ) -> None:
        ids = await casework.young_person("46/7015/26")
        referral = await casework.refer(ids, forum="mam-medway-swale", send=True)
        accepted = await casework.move(referral["id"], "accepted")
        assert accepted["funding_count"] is None
        assert await deliver(app, fake_funding) == DeliveryRun()

    def test_backoff_doubles_up_to_the_cap(self) -> None:
        delays = [retry_delay(n, base_seconds=5, max_seconds=60).total_seconds() for n in range(1, 7)]
        assert delays == [5, 10, 20, 40, 60, 60]
