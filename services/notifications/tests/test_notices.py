"""E-mail and SMS notices to people: queued from events as preferences say, resolved through identity for a
district's coordinators, sent by the worker with the real ``notifications-python-client`` to the GOV.UK Notify
stand-in (a real HTTP server on this machine), retried on 5xx / 429 / the stand-in down, given up on 400."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from pydantic import SecretStr
from sqlalchemy import select

from notifications.notice.kinds import default_template_ids
from notifications.notice.models import Notice, NoticeFanout
from notifications.notice.worker import resolve_fanouts, send_due, sender_of
from notifications.settings import NotificationsSettings
from vru_dev.notify_standin import NotifyStandin
from vru_dev.testing import TEST_ISSUER, TestIssuer
from vru_shared.http_client import CircuitBreaker, RetryPolicy, ServiceClient

PREFS = "/v1/notification-preferences/me"


class FakeIdentity:
    """Identity's ``GET /v1/contacts`` at the httpx transport (the cross-service test runs the real one)."""

    def __init__(self) -> None:
        self.people: dict[uuid.UUID, dict[str, Any]] = {}
        self.status = 200
        self.calls = 0

    def add(self, email: str, roles: list[str], districts: list[str] = ()) -> uuid.UUID:  # type: ignore[assignment]
        person = uuid.uuid4()
        self.people[person] = {"id": str(person), "email": email, "roles": roles, "districts": list(districts)}
        return person

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        if self.status != 200:
            return httpx.Response(self.status, json={"type": "x", "status": self.status})
        ids = request.url.params.get_list("person_id")
        role, district = request.url.params.get("role"), request.url.params.get("district")
        items = [
            p
            for p in self.people.values()
            if (p["id"] in ids) or (role is not None and role in p["roles"] and district in p["districts"])
        ]
        return httpx.Response(200, json={"items": items})

    def client(self) -> ServiceClient:
        return ServiceClient(
            "identity",
            "http://identity.test",
            httpx.AsyncClient(transport=httpx.MockTransport(self.handler)),
            credentials=None,
            policy=RetryPolicy(timeout_seconds=2.0, retries=0),
            breaker=CircuitBreaker("identity", 1000, 0.01),
        )


@pytest.fixture
def standin() -> Iterator[NotifyStandin]:
    standin = NotifyStandin().start()
    yield standin
    standin.stop()


@pytest.fixture
def settings(db_urls: dict[str, str], standin: NotifyStandin) -> NotificationsSettings:
    return NotificationsSettings(
        database_url=db_urls["notifications"],
        token_issuer=TEST_ISSUER,
        delivery_poll_seconds=60,
        notice_poll_seconds=60,  # the tests run the rounds themselves
        notify_base_url=standin.url,
        notify_timeout_seconds=3.0,
        web_url="https://vru.example.org",
        notice_retry_base_seconds=0.01,
        notice_retry_max_seconds=0.02,
        notice_max_attempts=3,
    )


@pytest.fixture
def identity() -> FakeIdentity:
    return FakeIdentity()


@pytest.fixture
def worker(app: FastAPI, client: httpx.AsyncClient, identity: FakeIdentity) -> Any:
    """One round of the notice worker as the app runs it (its sessions), with the real Notify client."""

    async def run(settings: NotificationsSettings | None = None) -> int:
        settings = settings or app.state.settings
        await resolve_fanouts(app.state.sessionmaker, settings, identity.client())
        return await send_due(app.state.sessionmaker, settings, identity=identity.client(), sender=sender_of(settings))

    return run


def service_headers(issuer: TestIssuer) -> dict[str, str]:
    return issuer.headers(roles=["service"], kind="client", client_id="referrals-service")


async def publish(
    client: httpx.AsyncClient,
    issuer: TestIssuer,
    event_type: str = "referral.accepted",
    *,
    people: list[uuid.UUID] = (),  # type: ignore[assignment]
    district: str = "swale",
    extra: dict[str, str] | None = None,
) -> dict[str, Any]:
    record = uuid.uuid4()
    event = {
        "id": str(uuid.uuid4()),
        "type": event_type,
        "occurred_at": datetime.now(UTC).isoformat(),
        "data": {"id": str(record), "status": "accepted", "district": district, "links": {"self": f"/v1/x/{record}"}}
        | (extra or {}),
        "audience": {"agencies": [], "staff": True, "people": [str(p) for p in people]},
    }
    response = await client.post("/v1/events", json={"events": [event]}, headers=service_headers(issuer))
    assert response.status_code == 200, response.text
    return event


async def notices(app: FastAPI, event: dict[str, Any] | None = None) -> list[Notice]:
    async with app.state.sessionmaker() as session:
        stmt = select(Notice).order_by(Notice.created_at, Notice.channel)
        if event is not None:
            stmt = stmt.where(Notice.event_id == uuid.UUID(event["id"]))
        return list((await session.scalars(stmt)).all())


async def set_preferences(
    client: httpx.AsyncClient, issuer: TestIssuer, person: uuid.UUID, body: dict[str, Any], roles: tuple[str, ...]
) -> httpx.Response:
    return await client.put(PREFS, json=body, headers=issuer.headers(roles=list(roles), sub=str(person)))


class TestIngestion:
    async def test_notices_follow_preferences(
        self, app: FastAPI, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        default, opted_out, texting, text_only_no_number = (uuid.uuid4() for _ in range(4))
        roles = ("coordinator",)
        off = {"kinds": [{"kind": "referral.accepted", "email": False, "sms": False}]}
        assert (await set_preferences(client, issuer, opted_out, off, roles)).status_code == 200
        sms = {"mobile_number": "+44 7700 900123", "kinds": [{"kind": "referral.accepted", "email": True, "sms": True}]}
        assert (await set_preferences(client, issuer, texting, sms, roles)).status_code == 200
        event = await publish(client, issuer, people=[default, opted_out, texting, text_only_no_number])
        queued = {(n.person_id, n.channel) for n in await notices(app, event)}
        assert queued == {
            (default, "email"),
            (texting, "email"),
            (texting, "sms"),
            (text_only_no_number, "email"),
        }
        # the relay resent it (a lost answer): stored once, nothing queued twice
        response = await client.post(
            "/v1/events",
            json={"events": [event | {"occurred_at": event["occurred_at"]}]},
            headers=service_headers(issuer),
        )
        assert response.json()["duplicates"] == 1
        assert len(await notices(app, event)) == 4

    async def test_an_event_that_is_no_notice_kind_queues_none(
        self, app: FastAPI, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        event = await publish(client, issuer, "referral.sent", people=[uuid.uuid4()])
        assert await notices(app, event) == []


class TestSending:
    async def test_sent_through_notify_with_the_template_and_a_link_only(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        issuer: TestIssuer,
        worker: Any,
        identity: FakeIdentity,
        standin: NotifyStandin,
    ) -> None:
        author = identity.add("author@example.org", ["coordinator"], ["swale"])
        event = await publish(client, issuer, people=[author])
        assert await worker() == 1
        [sent] = standin.sent
        record = event["data"]["id"]
        assert sent.recipient == "author@example.org"
        assert str(sent.template.id) == default_template_ids()["referral.accepted"]["email"]
        assert sent.personalisation == {
            "district": "Swale",
            "reference": record.replace("-", "")[:8].upper(),
            "link": f"https://vru.example.org/referrals/{record}",
        }
        assert f"https://vru.example.org/referrals/{record}" in sent.body
        [notice] = await notices(app, event)
        assert (notice.status, notice.attempts, notice.notify_id) == ("sent", 1, sent.id)
        assert sent.reference == str(notice.id)
        assert await worker() == 0  # sent once

    async def test_a_district_notice_goes_to_its_coordinators_once_identity_answers(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        issuer: TestIssuer,
        worker: Any,
        identity: FakeIdentity,
        standin: NotifyStandin,
    ) -> None:
        identity.add("swale.coordinator@example.org", ["coordinator"], ["swale"])
        identity.add("thanet.coordinator@example.org", ["coordinator"], ["thanet"])
        identity.add("swale.analyst@example.org", ["analyst"], ["swale"])
        identity.status = 503
        event = await publish(client, issuer, "review.opened", people=[])
        assert await worker() == 0
        async with app.state.sessionmaker() as session:
            fanout = await session.get(NoticeFanout, uuid.UUID(event["id"]))
            assert fanout is not None
            assert (fanout.status, fanout.attempts) == ("pending", 1)
            assert "identity" in (fanout.last_error or "")
        identity.status = 200
        for _ in range(20):
            if await worker():
                break
        assert [s.recipient for s in standin.sent] == ["swale.coordinator@example.org"]
        assert standin.sent[0].personalisation["link"] == f"https://vru.example.org/reviews/{event['data']['id']}"

    async def test_5xx_429_and_the_standin_down_are_retried_then_delivered(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        issuer: TestIssuer,
        worker: Any,
        identity: FakeIdentity,
        standin: NotifyStandin,
    ) -> None:
        author = identity.add("author@example.org", ["coordinator"])
        event = await publish(client, issuer, people=[author])
        standin.fail_next = [500]
        assert await worker() == 1
        [notice] = await notices(app, event)
        assert (notice.status, notice.attempts, notice.last_status_code) == ("pending", 1, 500)
        standin.stop()
        await _after_backoff(worker)
        [notice] = await notices(app, event)
        assert (notice.status, notice.attempts, notice.last_error) == ("pending", 2, "could not connect")
        standin.start()
        standin.fail_next = [429]
        settings = app.state.settings.model_copy(update={"notice_max_attempts": 5})
        await _after_backoff(worker, settings)
        [notice] = await notices(app, event)
        assert (notice.status, notice.last_status_code) == ("pending", 429)
        await _after_backoff(worker, settings)
        [notice] = await notices(app, event)
        assert (notice.status, notice.attempts) == ("sent", 4)
        assert len(standin.sent) == 1
        assert [code for code, _ in standin.requests] == [500, 429, 201]

    async def test_a_request_notify_refuses_is_given_up_without_retries(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        issuer: TestIssuer,
        worker: Any,
        identity: FakeIdentity,
        standin: NotifyStandin,
    ) -> None:
        author = identity.add("author@example.org", ["coordinator"])
        event = await publish(client, issuer, people=[author])
        unknown = app.state.settings.model_copy(
            update={"notify_templates": {"referral.accepted": {"email": str(uuid.uuid4())}}}
        )
        assert await worker(unknown) == 1
        [notice] = await notices(app, event)
        assert (notice.status, notice.attempts, notice.last_status_code) == ("failed", 1, 400)
        assert "BadRequestError: Template not found" in (notice.last_error or "")
        assert await _after_backoff(worker) == 0
        assert standin.sent == []

    async def test_a_wrong_api_key_is_403_and_given_up(
        self,
        app: FastAPI,
        client: httpx.AsyncClient,
        issuer: TestIssuer,
        worker: Any,
        identity: FakeIdentity,
        standin: NotifyStandin,
    ) -> None:
        author = identity.add("author@example.org", ["coordinator"])
        event = await publish(client, issuer, people=[author])
        wrong = app.state.settings.model_copy(
            update={"notify_api_key": SecretStr(f"dev-wrong-{uuid.uuid4()}-{uuid.uuid4()}")}
        )
        assert await worker(wrong) == 1
        [notice] = await notices(app, event)
        assert (notice.status, notice.last_status_code) == ("failed", 403)
        assert "AuthError" in (notice.last_error or "")


async def _after_backoff(worker: Any, settings: NotificationsSettings | None = None) -> int:
    import asyncio

    await asyncio.sleep(0.05)
    return int(await worker(settings))


class TestPreferences:
    async def test_anonymous(self, client: httpx.AsyncClient) -> None:
        response = await client.get(PREFS)
        assert response.status_code == 401
        assert response.json()["type"].endswith("/unauthorized")

    async def test_an_api_client_has_none(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        response = await client.get(PREFS, headers=service_headers(issuer))
        assert response.status_code == 403
        assert response.json()["type"].endswith("/forbidden")
        assert "API client" in response.json()["detail"]

    async def test_a_person_of_another_issuer_reads_the_defaults_only(
        self, client: httpx.AsyncClient, issuer: TestIssuer
    ) -> None:
        headers = issuer.headers(roles=["coordinator"], sub="someone-elsewhere")
        read = await client.get(PREFS, headers=headers)
        assert (read.status_code, read.json()["person_id"]) == (200, None)
        refused = await client.put(PREFS, json={}, headers=headers)
        assert refused.status_code == 404
        assert refused.json()["type"].endswith("/notification-person-unknown")

    async def test_defaults_are_the_roles_kinds_by_email(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        guardian = uuid.uuid4()
        response = await client.get(PREFS, headers=issuer.headers(roles=["guardian"], sub=str(guardian)))
        assert response.status_code == 200
        body = response.json()
        assert body["person_id"] == str(guardian)
        assert body["mobile_number"] is None
        assert [(k["kind"], k["email"], k["sms"]) for k in body["kinds"]] == [
            ("pack.used", True, False),
            ("pack.expiring", True, False),
            ("pack.check_overdue", True, False),
        ]

    async def test_own_only_and_an_admin_view(self, client: httpx.AsyncClient, issuer: TestIssuer) -> None:
        me, other = uuid.uuid4(), uuid.uuid4()
        body = {"mobile_number": "07700 900123", "kinds": [{"kind": "review.overdue", "email": False, "sms": True}]}
        saved = await set_preferences(client, issuer, me, body, ("coordinator",))
        assert saved.status_code == 200, saved.text
        assert saved.json()["mobile_number"] == "07700900123"
        theirs = await client.get(PREFS, headers=issuer.headers(roles=["coordinator"], sub=str(other)))
        assert theirs.json()["mobile_number"] is None
        assert all(k["email"] for k in theirs.json()["kinds"])
        path = f"/v1/notification-preferences/{me}"
        refused = await client.get(path, headers=issuer.headers(roles=["coordinator"], sub=str(other)))
        assert refused.status_code == 403
        assert refused.json()["type"].endswith("/forbidden")
        seen = await client.get(path, headers=issuer.headers(roles=["admin"]))
        assert seen.status_code == 200
        assert seen.json()["kinds"] == [
            {"kind": "review.overdue", "title": "Review overdue", "email": False, "sms": True}
        ]

    @pytest.mark.parametrize(
        ("body", "slug"),
        [
            ({"mobile_number": "01632 960123"}, "validation-error"),  # a landline
            ({"kinds": [{"kind": "referral.sent", "email": True, "sms": False}]}, "validation-error"),
            ({"kinds": [{"kind": "pack.used", "email": "yes", "sms": False}]}, "validation-error"),
            ({"kinds": [{"kind": "pack.used", "email": True, "sms": True}]}, "mobile-number-required"),
            (
                {
                    "mobile_number": "07700900123",
                    "kinds": [
                        {"kind": "pack.used", "email": True, "sms": True},
                        {"kind": "pack.used", "email": False, "sms": False},
                    ],
                },
                "notice-kind-repeated",
            ),
        ],
    )
    async def test_invalid(
        self, client: httpx.AsyncClient, issuer: TestIssuer, body: dict[str, Any], slug: str
    ) -> None:
        response = await set_preferences(client, issuer, uuid.uuid4(), body, ("guardian",))
        assert response.status_code == 422, response.text
        assert response.json()["type"].endswith("/" + slug)


async def test_two_workers_send_each_notice_once(
    db_urls: dict[str, str], settings: NotificationsSettings, identity: FakeIdentity, standin: NotifyStandin
) -> None:
    """Two worker replicas (separate connections, real commits) at once: every notice reaches Notify exactly once."""
    import asyncio

    from sqlalchemy import delete
    from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

    from notifications.webhook.models import Event

    engine = create_async_engine(db_urls["notifications"])
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    people = [identity.add(f"person{i}@example.org", ["coordinator"]) for i in range(12)]
    event_id = uuid.uuid4()
    small = settings.model_copy(update={"notice_batch": 3})
    try:
        async with sessions() as session, session.begin():
            data = {"id": str(uuid.uuid4()), "district": "swale"}
            session.add(
                Event(
                    id=event_id,
                    type="referral.accepted",
                    occurred_at=datetime.now(UTC),
                    data=data,
                    audience={},
                    source="test",
                )
            )
            await session.flush()
            for person in people:
                session.add(
                    Notice(event_id=event_id, person_id=person, channel="email", kind="referral.accepted", data=data)
                )

        async def replica() -> int:
            total = 0
            while sent := await send_due(sessions, small, identity=identity.client(), sender=sender_of(small)):
                total += sent
            return total

        counts = await asyncio.gather(replica(), replica())
        assert sum(counts) == len(people)
        assert sorted(s.recipient for s in standin.sent) == sorted(f"person{i}@example.org" for i in range(12))
        assert len({s.reference for s in standin.sent}) == len(people)
    finally:
        async with sessions() as session, session.begin():
            await session.execute(delete(Notice).where(Notice.event_id == event_id))
            await session.execute(delete(Event).where(Event.id == event_id))
        await engine.dispose()


class TestStandin:
    """The stand-in answers the real client as GOV.UK Notify does."""

    def client(self, standin: NotifyStandin, key: str | None = None) -> Any:
        from notifications_python_client.notifications import NotificationsAPIClient

        from vru_dev.notify_standin import DEV_API_KEY

        return NotificationsAPIClient(key or DEV_API_KEY, base_url=standin.url)  # type: ignore[no-untyped-call]

    def test_missing_personalisation_and_an_old_token(self, standin: NotifyStandin) -> None:
        import jwt
        import requests
        from notifications_python_client.errors import HTTPError

        from vru_dev.notify_standin import DEV_API_KEY, split_key

        template = default_template_ids()["review.overdue"]["sms"]
        with pytest.raises(HTTPError) as refused:
            self.client(standin).send_sms_notification(
                phone_number="07700900123", template_id=template, personalisation={"district": "Swale"}
            )
        assert refused.value.status_code == 400
        assert refused.value.message == [
            {"error": "BadRequestError", "message": "Missing personalisation: due_date, link, reference"}
        ]
        service, secret = split_key(DEV_API_KEY)
        old = jwt.encode({"iss": service, "iat": int(datetime.now(UTC).timestamp()) - 120}, secret, algorithm="HS256")
        answer = requests.post(
            standin.url + "/v2/notifications/email",
            json={"email_address": "a@example.org", "template_id": template},
            headers={"Authorization": f"Bearer {old}"},
            timeout=5,
        )
        assert answer.status_code == 403
        clock = "Error: Your system clock must be accurate to within 30 seconds"
        assert answer.json() == {"status_code": 403, "errors": [{"error": "AuthError", "message": clock}]}

    def test_a_text_is_recorded_and_listed(self, standin: NotifyStandin) -> None:
        template = default_template_ids()["pack.used"]["sms"]
        fields = {"district": "Medway", "reference": "5B9C2F0E", "link": "https://vru.example.org/packs/sites/x"}
        sent = self.client(standin).send_sms_notification(
            phone_number="+447700900123", template_id=template, personalisation=fields, reference="ref-1"
        )
        assert sent["content"]["from_number"] == "VRU"
        assert sent["template"]["id"] == template
        assert "Medway" in sent["content"]["body"]
        listed = self.client(standin).get_all_notifications(template_type="sms")
        assert [(n["id"], n["phone_number"], n["personalisation"]) for n in listed["notifications"]] == [
            (sent["id"], "+447700900123", fields)
        ]
        assert self.client(standin).get_notification_by_id(sent["id"])["reference"] == "ref-1"
