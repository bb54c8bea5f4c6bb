"""Events for partners' webhooks (``vru_shared.events``): each referral transition writes ``referral.<status>`` to
the outbox in the transaction of the change — thin (ids, status, a link), routed to the receiving partner agency
only once the referral was sent — and the relay hands the outbox to notifications in batches, once."""

import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select

from referrals.db import event_outbox
from vru_dev.kits.referrals import Casework
from vru_shared.events import Audience, publish, relay_due
from vru_shared.http_client import CircuitBreaker, RetryPolicy, ServiceClient

CSWS = "childrens-social-work-services"


async def outbox(casework: Casework) -> list[dict[str, Any]]:
    async with casework.app.state.sessionmaker() as session:
        rows = await session.execute(
            select(event_outbox).order_by(event_outbox.c.created_at, event_outbox.c.occurred_at)
        )
        return [dict(r._mapping) for r in rows.all()]


async def test_each_transition_is_an_event_for_the_receiving_agency(casework: Casework) -> None:
    partner = await casework.link_partner(CSWS)
    ids = await casework.young_person("46/900/26")
    referral = await casework.refer(ids, send=True, partner_agency=CSWS)
    await casework.move(referral["id"], "accepted", partner)
    await casework.move(referral["id"], "withdrawn", casework.MEDWAY_SWALE, reason="Moved out of the area.")
    events = [e for e in await outbox(casework) if e["data"]["id"] == referral["id"]]
    assert [e["type"] for e in events] == ["referral.sent", "referral.accepted", "referral.withdrawn"]
    for event in events:
        assert event["audience"] == {"agencies": [str(partner["agency"])], "staff": True, "people": []}
        assert event["data"]["links"] == {"self": f"/v1/referrals/{referral['id']}"}
        assert event["data"]["district"] == "swale"
        assert event["data"]["partner_agency"] == CSWS
        assert event["sent_at"] is None
    # thin: no name, date of birth, reason, review or young person's id in any event
    text = json.dumps([e["data"] for e in events])
    for private in ("Alex", "2010-03-14", "Exploited", "Moved out", ids["subject"], ids["review"], ids["incident"]):
        assert private not in text


async def test_the_referrals_author_is_named_for_an_e_mail_notice(casework: Casework) -> None:
    """The person who made the referral (an identity person: a UUID subject) is in the audience's ``people``, so the
    notifications service e-mails them its answer; a referral made by a non-person subject names nobody."""
    partner = await casework.link_partner(CSWS)
    author = str(uuid.uuid4())
    ids = await casework.young_person("46/901/26")
    referral = await casework.refer(ids, {**casework.MEDWAY_SWALE, "sub": author}, send=True, partner_agency=CSWS)
    await casework.move(referral["id"], "accepted", partner)
    events = [e for e in await outbox(casework) if e["data"]["id"] == referral["id"]]
    assert [(e["type"], e["audience"]["people"]) for e in events] == [
        ("referral.sent", [author]),
        ("referral.accepted", [author]),
    ]


async def test_a_draft_is_never_announced_to_the_agency(casework: Casework) -> None:
    await casework.link_partner(CSWS)
    ids = await casework.young_person("46/901/26")
    referral = await casework.refer(ids, partner_agency=CSWS)
    assert [e for e in await outbox(casework) if e["data"]["id"] == referral["id"]] == []
    await casework.move(referral["id"], "withdrawn", reason="Not needed.")
    [event] = [e for e in await outbox(casework) if e["data"]["id"] == referral["id"]]
    assert event["type"] == "referral.withdrawn"
    assert event["audience"] == {"agencies": [], "staff": True, "people": []}


async def test_a_refused_transition_writes_no_event(casework: Casework) -> None:
    ids = await casework.young_person("46/902/26")
    referral = await casework.refer(ids, partner_agency=CSWS)
    response = await casework.client.post(
        f"/v1/referrals/{referral['id']}/transitions",
        json={"to": "accepted"},
        headers=casework.headers(casework.MEDWAY_SWALE),
    )
    assert response.status_code == 409
    assert response.json()["type"].endswith("/referral-transition-not-allowed")
    assert [e for e in await outbox(casework) if e["data"]["id"] == referral["id"]] == []


def notifications(handler: Any) -> ServiceClient:
    return ServiceClient(
        "notifications",
        "http://notifications.test",
        httpx.AsyncClient(transport=httpx.MockTransport(handler)),
        credentials=None,
        policy=RetryPolicy(timeout_seconds=1, retries=0),
        breaker=CircuitBreaker("notifications", 100, 1),
    )


async def test_the_relay_sends_each_event_once_and_backs_off(casework: Casework) -> None:
    ids = await casework.young_person("46/903/26")
    referral = await casework.refer(ids, send=True, partner_agency=CSWS)
    batches: list[dict[str, Any]] = []
    up = False

    def handler(request: httpx.Request) -> httpx.Response:
        if not up:
            return httpx.Response(503)
        batches.append(json.loads(request.content))
        return httpx.Response(200, json={"accepted": 1, "duplicates": 0, "deliveries": 0})

    now = datetime.now(UTC) + timedelta(seconds=1)
    async with casework.app.state.sessionmaker() as session, session.begin():
        run = await relay_due(session, event_outbox, notifications=notifications(handler), now=now)
    assert run.failed >= 1
    [mine] = [e for e in await outbox(casework) if e["data"]["id"] == referral["id"]]
    assert (mine["attempts"], mine["sent_at"]) == (1, None)
    assert mine["next_attempt_at"] > now
    assert "503" in mine["last_error"] or "answer" in mine["last_error"]

    up = True
    async with casework.app.state.sessionmaker() as session, session.begin():
        assert (await relay_due(session, event_outbox, notifications=notifications(handler), now=now)).sent == 0
    later = now + timedelta(minutes=10)
    async with casework.app.state.sessionmaker() as session, session.begin():
        run = await relay_due(session, event_outbox, notifications=notifications(handler), now=later)
    assert run.sent >= 1
    sent = [e for b in batches for e in b["events"] if e["data"]["id"] == referral["id"]]
    assert [(e["id"], e["type"]) for e in sent] == [(str(mine["id"]), "referral.sent")]
    assert uuid.UUID(sent[0]["id"])
    async with casework.app.state.sessionmaker() as session, session.begin():
        assert (await relay_due(session, event_outbox, notifications=notifications(handler), now=later)).sent == 0


async def test_a_meeting_action_is_announced_to_its_owning_agency(casework: Casework) -> None:
    partner = await casework.link_partner(CSWS)
    created = await casework.client.post(
        "/v1/meetings",
        json={"forum": "mam-medway-swale", "held_at": "2026-11-24T10:00:00Z"},
        headers=casework.headers(casework.MEDWAY_SWALE),
    )
    assert created.status_code == 201, created.text
    ids = await casework.young_person("46/904/26")
    referral = await casework.refer(ids, send=True, forum="mam-medway-swale")
    due = (datetime.now(UTC).date() + timedelta(days=3)).isoformat()
    decided = await casework.client.post(
        f"/v1/meetings/{created.json()['id']}/decisions",
        json={
            "referral_id": referral["id"],
            "decision": "Safety plan agreed.",
            "actions": [{"owner_agency": CSWS, "description": "Visit the family this week.", "due_on": due}],
        },
        headers=casework.headers(casework.MEDWAY_SWALE),
    )
    assert decided.status_code == 201, decided.text
    [action] = decided.json()["actions"]
    [event] = [
        e for e in await outbox(casework) if e["type"] == "meeting_action.assigned" and e["data"]["id"] == action["id"]
    ]
    assert event["audience"] == {"agencies": [str(partner["agency"])], "staff": True, "people": []}
    assert event["data"]["links"] == {"self": f"/v1/actions/{action['id']}"}
    assert (event["data"]["owner_agency"], event["data"]["due_on"], event["data"]["status"]) == (CSWS, due, "open")
    assert event["data"]["district"] == "swale"
    assert "Visit the family" not in json.dumps(event["data"])
    assert ids["subject"] not in json.dumps(event["data"])


async def test_an_event_notifications_refuses_does_not_hold_back_the_others(casework: Casework) -> None:
    """A batch answered 422 is sent one event at a time: the refused one is set aside, the rest are sent."""
    ids = await casework.young_person("46/905/26")
    referral = await casework.refer(ids, send=True, partner_agency=CSWS)
    async with casework.app.state.sessionmaker() as session, session.begin():
        bogus = await publish(
            session,
            event_outbox,
            "referral.teleported",
            record_id=uuid.uuid4(),
            path="/v1/referrals/x",
            audience=Audience([]),
        )
    taken: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        events = json.loads(request.content)["events"]
        if any(e["type"] == "referral.teleported" for e in events):
            return httpx.Response(422, json={"type": "validation-error"})
        taken.extend(e["id"] for e in events)
        return httpx.Response(200, json={"accepted": len(events), "duplicates": 0, "deliveries": 0})

    later = datetime.now(UTC) + timedelta(minutes=1)
    async with casework.app.state.sessionmaker() as session, session.begin():
        run = await relay_due(session, event_outbox, notifications=notifications(handler), now=later)
    assert run.refused == 1
    assert run.failed == 0
    rows = {e["id"]: e for e in await outbox(casework)}
    mine = next(e for e in rows.values() if e["data"]["id"] == referral["id"])
    assert str(mine["id"]) in taken
    assert mine["sent_at"] is not None
    assert rows[bogus]["sent_at"] is not None
    assert rows[bogus]["last_error"].startswith("refused by notifications")
    assert str(bogus) not in taken


async def test_a_review_opened_is_one_event_for_the_units_staff(casework: Casework) -> None:
    """Screening that opens a review announces ``review.opened`` once (thin, with its district); a second incident
    of the same young person links to it and announces nothing more."""
    ids = await casework.young_person("46/906/26", district="thanet", given_name="Robin")
    [event] = [e for e in await outbox(casework) if e["type"] == "review.opened" and e["data"]["id"] == ids["review"]]
    assert event["audience"] == {"agencies": [], "staff": True, "people": []}
    assert event["data"]["links"] == {"self": f"/v1/reviews/{ids['review']}"}
    assert (event["data"]["status"], event["data"]["district"]) == ("new", "thanet")
    text = json.dumps(event["data"])
    for private in ("Robin", "2010-03-14", ids["subject"], ids["incident"], "46/906/26"):
        assert private not in text
    before = len([e for e in await outbox(casework) if e["type"] == "review.opened"])
    report = {
        "crime_reference": "46/907/26",
        "occurred_at": "2026-10-20T22:40:00Z",
        "district": "thanet",
        "category": "drug-supply-linked",
        "weapon_knife": True,
        "people": [
            {"role": "victim", "given_name": "Robin", "family_name": "Example4690626", "date_of_birth": "2010-03-14"}
        ],
    }
    response = await casework.client.post(
        "/v1/imports/incidents", json={"reports": [report]}, headers=casework.headers(casework.FEED)
    )
    assert response.json()["created"] == 1, response.text
    assert len([e for e in await outbox(casework) if e["type"] == "review.opened"]) == before
