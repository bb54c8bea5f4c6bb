from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import joinedload

from notifications.webhook.models import Delivery, DeliveryStatus, Event, Subscription, SubscriptionStatus
from vru_shared.pagination import PageParams
from vru_shared.repository import Repository, ScopedRepository


@dataclass(frozen=True, slots=True)
class SubscriptionScope:
    """Whose subscriptions a caller manages: every one (``agency`` None and ``admin``) or its agency's."""

    admin: bool
    agency: UUID | None


class SubscriptionRepository(ScopedRepository[Subscription, SubscriptionScope]):
    model = Subscription
    order = ("created_at", "id")

    def visible(self, scope: SubscriptionScope) -> ColumnElement[bool] | None:
        if scope.admin:
            return None
        if scope.agency is None:
            return Subscription.id.is_(None)
        return Subscription.agency_id == scope.agency

    async def rewrite_secrets(self, change: Callable[[str], str]) -> int:
        """Every stored signing secret through ``change`` (re-encryption under a new key), rows locked meanwhile."""
        stmt = select(Subscription).order_by(Subscription.id).with_for_update()
        count = 0
        for subscription in (await self.session.scalars(stmt)).all():
            subscription.secret_encrypted = change(subscription.secret_encrypted)
            if subscription.previous_secret_encrypted is not None:
                subscription.previous_secret_encrypted = change(subscription.previous_secret_encrypted)
            count += 1
        await self.session.flush()
        return count

    async def listening(self, event_type: str, agencies: Sequence[UUID], staff: bool) -> Sequence[Subscription]:
        """Active subscriptions to ``event_type`` whose audience may hear of the record."""
        who = [Subscription.agency_id.in_(agencies)] if agencies else []
        if staff:
            who.append(Subscription.agency_id.is_(None))
        if not who:
            return []
        stmt = select(Subscription).where(
            Subscription.status == SubscriptionStatus.ACTIVE.value,
            Subscription.event_types.contains([event_type]),
            or_(*who),
        )
        return (await self.session.scalars(stmt)).all()


class EventRepository(Repository[Event]):
    model = Event
    order = ("received_at", "id")

    async def add_new(self, values: Sequence[dict[str, Any]]) -> set[UUID]:
        """Insert the events not stored yet (by id); returns the ids inserted now."""
        if not values:
            return set()
        stmt = insert(Event).values(list(values)).on_conflict_do_nothing(index_elements=["id"]).returning(Event.id)
        return set((await self.session.scalars(stmt)).all())


class DeliveryRepository(Repository[Delivery]):
    model = Delivery
    order = ("created_at", "id")

    def statement(self) -> Select[Delivery]:
        return select(Delivery).options(joinedload(Delivery.event))

    async def queue(self, rows: Sequence[dict[str, Any]]) -> int:
        if not rows:
            return 0
        stmt = insert(Delivery).values(list(rows)).on_conflict_do_nothing().returning(Delivery.id)
        return len((await self.session.scalars(stmt)).all())

    async def of_subscription(
        self, subscription_id: UUID, params: PageParams, status: DeliveryStatus | None
    ) -> Sequence[Delivery]:
        filters = [Delivery.subscription_id == subscription_id]
        if status is not None:
            filters.append(Delivery.status == status.value)
        return await self.page(params, *filters, order=[Delivery.created_at, Delivery.id], descending=True)

    async def claim_due(self, now: datetime, lease_until: datetime, limit: int) -> list[UUID]:
        """Lease due deliveries of active subscriptions whose circuit is closed, oldest first. Rows are locked
        with ``SKIP LOCKED`` while leased, and the lease keeps other replicas off them until it ends."""
        stmt = (
            select(Delivery.id)
            .join(Subscription, Subscription.id == Delivery.subscription_id)
            .where(
                Delivery.status == DeliveryStatus.PENDING.value,
                Delivery.next_attempt_at <= now,
                or_(Delivery.lease_until.is_(None), Delivery.lease_until < now),
                Subscription.status == SubscriptionStatus.ACTIVE.value,
                or_(Subscription.circuit_open_until.is_(None), Subscription.circuit_open_until <= now),
            )
            .order_by(Delivery.next_attempt_at, Delivery.id)
            .limit(limit)
            .with_for_update(of=Delivery, skip_locked=True)
        )
        ids = list((await self.session.scalars(stmt)).all())
        if ids:
            await self.session.execute(update(Delivery).where(Delivery.id.in_(ids)).values(lease_until=lease_until))
        return ids

    async def leased(self, delivery_id: UUID, lease_until: datetime) -> Delivery | None:
        """The delivery if this worker's lease on it still holds, with its event and subscription loaded."""
        stmt = self.statement().where(Delivery.id == delivery_id, Delivery.lease_until == lease_until)
        return (await self.session.scalars(stmt)).unique().one_or_none()

    async def redeliver(self, subscription_id: UUID, delivery_id: UUID | None, now: datetime) -> int:
        """Queue a failed (or, by id, any) delivery again, attempts from zero."""
        condition = and_(Delivery.subscription_id == subscription_id)
        if delivery_id is not None:
            condition = and_(condition, Delivery.id == delivery_id)
        else:
            condition = and_(condition, Delivery.status == DeliveryStatus.FAILED.value)
        stmt = (
            update(Delivery)
            .where(condition)
            .values(
                status=DeliveryStatus.PENDING.value,
                attempts=0,
                next_attempt_at=now,
                lease_until=None,
                updated_at=func.now(),
            )
            .returning(Delivery.id)
        )
        return len((await self.session.scalars(stmt)).all())

    async def lock_subscription(self, subscription_id: UUID) -> Subscription | None:
        stmt = select(Subscription).where(Subscription.id == subscription_id).with_for_update()
        return (await self.session.scalars(stmt)).one_or_none()
