"""What becomes overdue with nobody asking (``referrals.overdue``): a review past its target date — working days,
less bank holidays — and a meeting action past its due date and not done are each announced once, by one
``UPDATE … RETURNING`` that marks them, with the event written in the same transaction; a second round, or a
second replica's round at the same moment, announces nothing more."""

import asyncio
import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from referrals.db import event_outbox
from referrals.overdue.service import announce_overdue
from referrals.settings import ReferralsSettings
from vru_dev.kits.referrals import Casework
from vru_dev.testing import TEST_ISSUER
from vru_shared.kent_medway import LONDON

CSWS = "childrens-social-work-services"
TARGET = ReferralsSettings(database_url="postgresql+asyncpg://x/y", token_issuer=TEST_ISSUER).review_target


async def outbox(casework: Casework, event_type: str) -> list[dict[str, Any]]:
    async with casework.app.state.sessionmaker() as session:
        rows = await session.execute(select(event_outbox).where(event_outbox.c.type == event_type))
        return [dict(r._mapping) for r in rows.all()]


async def announce(casework: Casework, now: datetime) -> None:
    async with casework.app.state.sessionmaker() as session, session.begin():
        await announce_overdue(session, now=now, target=TARGET)


def at(day: str) -> datetime:
    return datetime.fromisoformat(f"{day}T12:00:00").replace(tzinfo=LONDON)


async def test_a_review_past_its_target_is_announced_once(casework: Casework) -> None:
    """Opened Monday 21 December 2026: ten working days, less Christmas Day, the Boxing Day substitute (28th) and
    New Year's Day, end on Thursday 7 January 2027 — not overdue on the 7th, overdue on the 8th."""
    ids = await casework.young_person("46/950/26", given_name="Sasha")
    async with casework.app.state.sessionmaker() as session, session.begin():
        opened = datetime(2026, 12, 21, 10, 0, tzinfo=LONDON)
        await session.execute(
            text("UPDATE reviews SET created_at = :at WHERE id = :id"), {"at": opened, "id": uuid.UUID(ids["review"])}
        )

    def mine(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [e for e in events if e["data"]["id"] == ids["review"]]

    await announce(casework, at("2027-01-07"))
    assert mine(await outbox(casework, "review.overdue")) == []  # due today (the holidays counted): not yet
    await announce(casework, at("2027-01-08"))
    await announce(casework, at("2027-01-09"))
    [event] = mine(await outbox(casework, "review.overdue"))
    assert event["audience"] == {"agencies": [], "staff": True, "people": []}
    assert event["data"]["links"] == {"self": f"/v1/reviews/{ids['review']}"}
    data = event["data"]
    assert (data["status"], data["district"], data["due_on"]) == ("new", "swale", "2027-01-07")
    text_ = json.dumps(event["data"])
    for private in ("Sasha", "2010-03-14", ids["subject"], ids["incident"]):
        assert private not in text_
    # the mark is not a change anyone reads: the version (ETag) is as it was
    read = await casework.client.get(f"/v1/reviews/{ids['review']}", headers=casework.headers(casework.ANALYST))
    assert read.json()["version"] == 1


async def test_a_closed_review_is_never_overdue(casework: Casework) -> None:
    ids = await casework.young_person("46/951/26")
    async with casework.app.state.sessionmaker() as session, session.begin():
        await session.execute(
            text("UPDATE reviews SET status = 'closed', created_at = created_at - interval '90 days' WHERE id = :id"),
            {"id": uuid.UUID(ids["review"])},
        )
    await announce(casework, datetime.now(UTC))
    assert [e for e in await outbox(casework, "review.overdue") if e["data"]["id"] == ids["review"]] == []


async def test_an_action_past_its_due_date_and_not_done_is_announced_once(casework: Casework) -> None:
    partner = await casework.link_partner(CSWS)
    meeting = await casework.client.post(
        "/v1/meetings",
        json={"forum": "mam-medway-swale", "held_at": "2026-11-24T10:00:00Z"},
        headers=casework.headers(casework.MEDWAY_SWALE),
    )
    assert meeting.status_code == 201, meeting.text
    ids = await casework.young_person("46/952/26")
    referral = await casework.refer(ids, send=True, forum="mam-medway-swale")
    due = datetime.now(UTC).date() + timedelta(days=3)
    decided = await casework.client.post(
        f"/v1/meetings/{meeting.json()['id']}/decisions",
        json={
            "referral_id": referral["id"],
            "decision": "Safety plan agreed.",
            "actions": [
                {"owner_agency": CSWS, "description": "Visit the family this week.", "due_on": due.isoformat()},
                {"owner_agency": CSWS, "description": "Call the school.", "due_on": due.isoformat()},
            ],
        },
        headers=casework.headers(casework.MEDWAY_SWALE),
    )
    assert decided.status_code == 201, decided.text
    late, done = decided.json()["actions"]
    finished = await casework.client.patch(
        f"/v1/actions/{done['id']}",
        json={"status": "done"},
        headers={**casework.headers(casework.MEDWAY_SWALE), "If-Match": f'"v{done["version"]}"'},
    )
    assert finished.status_code == 200, finished.text

    def overdue(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [e for e in events if e["data"]["id"] in (late["id"], done["id"])]

    await announce(casework, datetime.combine(due, datetime.min.time(), tzinfo=LONDON) + timedelta(hours=12))
    assert overdue(await outbox(casework, "meeting_action.overdue")) == []  # due today: not yet
    after = datetime.combine(due + timedelta(days=1), datetime.min.time(), tzinfo=LONDON) + timedelta(hours=12)
    await announce(casework, after)
    await announce(casework, after + timedelta(days=1))
    [event] = overdue(await outbox(casework, "meeting_action.overdue"))
    assert event["data"]["id"] == late["id"]
    assert event["audience"] == {"agencies": [str(partner["agency"])], "staff": True, "people": []}
    assert event["data"]["links"] == {"self": f"/v1/actions/{late['id']}"}
    assert (event["data"]["status"], event["data"]["district"], event["data"]["owner_agency"]) == (
        "open",
        "swale",
        CSWS,
    )
    assert (event["data"]["due_on"], event["data"]["meeting_id"]) == (due.isoformat(), meeting.json()["id"])
    assert "Visit the family" not in json.dumps(event["data"])
    assert ids["subject"] not in json.dumps(event["data"])


async def test_two_replicas_at_once_announce_a_review_once(db_urls: dict[str, str]) -> None:
    """Real connections and commits: while one round holds its rows, a second round at the same moment skips them
    (SKIP LOCKED: it neither waits nor announces them again); afterwards there is one event."""
    engine = create_async_engine(db_urls["referrals"])
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    review = uuid.uuid4()
    now = datetime.now(UTC).replace(microsecond=0) + timedelta(days=400, microseconds=4242)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                text(
                    "INSERT INTO reviews (id, status, area_id, district_id, version, created_at) "
                    "SELECT :id, 'new', area_id, id, 1, now() - interval '60 days' FROM districts WHERE code = 'swale'"
                ),
                {"id": review},
            )
        async with sessions() as first, sessions() as second:
            async with first.begin():
                one = await announce_overdue(first, now=now, target=TARGET)
                async with second.begin():
                    other = await asyncio.wait_for(announce_overdue(second, now=now, target=TARGET), timeout=20)
            assert one.reviews >= 1
            assert other.reviews == 0
        async with sessions() as third, third.begin():
            assert (await announce_overdue(third, now=now, target=TARGET)).reviews == 0
        async with engine.connect() as connection:
            rows = await connection.execute(
                select(event_outbox.c.type).where(event_outbox.c.data["id"].astext == str(review))
            )
            assert rows.scalars().all() == ["review.overdue"]
    finally:
        async with engine.begin() as connection:
            await connection.execute(
                text(
                    "DELETE FROM event_outbox "
                    "WHERE type IN ('review.overdue', 'meeting_action.overdue') AND occurred_at = :now"
                ),
                {"now": now},
            )
            for table in ("reviews", "meeting_actions"):
                await connection.execute(
                    text(f"UPDATE {table} SET overdue_announced_at = NULL WHERE overdue_announced_at = :now"),  # noqa: S608
                    {"now": now},
                )
            await connection.execute(text("DELETE FROM reviews WHERE id = :id"), {"id": review})
        await engine.dispose()
