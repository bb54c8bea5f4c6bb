from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response, status

from etp_inventory.access import FIELD, LOCAL, STAFF, scope_of
from etp_inventory.dependencies import Rules
from etp_inventory.movement import service
from etp_inventory.movement.dependencies import KindFilter, LocationFilter, PackFilter
from etp_inventory.movement.schemas import (
    AllocationCreate,
    DeploymentCreate,
    MovementBatch,
    MovementRead,
    ReturnCreate,
    WriteOffCreate,
)
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["movements"])
Staff = Annotated[Principal, Depends(STAFF)]
Local = Annotated[Principal, Depends(LOCAL)]
Worker = Annotated[Principal, Depends(FIELD)]


@router.post(
    "/v1/movements/allocations",
    summary="Allocate packs to a CSP",
    description="Move `quantity` in-date packs from the central store to a district's CSP, earliest expiry first. "
    "All or nothing: when the store cannot supply them all now, 409 `not-enough-stock` and nothing moves. Safe "
    "under concurrent requests: two requests never take the same pack and stock never goes negative. Send "
    "`Idempotency-Key` so a retry does not allocate twice. The unit's staff.",
    status_code=status.HTTP_201_CREATED,
    response_model=MovementBatch,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def allocate(session: Session, principal: Staff, rules: Rules, data: AllocationCreate) -> MovementBatch:
    return await service.allocate(session, principal=principal, rules=rules, data=data)


@router.post(
    "/v1/movements/deployments",
    summary="Deploy packs to a site",
    description="Move packs from the site's CSP to the site: `quantity` (earliest expiry first) or the given "
    "`pack_ids`. 409 `not-enough-stock` when the CSP cannot supply them. A deployment completes the site's open "
    "resupply tasks (oldest first, one per pack). Staff, or the district's CSP officers.",
    status_code=status.HTTP_201_CREATED,
    response_model=MovementBatch,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def deploy(session: Session, principal: Local, rules: Rules, data: DeploymentCreate) -> MovementBatch:
    return await service.deploy(session, principal=principal, scope=scope_of(principal), rules=rules, data=data)


@router.post(
    "/v1/movements/returns",
    summary="Return a pack",
    description="Take a pack in stock back one step: from a site to its CSP, or from a CSP to the central store. "
    "Staff, or the district's CSP officers.",
    status_code=status.HTTP_201_CREATED,
    response_model=MovementBatch,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def return_pack(session: Session, principal: Local, data: ReturnCreate) -> MovementBatch:
    return await service.return_pack(session, principal=principal, scope=scope_of(principal), data=data)


@router.post(
    "/v1/movements/write-offs",
    summary="Write a pack off",
    description="Take a pack out of stock for good as `expired`, `damaged`, `lost` or `written_off`, with the "
    "reason. Staff anywhere (the central store too); CSP officers in their district.",
    status_code=status.HTTP_201_CREATED,
    response_model=MovementBatch,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def write_off(session: Session, principal: Local, data: WriteOffCreate) -> MovementBatch:
    return await service.write_off(session, principal=principal, scope=scope_of(principal), data=data)


@router.get(
    "/v1/movements",
    summary="Read the movement ledger",
    description="Ledger entries, newest first, that touch a location you can see. Filter by `pack_id`, "
    "`location_id` (into or out of it) and `kind`. Entries are never changed or deleted.",
    response_model=Page[MovementRead],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_movements(
    session: Session,
    principal: Worker,
    page: Pagination,
    request: Request,
    response: Response,
    pack_id: PackFilter = None,
    location_id: LocationFilter = None,
    kind: KindFilter = None,
) -> Page[Any]:
    rows = await service.list_movements(
        session, scope=scope_of(principal), page=page, pack_id=pack_id, location_id=location_id, kind=kind
    )
    return paginate(rows, page, lambda m: (m.id,), request, response)
