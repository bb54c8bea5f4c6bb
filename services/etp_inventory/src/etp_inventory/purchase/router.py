from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response, status

from etp_inventory.access import STAFF
from etp_inventory.clients import peer
from etp_inventory.clients.funding import FundingClient
from etp_inventory.purchase import service
from etp_inventory.purchase.dependencies import PurchaseId
from etp_inventory.purchase.models import Purchase
from etp_inventory.purchase.schemas import PurchaseCreate, PurchaseRead
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["purchases"])
Staff = Annotated[Principal, Depends(STAFF)]


def funding_client(request: Request) -> FundingClient:
    return FundingClient(peer(request.app, "funding"))


Funding = Annotated[FundingClient, Depends(funding_client)]


@router.post(
    "/v1/purchases",
    summary="Receive a purchase",
    description="Receive a lot of packs into the central store: one pack per unit, serials `<prefix>-0001`…, each "
    "pack expiring with its earliest component, a `received` ledger entry each; and charge `quantity × "
    "unit_cost_pence` to the funding budget line (idempotent: the lot's id is its key). If funding refuses, the "
    "purchase is refused with funding's status (404 `budget-line-not-found`, 409 `budget-exceeded`, 422); if "
    "funding cannot answer, 503 with `Retry-After` — and nothing is received. A lot is received once (409 "
    "`lot-already-received`). The unit's staff.",
    status_code=status.HTTP_201_CREATED,
    response_model=PurchaseRead,
    responses=problem_responses(401, 403, 404, 409, 422, 503),
)
async def receive_purchase(
    session: Session, principal: Staff, data: PurchaseCreate, funding: Funding, response: Response
) -> Purchase:
    purchase = await service.receive(session, principal=principal, data=data, funding=funding)
    response.headers["Location"] = f"/v1/purchases/{purchase.id}"
    return purchase


@router.get(
    "/v1/purchases",
    summary="List purchases",
    description="Purchases, newest first, with their cost and the funding spend recorded for each. Staff.",
    response_model=Page[PurchaseRead],
    responses=problem_responses(400, 401, 403, 422),
    dependencies=[Depends(STAFF)],
)
async def list_purchases(session: Session, page: Pagination, request: Request, response: Response) -> Page[Any]:
    rows = await service.list_purchases(session, page=page)
    return paginate(rows, page, lambda p: (p.created_at, p.id), request, response)


@router.get(
    "/v1/purchases/{purchase_id}",
    summary="Get a purchase",
    description="One purchase with its component expiries and serial range. Staff.",
    response_model=PurchaseRead,
    responses=problem_responses(401, 403, 404, 422),
    dependencies=[Depends(STAFF)],
)
async def get_purchase(session: Session, purchase_id: PurchaseId) -> Purchase:
    return await service.get_purchase(session, purchase_id=purchase_id)
