"""The delivery worker against a real HTTP receiver on this machine: signed deliveries the Standard Webhooks
library verifies, retries with backoff, giving up, redelivery, the per-endpoint circuit, auto-pause, no
redirects followed, and the SSRF check again at delivery time."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from notifications.settings import NotificationsSettings
from notifications.webhook.worker import deliver_due
from vru_dev.kits.notifications import Receiver
from vru_dev.testing import TestIssuer

PATH = "/v1/webhook-subscriptions"
AGENCY = uuid.uuid4()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiver = Receiver().start()
    yield receiver
    receiver.stop()


@pytest.fixture
def settings(db_urls: dict[str, str]) -> NotificationsSettings:
    from vru_dev.testing import TEST_ISSUER

    return NotificationsSettings(
        database_url=db_urls["notifications"],
        token_issuer=TEST_ISSUER,
        delivery_poll_seconds=60,  # the tests run the rounds themselves
        notice_poll_seconds=60,
        webhook_allowed_hosts=["127.0.0.1"],
        public_url="https://vru.example.org",
        retry_base_seconds=0.01,
        retry_max_seconds=0.02,
        max_attempts=3,
        circuit_failure_threshold=10,
        auto_pause_after_failures=20,
    )


@pytest.fixture
async def worker(app: FastAPI, client: httpx.AsyncClient) -> Any:
    """One delivery round as the app's worker runs it (the app's sessions, its webhook HTTP client)."""

    async def run(settings: NotificationsSettings | None = None) -> int:
        return await deliver_due(app.state.sessionmaker, app.state.webhook_http, settings or app.state.settings)

    return run


def partner(issuer: TestIssuer) -> dict[str, str]:
    return issuer.headers(roles=["partner_agency"], agency=AGENCY)


async def subscribe(client: httpx.AsyncClient, issuer: TestIssuer, url: str) -> dict[str, Any]:
    response = await client.post(PATH, json={"url": url, "event_types": ["referral.sent"]}, headers=partner(issuer))
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


async def publish(client: httpx.AsyncClient, issuer: TestIssuer) -> dict[str, Any]:
    record = uuid.uuid4()
    event = {
        "id": str(uuid.uuid4()),
        "type": "referral.sent",
        "occurred_at": datetime.now(UTC).isoformat(),
        "data": {
            "id": str(record),
            "status": "sent",
            "district": "swale",
            "agency_ids": [str(AGENCY)],
            "links": {"self": f"/v1/referrals/{record}"},
        },
        "audience": {"agencies": [str(AGENCY)], "staff": True},
    }
    headers = issuer.headers(roles=["service"], kind="client", client_id="referrals-service")
    response = await client.post("/v1/events", json={"events": [event]}, headers=headers)
    assert response.status_code == 200, response.text
    return event


async def deliveries(client: httpx.AsyncClient, issuer: TestIssuer, subscription: dict[str, Any]) -> list[Any]:
    response = await client.get(f"{PATH}/{subscription['id']}/deliveries", headers=partner(issuer))
    assert response.status_code == 200, response.text
    return response.json()["items"]  # type: ignore[no-any-return]


async def rounds_until(worker: Any, done: Any, *, limit: int = 40) -> None:
    for _ in range(limit):
        await worker()
        if await done():
            return
        await asyncio.sleep(0.03)
    raise AssertionError("not done after the worker's rounds")


async def test_a_signed_thin_delivery(
    client: httpx.AsyncClient, issuer: TestIssuer, worker: Any, receiver: Receiver
) -> None:
    subscription = await subscribe(client, issuer, receiver.url)
    event = await publish(client, issuer)
    assert await worker() == 1
    [received] = receiver.received
    payload = received.verify(subscription["secret"])
    assert received.headers["webhook-id"] == event["id"]
    assert payload["type"] == "referral.sent"
    assert payload["data"]["links"]["self"] == f"https://vru.example.org/v1/referrals/{event['data']['id']}"
    assert set(payload["data"]) == {"id", "status", "district", "agency_ids", "links"}
    assert "audience" not in payload
    [logged] = await deliveries(client, issuer, subscription)
    assert (logged["status"], logged["attempts"], logged["last_status_code"]) == ("delivered", 1, 204)
    assert logged["next_attempt_at"] is None
    assert await worker() == 0  # delivered once
    # a healthy delivery changes nothing of the subscription: its ETag holds for its owner's next PATCH
    read = await client.get(f"{PATH}/{subscription['id']}", headers=partner(issuer))
    assert read.headers["ETag"] == '"v1"'


async def test_down_then_up_then_given_up_and_redelivered(
    client: httpx.AsyncClient, issuer: TestIssuer, worker: Any, receiver: Receiver
) -> None:
    receiver.stop()  # refusing connections
    subscription = await subscribe(client, issuer, receiver.url)
    await publish(client, issuer)
    await worker()
    [logged] = await deliveries(client, issuer, subscription)
    assert (logged["status"], logged["attempts"], logged["last_status_code"]) == ("pending", 1, None)
    assert logged["last_error"].startswith("could not connect")
    assert datetime.fromisoformat(logged["next_attempt_at"]) > datetime.now(UTC) - timedelta(seconds=1)

    async def given_up() -> bool:
        return bool((await deliveries(client, issuer, subscription))[0]["status"] == "failed")

    await rounds_until(worker, given_up)
    assert (await deliveries(client, issuer, subscription))[0]["attempts"] == 3
    receiver.start()
    assert await worker() == 0  # a failed delivery waits for redelivery
    response = await client.post(f"{PATH}/{subscription['id']}/deliveries/redeliver-failed", headers=partner(issuer))
    assert response.json() == {"redelivered": 1}
    assert await worker() == 1
    receiver.wait_for(1)[0].verify(subscription["secret"])
    assert (await deliveries(client, issuer, subscription))[0]["status"] == "delivered"


async def test_the_circuit_opens_and_the_subscription_pauses(
    client: httpx.AsyncClient, issuer: TestIssuer, worker: Any, receiver: Receiver, settings: NotificationsSettings
) -> None:
    receiver.status = 500
    subscription = await subscribe(client, issuer, receiver.url)
    watching = await client.post(
        PATH,
        json={"url": "http://127.0.0.1:9/notices", "event_types": ["webhook_subscription.paused"]},
        headers=partner(issuer),
    )
    watcher = watching.json()
    for _ in range(3):
        await publish(client, issuer)
    tight = settings.model_copy(update={"circuit_failure_threshold": 2, "circuit_cooldown_seconds": 3600})
    assert await worker(tight) == 2  # leased together; the circuit opens after the second failure
    read = (await client.get(f"{PATH}/{subscription['id']}", headers=partner(issuer))).json()
    assert read["consecutive_failures"] == 2
    assert read["circuit_open_until"] is not None
    assert await worker(tight) == 0  # the open circuit: nothing is tried
    assert sorted(d["attempts"] for d in await deliveries(client, issuer, subscription)) == [0, 1, 1]

    pausing = settings.model_copy(update={"auto_pause_after_failures": 4, "circuit_failure_threshold": 100})
    etag = (await client.get(f"{PATH}/{subscription['id']}", headers=partner(issuer))).headers["ETag"]
    activated = await client.patch(
        f"{PATH}/{subscription['id']}", json={"status": "active"}, headers={**partner(issuer), "If-Match": etag}
    )
    assert activated.status_code == 200, activated.text
    await asyncio.sleep(0.05)
    for _ in range(10):
        await worker(pausing)
        await asyncio.sleep(0.03)
    read = (await client.get(f"{PATH}/{subscription['id']}", headers=partner(issuer))).json()
    assert (read["status"], read["paused_reason"]) == ("paused", "failing")
    assert read["consecutive_failures"] == 4
    # the notice: the agency's other subscription to webhook_subscription.paused has it queued
    [notice] = await deliveries(client, issuer, watcher)
    assert notice["event_type"] == "webhook_subscription.paused"


async def test_redirects_are_not_followed(
    client: httpx.AsyncClient, issuer: TestIssuer, worker: Any, receiver: Receiver
) -> None:
    receiver.status = 307
    subscription = await subscribe(client, issuer, receiver.url)
    await publish(client, issuer)
    await worker()
    assert len(receiver.received) == 1
    [logged] = await deliveries(client, issuer, subscription)
    assert (logged["status"], logged["last_status_code"]) == ("pending", 307)


async def test_the_target_is_checked_again_at_delivery(
    client: httpx.AsyncClient, issuer: TestIssuer, worker: Any, receiver: Receiver, settings: NotificationsSettings
) -> None:
    subscription = await subscribe(client, issuer, receiver.url)
    await publish(client, issuer)
    no_longer_allowed = settings.model_copy(update={"webhook_allowed_hosts": []})
    assert await worker(no_longer_allowed) == 1
    assert receiver.received == []
    [logged] = await deliveries(client, issuer, subscription)
    assert logged["last_error"].startswith("refused: webhook-target-not-public")


async def test_a_slow_receiver_times_out_and_a_flood_is_not_read(
    client: httpx.AsyncClient, issuer: TestIssuer, worker: Any, receiver: Receiver, settings: NotificationsSettings
) -> None:
    subscription = await subscribe(client, issuer, receiver.url)
    await publish(client, issuer)
    receiver.delay = 1.5
    impatient = settings.model_copy(update={"webhook_read_timeout_seconds": 0.3})
    assert await worker(impatient) == 1
    [logged] = await deliveries(client, issuer, subscription)
    assert (logged["status"], logged["last_error"]) == ("pending", "timed out")

    receiver.delay = 0
    receiver.status = 200
    receiver.answer = b"x" * (8 * 1024 * 1024)  # 8 MiB: only the first 64 KiB are read
    await client.post(f"{PATH}/{subscription['id']}/deliveries/{logged['id']}/redeliver", headers=partner(issuer))
    assert await worker() == 1
    [logged] = await deliveries(client, issuer, subscription)
    assert (logged["status"], logged["last_status_code"]) == ("delivered", 200)
