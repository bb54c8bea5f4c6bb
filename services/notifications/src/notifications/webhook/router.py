from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Request, Response, status

from notifications.webhook import service
from notifications.webhook.dependencies import ETAG_HEADER, MANAGE, PUBLISH, OptionalIfMatch, Settings
from notifications.webhook.models import DeliveryStatus, Subscription
from notifications.webhook.schemas import (
    DeliveryRead,
    EventBatch,
    EventsAccepted,
    RedeliveryCount,
    SecretRotated,
    SubscriptionCreate,
    SubscriptionCreated,
    SubscriptionRead,
    SubscriptionUpdate,
)
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.etag import IfMatch, set_etag
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["webhook subscriptions"])
events_router = APIRouter(tags=["events"])

Manager = Annotated[Principal, Depends(MANAGE)]
Publisher = Annotated[Principal, Depends(PUBLISH)]
PATH = "/v1/webhook-subscriptions"


@router.post(
    PATH,
    summary="Subscribe to events",
    description="A webhook endpoint for your agency (an administrator: for any agency, or the unit's own). The "
    "URL is checked: https only, and its host must resolve to public addresses (422 `webhook-url-not-https`, "
    "`webhook-target-not-public`, `webhook-host-unresolvable`, `webhook-url-invalid`). The answer carries the "
    "signing `secret` — shown only this once (`Cache-Control: no-store`: never kept for an `Idempotency-Key` "
    "replay). Retried with the same `Idempotency-Key`: 409 `webhook-subscription-already-created` with the "
    "subscription's `Location` (rotate its secret if the first answer was lost). The answer's `ETag` is the "
    "subscription's version.",
    status_code=status.HTTP_201_CREATED,
    response_model=SubscriptionCreated,
    responses={201: {"headers": ETAG_HEADER}, **problem_responses(401, 403, 409, 422)},
)
async def create_subscription(
    session: Session,
    principal: Manager,
    data: SubscriptionCreate,
    settings: Settings,
    request: Request,
    response: Response,
) -> SubscriptionCreated:
    created = await service.create(
        session,
        principal=principal,
        data=data,
        settings=settings,
        idempotency_key=request.headers.get("Idempotency-Key"),
    )
    response.headers["Location"] = f"{PATH}/{created.id}"
    response.headers["Cache-Control"] = "no-store"  # the secret: never stored, not even for a replay
    set_etag(response, created.version)
    return created


@router.get(
    PATH,
    summary="List webhook subscriptions",
    description="Your agency's subscriptions (an administrator: every one), oldest first. Never the secrets.",
    response_model=Page[SubscriptionRead],
    responses=problem_responses(401, 403, 422),
)
async def list_subscriptions(
    session: Session, principal: Manager, page: Pagination, request: Request, response: Response
) -> Page[Any]:
    rows = await service.list_subscriptions(session, principal=principal, page=page)
    return paginate(rows, page, lambda s: (s.created_at, s.id), request, response)


@router.get(
    PATH + "/{subscription_id}",
    summary="Get a webhook subscription",
    description="One subscription of your agency (another agency's: 404), with its `ETag` for a later PATCH, "
    "DELETE or secret rotation. Never the secret.",
    response_model=SubscriptionRead,
    responses={200: {"headers": ETAG_HEADER}, **problem_responses(401, 403, 404, 422)},
)
async def get_subscription(
    session: Session, principal: Manager, subscription_id: UUID, response: Response
) -> Subscription:
    subscription = await service.get(session, principal=principal, subscription_id=subscription_id)
    set_etag(response, subscription.version)
    return subscription


@router.patch(
    PATH + "/{subscription_id}",
    summary="Change a webhook subscription",
    description="Change the URL (checked as on creation), the event types or the description; pause "
    "(`status: paused`) or activate it again (which also resets its failure count and closes its circuit). Send "
    "`If-Match` with the ETag of your last read (428 without it, 412 when the subscription changed meanwhile — "
    "an automatic pause or a failed delivery counts); the answer carries the new `ETag`.",
    response_model=SubscriptionRead,
    responses={200: {"headers": ETAG_HEADER}, **problem_responses(401, 403, 404, 412, 422, 428)},
)
async def update_subscription(
    session: Session,
    principal: Manager,
    subscription_id: UUID,
    data: SubscriptionUpdate,
    settings: Settings,
    response: Response,
    if_match: IfMatch = None,
) -> Subscription:
    subscription = await service.update(
        session, principal=principal, subscription_id=subscription_id, data=data, settings=settings, if_match=if_match
    )
    set_etag(response, subscription.version)
    return subscription


@router.delete(
    PATH + "/{subscription_id}",
    summary="Delete a webhook subscription",
    description="No more deliveries; its delivery log goes with it. `If-Match` is optional: when sent, a "
    "subscription changed since that read is not deleted (412).",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 412, 422, 428),
)
async def delete_subscription(
    session: Session, principal: Manager, subscription_id: UUID, if_match: OptionalIfMatch = None
) -> Response:
    await service.delete(session, principal=principal, subscription_id=subscription_id, if_match=if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    PATH + "/{subscription_id}/secret",
    summary="Rotate the signing secret",
    description="A new secret, shown only in this answer. For the overlap period (24 hours by default) each "
    "delivery carries two signatures in `webhook-signature`, the new secret's and the old one's, so a "
    "receiver can switch over without losing a delivery. `If-Match` is optional: when sent, a subscription changed "
    "since that read is not rotated (412), so a retry with the same `If-Match` cannot rotate twice (the answer is "
    "`Cache-Control: no-store`, never replayed for an `Idempotency-Key`). The answer's `ETag` is the subscription's "
    "new version.",
    response_model=SecretRotated,
    responses={200: {"headers": ETAG_HEADER}, **problem_responses(401, 403, 404, 412, 422, 428)},
)
async def rotate_secret(
    session: Session,
    principal: Manager,
    subscription_id: UUID,
    settings: Settings,
    response: Response,
    if_match: OptionalIfMatch = None,
) -> SecretRotated:
    rotated, version = await service.rotate_secret(
        session, principal=principal, subscription_id=subscription_id, settings=settings, if_match=if_match
    )
    response.headers["Cache-Control"] = "no-store"  # the secret: never stored, not even for a replay
    set_etag(response, version)
    return rotated


@router.get(
    PATH + "/{subscription_id}/deliveries",
    summary="The delivery log",
    description="Each event sent (or to be sent) to this subscription, newest first: status, attempts, the last "
    "response code or error, and when it is tried next.",
    response_model=Page[DeliveryRead],
    responses=problem_responses(401, 403, 404, 422),
)
async def list_deliveries(
    session: Session,
    principal: Manager,
    subscription_id: UUID,
    page: Pagination,
    request: Request,
    response: Response,
    delivery_status: Annotated[DeliveryStatus | None, Query(alias="status")] = None,
) -> Page[Any]:
    rows = await service.list_deliveries(
        session, principal=principal, subscription_id=subscription_id, page=page, status=delivery_status
    )
    return paginate(rows, page, lambda d: (d.created_at, d.id), request, response)


@router.post(
    PATH + "/{subscription_id}/deliveries/redeliver-failed",
    summary="Redeliver every failed delivery",
    description="Queue every delivery of this subscription that was given up, as new (attempts from zero).",
    response_model=RedeliveryCount,
    responses=problem_responses(401, 403, 404, 422),
)
async def redeliver_failed(session: Session, principal: Manager, subscription_id: UUID) -> RedeliveryCount:
    count = await service.redeliver(session, principal=principal, subscription_id=subscription_id, delivery_id=None)
    return RedeliveryCount(redelivered=count)


@router.post(
    PATH + "/{subscription_id}/deliveries/{delivery_id}/redeliver",
    summary="Redeliver one delivery",
    description="Queue this delivery again now (delivered or not): the receiver gets the same `webhook-id`.",
    response_model=RedeliveryCount,
    responses=problem_responses(401, 403, 404, 422),
)
async def redeliver_one(
    session: Session, principal: Manager, subscription_id: UUID, delivery_id: UUID
) -> RedeliveryCount:
    count = await service.redeliver(
        session, principal=principal, subscription_id=subscription_id, delivery_id=delivery_id
    )
    return RedeliveryCount(redelivered=count)


@events_router.post(
    "/v1/events",
    summary="Publish events (VRU services)",
    description="The services' outbox relays hand their events over here. Each event is stored once by its id "
    "(a resent one is a duplicate, not stored again) and queued for every active subscription to its type "
    "whose agency may see the record.",
    response_model=EventsAccepted,
    responses=problem_responses(401, 403, 422),
)
async def publish_events(session: Session, principal: Publisher, batch: EventBatch) -> EventsAccepted:
    return await service.accept_events(session, principal=principal, batch=batch)
