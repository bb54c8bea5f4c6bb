"""Several replicas of the delivery worker against one database: a delivery another replica has leased is not
claimed again — neither while its lease transaction is open (``FOR UPDATE SKIP LOCKED``) nor after it committed
(``lease_until``) — until the lease ends. Real commits on separate connections, cleaned up afterwards."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, text
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from notifications.webhook.models import Delivery, Event, Subscription
from notifications.webhook.repository import DeliveryRepository
from notifications.webhook.secret_box import SecretBox


async def test_two_workers_never_claim_the_same_delivery(db_urls: dict[str, str]) -> None:
    engine = create_async_engine(db_urls["notifications"])
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    subscription_id = uuid.uuid4()
    events = [uuid.uuid4() for _ in range(6)]
    now = datetime.now(UTC)
    try:
        async with sessions() as session, session.begin():
            session.add(
                Subscription(
                    id=subscription_id,
                    agency_id=uuid.uuid4(),
                    url="http://127.0.0.1:9/hooks",
                    event_types=["referral.sent"],
                    secret_encrypted=SecretBox(["test-replicas-key"]).encrypt("whsec_dGVzdA=="),
                    created_by="test",
                )
            )
            for event_id in events:
                session.add(
                    Event(id=event_id, type="referral.sent", occurred_at=now, data={}, audience={}, source="test")
                )
            await session.flush()
            for event_id in events:
                session.add(Delivery(subscription_id=subscription_id, event_id=event_id, next_attempt_at=now))
        lease = now + timedelta(minutes=1)
        async with sessions() as first, first.begin():
            mine = await DeliveryRepository(first).claim_due(now + timedelta(seconds=1), lease, 4)
            assert len(mine) == 4
            async with sessions() as second, second.begin():
                await second.execute(text("SET LOCAL lock_timeout = '2s'"))  # waiting for the lock would be a bug
                theirs = await DeliveryRepository(second).claim_due(now + timedelta(seconds=1), lease, 10)
            assert len(theirs) == 2
            assert not set(mine) & set(theirs)
        async with sessions() as third, third.begin():  # both committed: the leases hold
            assert await DeliveryRepository(third).claim_due(now + timedelta(seconds=2), lease, 10) == []
        async with sessions() as later, later.begin():  # the leases ended (a worker died): taken over
            taken = await DeliveryRepository(later).claim_due(
                lease + timedelta(seconds=1), lease + timedelta(minutes=1), 10
            )
            assert sorted(taken) == sorted([*mine, *theirs])
    finally:
        async with sessions() as session, session.begin():
            await session.execute(delete(Subscription).where(Subscription.id == subscription_id))
            await session.execute(delete(Event).where(Event.id.in_(events)))
        await engine.dispose()
