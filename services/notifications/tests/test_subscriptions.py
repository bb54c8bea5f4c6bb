"""The webhook subscriptions API: who may manage which subscription, the secret shown once, rotation with an
overlap, the SSRF checks on the URL, and events in from the services (stored once, routed by audience)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from standardwebhooks import Webhook

from notifications.webhook.models import EVENT_TYPES, Subscription
from notifications.webhook.worker import signatures, signing_secrets
from vru_dev.testing import TestIssuer

PATH = "/v1/webhook-subscriptions"
AGENCY_A = uuid.uuid4()
AGENCY_B = uuid.uuid4()
RECEIVER = "http://127.0.0.1:9/hooks"  # allowed by the test settings' NOTIFICATIONS_WEBHOOK_ALLOWED_HOSTS


def partner(issuer: TestIssuer, agency: uuid.UUID = AGENCY_A, **kwargs: Any) -> dict[str, str]:
    return issuer.headers(roles=["partner_agency"], agency=agency, **kwargs)


def admin(issuer: TestIssuer) -> dict[str, str]:
    return issuer.headers(roles=["admin"], agency=uuid.uuid4())


def service(issuer: TestIssuer) -> dict[str, str]:
    return issuer.headers(roles=["service"], kind="client", sub="referrals-service", client_id="referrals-service")


async def subscribe(
    client: httpx.AsyncClient, headers: dict[str, str], url: str = RECEIVER, types: tuple[str, ...] = ("referral.sent",)
) -> dict[str, Any]:
    response = await client.post(PATH, json={"url": url, "event_types": list(types)}, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


class TestCreate:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        response = await client.post(PATH, json={"url": RECEIVER, "event_types": ["referral.sent"]})
        assert response.status_code == 401
        assert response.json()["type"].endswith("/unauthorized")

    async def test_forbidden(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        headers = issuer.headers(roles=["coordinator"], districts=["swale"])
        response = await client.post(PATH, json={"url": RECEIVER, "event_types": ["referral.sent"]}, headers=headers)
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")

    async def test_the_secret_is_shown_once(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        created = await subscribe(client, partner(issuer))
        assert created["secret"].startswith("whsec_")
        assert created["agency_id"] == str(AGENCY_A)
        assert created["status"] == "active"
        read = await client.get(f"{PATH}/{created['id']}", headers=partner(issuer))
        assert read.status_code == 200
        assert "secret" not in read.json()
        listed = await client.get(PATH, headers=partner(issuer))
        assert [s["id"] for s in listed.json()["items"]] == [created["id"]]
        assert all("secret" not in s for s in listed.json()["items"])

    async def test_another_agencys_subscription_is_not_found(
        self, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        created = await subscribe(client, partner(issuer))
        other = partner(issuer, AGENCY_B)
        for method, path in (
            ("GET", f"{PATH}/{created['id']}"),
            ("PATCH", f"{PATH}/{created['id']}"),
            ("DELETE", f"{PATH}/{created['id']}"),
            ("POST", f"{PATH}/{created['id']}/secret"),
            ("GET", f"{PATH}/{created['id']}/deliveries"),
            ("POST", f"{PATH}/{created['id']}/deliveries/redeliver-failed"),
        ):
            body = {"description": "mine now"} if method == "PATCH" else None
            response = await client.request(method, path, headers=other, json=body)
            assert response.status_code == 404, (method, path, response.text)
            assert response.json()["type"].endswith("/webhook-subscription-not-found")
        assert (await client.get(PATH, headers=other)).json()["items"] == []
        # the unit's administrator sees every agency's
        assert (await client.get(f"{PATH}/{created['id']}", headers=admin(issuer))).status_code == 200

    async def test_a_partner_cannot_subscribe_for_another_agency(
        self, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        response = await client.post(
            PATH,
            json={"url": RECEIVER, "event_types": ["referral.sent"], "agency_id": str(AGENCY_B)},
            headers=partner(issuer),
        )
        assert response.status_code == 403
        assert response.json()["type"].endswith("/not-your-agency")

    async def test_unknown_event_type(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.post(
            PATH, json={"url": RECEIVER, "event_types": ["referral.read"]}, headers=partner(issuer)
        )
        assert response.status_code == 422


class TestServerSideRequestForgery:
    @pytest.mark.parametrize(
        ("url", "slug"),
        [
            ("https://10.1.2.3/hook", "webhook-target-not-public"),
            ("https://192.168.0.10/hook", "webhook-target-not-public"),
            ("https://127.0.0.2/hook", "webhook-target-not-public"),
            ("https://localhost/hook", "webhook-target-not-public"),
            ("https://169.254.169.254/latest/meta-data", "webhook-target-not-public"),
            ("https://100.64.0.1/hook", "webhook-target-not-public"),
            ("https://224.0.0.1/hook", "webhook-target-not-public"),
            ("https://0.0.0.0/hook", "webhook-target-not-public"),
            ("https://[::1]/hook", "webhook-target-not-public"),
            ("https://[fe80::1]/hook", "webhook-target-not-public"),
            ("https://[fd00::1]/hook", "webhook-target-not-public"),
            ("https://[::ffff:127.0.0.1]/hook", "webhook-target-not-public"),
            ("https://[::ffff:10.0.0.1]/hook", "webhook-target-not-public"),
            ("https://no-such-host.invalid/hook", "webhook-host-unresolvable"),
            ("ftp://example.org/hook", "webhook-url-invalid"),
            ("https://user:pw@example.org/hook", "webhook-url-invalid"),
        ],
    )
    async def test_refused_at_subscription(
        self, client: httpx.AsyncClient, issuer: TestIssuer, url: str, slug: str
    ) -> None:
        response = await client.post(PATH, json={"url": url, "event_types": ["referral.sent"]}, headers=partner(issuer))
        assert response.status_code == 422, response.text
        assert response.json()["type"].endswith("/" + slug)

    async def test_refused_on_change(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        created = await subscribe(client, partner(issuer))
        response = await client.patch(
            f"{PATH}/{created['id']}",
            json={"url": "https://10.0.0.1/x"},
            headers=partner(issuer) | {"If-Match": '"v1"'},
        )
        assert response.status_code == 422
        assert response.json()["type"].endswith("/webhook-target-not-public")

    async def test_https_only_outside_development(self, db_urls: dict[str, str], issuer: TestIssuer) -> None:
        from notifications.webhook import targets
        from notifications.webhook.exceptions import WebhookUrlNotHttps

        with pytest.raises(WebhookUrlNotHttps):
            await targets.check("http://127.0.0.1/hook", allowed_hosts=["127.0.0.1"], development=False)
        target = await targets.check("https://127.0.0.1:8443/a?b=1", allowed_hosts=["127.0.0.1"], development=False)
        assert (target.connect_url, target.host_header) == ("https://127.0.0.1:8443/a?b=1", "127.0.0.1:8443")


class TestChange:
    async def test_pause_and_activate(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        created = await subscribe(client, partner(issuer))
        paused = await client.patch(
            f"{PATH}/{created['id']}", json={"status": "paused"}, headers=partner(issuer) | {"If-Match": '"v1"'}
        )
        assert (paused.json()["status"], paused.json()["paused_reason"]) == ("paused", "by_request")
        active = await client.patch(
            f"{PATH}/{created['id']}",
            json={"status": "active", "event_types": ["referral.accepted", "referral.sent"]},
            headers=partner(issuer) | {"If-Match": paused.headers["ETag"]},
        )
        assert active.json()["status"] == "active"
        assert active.json()["event_types"] == ["referral.accepted", "referral.sent"]

    async def test_delete(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        created = await subscribe(client, partner(issuer))
        assert (await client.delete(f"{PATH}/{created['id']}", headers=partner(issuer))).status_code == 204
        gone = await client.get(f"{PATH}/{created['id']}", headers=partner(issuer))
        assert gone.json()["type"].endswith("/webhook-subscription-not-found")


class TestConcurrency:
    """Optimistic concurrency (docs/code-structure.md, "Versioned records"): GET gives an ETag; PATCH needs
    If-Match (428 without, 412 stale); DELETE and rotation check it when sent."""

    async def test_get_gives_an_etag_and_patch_needs_if_match(
        self, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        created = await subscribe(client, partner(issuer))
        path = f"{PATH}/{created['id']}"
        read = await client.get(path, headers=partner(issuer))
        assert read.headers["ETag"] == '"v1"'
        assert read.json()["version"] == 1
        for headers in ({}, {"If-Match": "*"}):
            missing = await client.patch(path, json={"description": "x"}, headers=partner(issuer) | headers)
            assert missing.status_code == 428, missing.text
            assert missing.json()["type"].endswith("/precondition-required")
        first = await client.patch(path, json={"description": "first"}, headers=partner(issuer) | {"If-Match": '"v1"'})
        assert first.status_code == 200, first.text
        assert first.headers["ETag"] == '"v2"'
        # a second change made from the same read loses, and nothing of it is written
        stale = await client.patch(path, json={"description": "second"}, headers=partner(issuer) | {"If-Match": '"v1"'})
        assert stale.status_code == 412
        assert stale.json()["type"].endswith("/precondition-failed")
        assert stale.headers["ETag"] == '"v2"'
        assert (await client.get(path, headers=partner(issuer))).json()["description"] == "first"

    async def test_delete_and_rotation_honour_if_match(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        created = await subscribe(client, partner(issuer))
        path = f"{PATH}/{created['id']}"
        rotated = await client.post(f"{path}/secret", headers=partner(issuer) | {"If-Match": '"v1"'})
        assert rotated.status_code == 200, rotated.text
        assert rotated.headers["ETag"] == '"v2"'
        stale = await client.post(f"{path}/secret", headers=partner(issuer) | {"If-Match": '"v1"'})
        assert stale.status_code == 412
        assert stale.json()["type"].endswith("/precondition-failed")
        refused = await client.delete(path, headers=partner(issuer) | {"If-Match": '"v1"'})
        assert refused.status_code == 412
        assert refused.json()["type"].endswith("/precondition-failed")
        assert (await client.get(path, headers=partner(issuer))).status_code == 200  # not deleted
        assert (await client.delete(path, headers=partner(issuer) | {"If-Match": '"v2"'})).status_code == 204

    async def test_a_worker_change_moves_the_etag(
        self, app: FastAPI, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        """An automatic pause (or a failure counted) between a read and a PATCH is a change the PATCH must see."""
        created = await subscribe(client, partner(issuer))
        path = f"{PATH}/{created['id']}"
        async with app.state.sessionmaker() as session, session.begin():
            subscription = await session.get(Subscription, uuid.UUID(created["id"]))
            assert subscription is not None
            subscription.consecutive_failures = 1
        assert (await client.get(path, headers=partner(issuer))).headers["ETag"] == '"v2"'
        stale = await client.patch(path, json={"status": "active"}, headers=partner(issuer) | {"If-Match": '"v1"'})
        assert stale.json()["type"].endswith("/precondition-failed")


class TestRotation:
    async def test_both_secrets_sign_during_the_overlap(
        self, app: FastAPI, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        created = await subscribe(client, partner(issuer))
        rotated = await client.post(f"{PATH}/{created['id']}/secret", headers=partner(issuer))
        assert rotated.status_code == 200
        new = rotated.json()["secret"]
        assert new.startswith("whsec_")
        assert new != created["secret"]
        expires = datetime.fromisoformat(rotated.json()["previous_secret_expires_at"])
        assert timedelta(hours=23) < expires - datetime.now(UTC) <= timedelta(hours=24)
        now = datetime.now(UTC)
        async with app.state.sessionmaker() as session:  # the stored row, its secrets encrypted
            subscription = await session.get(Subscription, uuid.UUID(created["id"]))
        assert subscription is not None
        box = app.state.settings.secret_box
        body = b'{"type":"referral.sent"}'
        headers = {
            "webhook-id": "msg_1",
            "webhook-timestamp": str(int(now.timestamp())),
            "webhook-signature": signatures(
                signing_secrets(subscription, box, now), msg_id="msg_1", timestamp=now, body=body
            ),
        }
        assert len(headers["webhook-signature"].split(" ")) == 2
        Webhook(new).verify(body, headers)
        Webhook(created["secret"]).verify(body, headers)  # the receiver that has not switched yet
        # after the overlap only the new secret signs
        later = expires + timedelta(seconds=1)
        after = signatures(signing_secrets(subscription, box, later), msg_id="msg_1", timestamp=later, body=body)
        assert len(after.split(" ")) == 1


def event(event_type: str, agencies: list[uuid.UUID], *, staff: bool = True) -> dict[str, Any]:
    record = uuid.uuid4()
    return {
        "id": str(uuid.uuid4()),
        "type": event_type,
        "occurred_at": datetime.now(UTC).isoformat(),
        "data": {"id": str(record), "status": "sent", "links": {"self": f"/v1/referrals/{record}"}},
        "audience": {"agencies": [str(a) for a in agencies], "staff": staff},
    }


class TestEvents:
    async def test_only_services_publish(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.post("/v1/events", json={"events": [event("referral.sent", [])]}, headers=admin(issuer))
        assert response.status_code == 403

    async def test_stored_once_and_routed_by_audience(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        mine = await subscribe(client, partner(issuer))
        theirs = await subscribe(client, partner(issuer, AGENCY_B))
        staff = await subscribe(client, admin(issuer))
        other_type = await subscribe(client, partner(issuer), types=("referral.accepted",))
        sent = event("referral.sent", [AGENCY_A])
        first = await client.post("/v1/events", json={"events": [sent]}, headers=service(issuer))
        assert first.status_code == 200, first.text
        assert first.json() == {"accepted": 1, "duplicates": 0, "deliveries": 2}
        again = await client.post("/v1/events", json={"events": [sent]}, headers=service(issuer))
        assert again.json() == {"accepted": 0, "duplicates": 1, "deliveries": 0}

        async def log(subscription: dict[str, Any], headers: dict[str, str]) -> list[dict[str, Any]]:
            response = await client.get(f"{PATH}/{subscription['id']}/deliveries", headers=headers)
            assert response.status_code == 200, response.text
            return response.json()["items"]  # type: ignore[no-any-return]

        [delivery] = await log(mine, partner(issuer))
        assert (delivery["event_id"], delivery["status"], delivery["attempts"]) == (sent["id"], "pending", 0)
        assert await log(theirs, partner(issuer, AGENCY_B)) == []
        assert len(await log(staff, admin(issuer))) == 1
        assert await log(other_type, partner(issuer)) == []
        # a staff-only event (a draft's, say) reaches no partner agency
        await client.post(
            "/v1/events", json={"events": [event("referral.sent", [], staff=True)]}, headers=service(issuer)
        )
        assert len(await log(mine, partner(issuer))) == 1
        assert len(await log(staff, admin(issuer))) == 2

    async def test_redeliver_one(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        mine = await subscribe(client, partner(issuer))
        await client.post("/v1/events", json={"events": [event("referral.sent", [AGENCY_A])]}, headers=service(issuer))
        log = await client.get(f"{PATH}/{mine['id']}/deliveries", headers=partner(issuer))
        delivery = log.json()["items"][0]["id"]
        response = await client.post(f"{PATH}/{mine['id']}/deliveries/{delivery}/redeliver", headers=partner(issuer))
        assert response.json() == {"redelivered": 1}
        missing = await client.post(f"{PATH}/{mine['id']}/deliveries/{uuid.uuid4()}/redeliver", headers=partner(issuer))
        assert missing.status_code == 404
        assert missing.json()["type"].endswith("/webhook-delivery-not-found")


class TestOnABadDay:
    """The subscriptions API as an attacker would try it (docs/notifications.md, "No server-side request forgery";
    docs/security.md, "Findings")."""

    @pytest.mark.parametrize(
        ("url", "slug"),
        [
            ("https://127.0.0.1@evil.example/hook", "webhook-url-invalid"),  # userinfo: the host is evil.example
            ("https://evil.example\\@127.0.0.1/hook", "webhook-url-invalid"),
            ("https://2130706433/hook", "webhook-url-invalid"),  # 127.0.0.1 as one decimal number
            ("https://0x7f.1/hook", "webhook-url-invalid"),
            ("https://0177.0.0.1/hook", "webhook-url-invalid"),
            ("https://127.1/hook", "webhook-url-invalid"),
            (
                "https://0x08080808/hook",
                "webhook-url-invalid",
            ),  # even a public one: written the usual way or not at all
            ("https://[::127.0.0.1]/hook", "webhook-target-not-public"),  # IPv4-compatible
            ("https://[2002:7f00:1::]/hook", "webhook-target-not-public"),  # 6to4 of 127.0.0.1
            ("https://[2002:a9fe:a9fe::]/hook", "webhook-target-not-public"),  # 6to4 of 169.254.169.254
            ("https://[64:ff9b::a00:1]/hook", "webhook-target-not-public"),  # NAT64 of 10.0.0.1
            ("https://[fe80::1%25eth0]/hook", "webhook-url-invalid"),  # a zone id
            ("https://[::]/hook", "webhook-target-not-public"),
            ("https://localhost./hook", "webhook-target-not-public"),  # a name resolving to loopback
            ("https://LOCALHOST/hook", "webhook-target-not-public"),
        ],
    )
    async def test_url_tricks_are_refused(
        self, client: httpx.AsyncClient, issuer: TestIssuer, url: str, slug: str
    ) -> None:
        response = await client.post(PATH, json={"url": url, "event_types": ["referral.sent"]}, headers=partner(issuer))
        assert response.status_code == 422, (url, response.text)
        assert response.json()["type"].endswith("/" + slug), (url, response.json())

    async def test_the_allow_list_may_name_a_port_and_be_the_only_targets(self) -> None:
        from notifications.webhook import targets
        from notifications.webhook.exceptions import WebhookHostNotAllowed, WebhookTargetNotPublic

        await targets.check("http://127.0.0.1:9/x", allowed_hosts=["127.0.0.1:9"], development=True)
        with pytest.raises(WebhookTargetNotPublic):
            await targets.check("http://127.0.0.1:8101/x", allowed_hosts=["127.0.0.1:9"], development=True)
        with pytest.raises(WebhookHostNotAllowed):  # refused before any DNS lookup
            await targets.check(
                "https://hooks.example.org/vru", allowed_hosts=["127.0.0.1:9"], development=True, allowed_only=True
            )

    async def test_a_retried_create_makes_no_second_subscription_and_stores_no_secret(
        self, app: FastAPI, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        headers = partner(issuer) | {"Idempotency-Key": str(uuid.uuid4())}
        body = {"url": RECEIVER, "event_types": ["referral.sent"]}
        first = await client.post(PATH, json=body, headers=headers)
        assert first.status_code == 201, first.text
        assert first.headers["cache-control"] == "no-store"
        again = await client.post(PATH, json=body, headers=headers)
        assert again.status_code == 409, again.text
        assert again.json()["type"].endswith("/webhook-subscription-already-created")
        assert again.headers["location"] == f"{PATH}/{first.json()['id']}"
        assert "whsec_" not in again.text
        listed = (await client.get(PATH, headers=partner(issuer))).json()["items"]
        assert [s["id"] for s in listed] == [first.json()["id"]]
        # nothing with a secret in it was kept for a replay, of the create or of a rotation
        rotated = await client.post(f"{PATH}/{first.json()['id']}/secret", headers=headers)
        assert rotated.status_code == 200, rotated.text
        async with app.state.sessionmaker() as session:
            stored = (await session.execute(text("SELECT body FROM notifications.idempotency_keys"))).scalars().all()
        assert not any(b"whsec_" in bytes(row) for row in stored)
        # another caller's same key is theirs
        other = await client.post(
            PATH, json=body, headers=partner(issuer, AGENCY_B) | {"Idempotency-Key": headers["Idempotency-Key"]}
        )
        assert other.status_code == 201, other.text

    async def test_another_subscriptions_delivery_is_not_found(
        self, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        mine = await subscribe(client, partner(issuer))
        theirs = await subscribe(client, partner(issuer, AGENCY_B))
        await client.post("/v1/events", json={"events": [event("referral.sent", [AGENCY_B])]}, headers=service(issuer))
        [delivery] = (await client.get(f"{PATH}/{theirs['id']}/deliveries", headers=partner(issuer, AGENCY_B))).json()[
            "items"
        ]
        response = await client.post(
            f"{PATH}/{mine['id']}/deliveries/{delivery['id']}/redeliver", headers=partner(issuer)
        )
        assert response.status_code == 404
        assert response.json()["type"].endswith("/webhook-delivery-not-found")

    async def test_duplicate_event_types_are_stored_once(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        created = await subscribe(client, partner(issuer), types=("referral.sent", "referral.sent", "pack.used"))
        assert created["event_types"] == ["pack.used", "referral.sent"]
        too_many = ["referral.sent"] * (len(EVENT_TYPES) + 1)  # more entries than there are event types
        response = await client.post(PATH, json={"url": RECEIVER, "event_types": too_many}, headers=partner(issuer))
        assert response.status_code == 422
        assert response.json()["type"].endswith("/validation-error")
