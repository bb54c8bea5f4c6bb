"""End to end, partners' webhooks through the real platform (gateway, referrals, notifications, PostgreSQL) to a
real HTTP receiver on this machine: a partner agency subscribes; a referral sent to it arrives signed (verified
with the Standard Webhooks library), thin, with a link the agency's own token reads; the receiver is down for a
while and the delivery arrives once it is up; a delivery given up is redelivered by API; a private target is
refused; two replicas of the delivery worker deliver each event exactly once.

The session's platform runs webhooks at test speed (``tests/conftest.py``, ``WEBHOOK_SPEED``)."""

from __future__ import annotations

import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest

from vru_dev.kits.notifications import Received, Receiver
from vru_dev.platform import Platform

from .conftest import auth, client_token, password_token

pytestmark = pytest.mark.e2e

CSWS = "childrens-social-work-services"
PATH = "/v1/webhook-subscriptions"
EVENTS = ["referral.sent", "referral.accepted", "referral.withdrawn"]


def ok(response: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.fixture(scope="module")
def partner(gateway: httpx.Client) -> str:
    return password_token(gateway, "partner@example.org")  # Children's Social Work Services


@pytest.fixture(scope="module")
def coordinator(gateway: httpx.Client) -> str:
    return password_token(gateway, "coordinator.medway-swale@example.org")


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiver = Receiver().start()
    yield receiver
    receiver.stop()


@pytest.fixture
def subscription(gateway: httpx.Client, partner: str, receiver: Receiver) -> Iterator[dict[str, Any]]:
    created = ok(gateway.post(PATH, json={"url": receiver.url, "event_types": EVENTS}, headers=auth(partner)), 201)
    yield created
    gateway.delete(f"{PATH}/{created['id']}", headers=auth(partner))


def sent_referral(gateway: httpx.Client, coordinator: str) -> str:
    """A new young person from the police feed, referred to Children's Social Work Services and sent."""
    unique = uuid.uuid4().hex[:10]
    reference = f"46/WH-{unique}/26"
    feed = client_token(gateway, "police-crime-feed", "dev-only-police-feed-secret")
    born = date(datetime.now(UTC).year - 16, 1, 1)
    report = {
        "crime_reference": reference,
        "occurred_at": (datetime.now(UTC) - timedelta(days=1)).isoformat(),
        "district": "swale",
        "category": "drug-supply-linked",
        "people": [
            {
                "role": "victim",
                "given_name": "Sam",
                "family_name": f"Example{unique}",
                "date_of_birth": born.isoformat(),
            }
        ],
    }
    assert ok(gateway.post("/v1/imports/incidents", json={"reports": [report]}, headers=auth(feed)))["created"] == 1
    (incident,) = ok(gateway.get("/v1/incidents", params={"crime_reference": reference}, headers=auth(coordinator)))[
        "items"
    ]
    detail = ok(gateway.get(f"/v1/incidents/{incident['id']}", headers=auth(coordinator)))
    referral = ok(
        gateway.post(
            "/v1/referrals",
            json={
                "subject_id": detail["people"][0]["subject_id"],
                "review_id": incident["review_id"],
                "partner_agency": CSWS,
                "reason": "Exploited into drug running.",
                "lawful_basis": "public_task",
                "consent": "given",
            },
            headers=auth(coordinator),
        ),
        201,
    )
    ok(gateway.post(f"/v1/referrals/{referral['id']}/transitions", json={"to": "sent"}, headers=auth(coordinator)))
    return str(referral["id"])


def about(referral_id: str, event_type: str) -> Callable[[Received], bool]:
    def match(received: Received) -> bool:
        return f'"id":"{referral_id}"' in received.body.decode() and f'"type":"{event_type}"' in received.body.decode()

    return match


def wait_for(receiver: Receiver, match: Callable[[Received], bool], timeout: float = 30.0) -> Received:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [r for r in list(receiver.received) if match(r)]
        if found:
            return found[0]
        time.sleep(0.1)
    raise AssertionError(f"no such delivery within {timeout:.0f}s; got {len(receiver.received)} others")


def delivery_log(gateway: httpx.Client, token: str, subscription: dict[str, Any]) -> list[dict[str, Any]]:
    return ok(gateway.get(f"{PATH}/{subscription['id']}/deliveries", headers=auth(token)))["items"]  # type: ignore[no-any-return]


def wait_log(
    gateway: httpx.Client, token: str, subscription: dict[str, Any], check: Callable[[list[dict[str, Any]]], bool]
) -> list[dict[str, Any]]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        log = delivery_log(gateway, token, subscription)
        if check(log):
            return log
        time.sleep(0.2)
    raise AssertionError(f"the delivery log never matched: {delivery_log(gateway, token, subscription)}")


def test_a_private_target_is_refused(gateway: httpx.Client, partner: str) -> None:
    for url in ("https://169.254.169.254/latest/meta-data", "https://10.0.0.7/hooks", "https://[::ffff:127.0.0.1]/"):
        response = gateway.post(PATH, json={"url": url, "event_types": ["referral.sent"]}, headers=auth(partner))
        assert response.status_code == 422, url
        assert response.json()["type"].endswith("/webhook-target-not-public"), url


def test_signed_delivery_survives_the_receiver_being_down_and_is_redelivered(
    gateway: httpx.Client,
    partner: str,
    coordinator: str,
    receiver: Receiver,
    subscription: dict[str, Any],
    platform: Platform,
) -> None:
    secret = subscription["secret"]
    assert secret.startswith("whsec_")
    assert "secret" not in ok(gateway.get(f"{PATH}/{subscription['id']}", headers=auth(partner)))

    # A referral is sent to the agency: the receiver gets a signed, thin delivery.
    referral_id = sent_referral(gateway, coordinator)
    sent = wait_for(receiver, about(referral_id, "referral.sent"))
    payload = sent.verify(secret)
    assert payload["data"]["status"] == "sent"
    assert payload["data"]["partner_agency"] == CSWS
    assert "Sam" not in sent.body.decode()
    assert "Exploited" not in sent.body.decode()
    link = payload["data"]["links"]["self"]
    assert link == f"{platform.config.gateway_url}/v1/referrals/{referral_id}"
    assert ok(gateway.get(link.removeprefix(platform.config.gateway_url), headers=auth(partner)))["view"] == "shared"

    # The receiver is down; the agency accepts the referral; the attempt fails and is retried …
    receiver.stop()
    ok(gateway.post(f"/v1/referrals/{referral_id}/transitions", json={"to": "accepted"}, headers=auth(partner)))
    log = wait_log(
        gateway,
        partner,
        subscription,
        lambda log: any(d["event_type"] == "referral.accepted" and d["attempts"] >= 1 for d in log),
    )
    [accepted] = [d for d in log if d["event_type"] == "referral.accepted"]
    assert accepted["status"] in ("pending", "failed")
    assert accepted["last_error"].startswith("could not connect")
    # … and arrives once the receiver is up (given up meanwhile at test speed: redelivered by API).
    receiver.start()
    if delivery_log(gateway, partner, subscription)[0]["status"] == "failed":
        ok(gateway.post(f"{PATH}/{subscription['id']}/deliveries/redeliver-failed", headers=auth(partner)))
    arrived = wait_for(receiver, about(referral_id, "referral.accepted"))
    assert arrived.verify(secret)["data"]["status"] == "accepted"
    assert arrived.headers["webhook-id"] == accepted["event_id"]

    # Down long enough to be given up: redelivered by API, with the same webhook-id.
    receiver.stop()
    ok(
        gateway.post(
            f"/v1/referrals/{referral_id}/transitions",
            json={"to": "withdrawn", "reason": "Moved out of the area."},
            headers=auth(coordinator),
        )
    )
    log = wait_log(
        gateway,
        partner,
        subscription,
        lambda log: any(d["event_type"] == "referral.withdrawn" and d["status"] == "failed" for d in log),
    )
    [withdrawn] = [d for d in log if d["event_type"] == "referral.withdrawn"]
    assert withdrawn["attempts"] == 4
    receiver.start()
    redelivered = ok(gateway.post(f"{PATH}/{subscription['id']}/deliveries/redeliver-failed", headers=auth(partner)))
    assert redelivered["redelivered"] >= 1
    again = wait_for(receiver, about(referral_id, "referral.withdrawn"))
    assert again.headers["webhook-id"] == withdrawn["event_id"]
    again.verify(secret)

    # One delivery redelivered on request (already delivered: the receiver de-duplicates by webhook-id).
    [first] = [d for d in delivery_log(gateway, partner, subscription) if d["event_type"] == "referral.sent"]
    before = sum(r.headers["webhook-id"] == first["event_id"] for r in receiver.received)
    ok(gateway.post(f"{PATH}/{subscription['id']}/deliveries/{first['id']}/redeliver", headers=auth(partner)))
    deadline = time.monotonic() + 30
    while sum(r.headers["webhook-id"] == first["event_id"] for r in receiver.received) == before:
        assert time.monotonic() < deadline, "the redelivery did not arrive"
        time.sleep(0.1)

    # Another agency's partner cannot see this subscription.
    other = gateway.get(f"{PATH}/{subscription['id']}", headers=auth(password_token(gateway, "admin@example.org")))
    assert other.status_code == 200  # the unit's administrator may
    guardian = gateway.get(
        f"{PATH}/{subscription['id']}", headers=auth(password_token(gateway, "guardian@example.org"))
    )
    assert guardian.status_code == 403


def test_two_replicas_deliver_each_event_once(
    gateway: httpx.Client,
    coordinator: str,
    receiver: Receiver,
    subscription: dict[str, Any],
    platform: Platform,
) -> None:
    replica = platform.start_replica("notifications")
    try:
        referrals = [sent_referral(gateway, coordinator) for _ in range(4)]
        for referral_id in referrals:
            wait_for(receiver, about(referral_id, "referral.sent"))
        time.sleep(1.5)  # several more rounds of both workers
        mine = [r for r in list(receiver.received) if any(f'"id":"{x}"' in r.body.decode() for x in referrals)]
        counts = Counter(r.headers["webhook-id"] for r in mine)
        assert len(counts) == 4
        assert set(counts.values()) == {1}, counts
        for received in mine:
            received.verify(subscription["secret"])
    finally:
        platform.stop_process(replica)


def test_events_are_not_published_through_the_gateway(gateway: httpx.Client) -> None:
    """Only the services publish, to notifications directly: the gateway has no route to ``/v1/events``."""
    service = client_token(gateway, "referrals-service", "dev-only-referrals-secret")
    response = gateway.post("/v1/events", json={"events": []}, headers=auth(service))
    assert response.status_code == 404
    assert response.json()["type"].endswith("/not-found")
