from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status
from fastapi.responses import StreamingResponse

from funding.access import COMMISSION, READ_GRANTS, district_scope
from funding.allocation import service
from funding.allocation.dependencies import AllocationId, StatusFilter
from funding.allocation.schemas import EXPORT_COLUMNS, AllocationCreate, AllocationRead
from funding.clients.referrals import ReferralsClient, referrals_client
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.etag import IfMatch, set_etag
from vru_shared.exports import ExportFormat, FormatParam, batches_of, export_responses, write_export
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["allocations"])
Reader = Annotated[Principal, Depends(READ_GRANTS)]
Commissioner = Annotated[Principal, Depends(COMMISSION)]
Referrals = Annotated[ReferralsClient, Depends(referrals_client)]


@router.post(
    "/v1/allocations",
    summary="Preview a formula allocation",
    description="Split `pot_pence` across districts in proportion to a basis — the knife incidents in "
    "`period_from`–`period_to`, fetched from the referrals service, or `weights` given here — by the largest-"
    "remainder method in pence, with optional `floor_pence` and `cap_pence` per recipient. The answer shows, per "
    "district, the basis value, exact quota, whole pence, remainder, tie-break rank and final pence; they sum to "
    "the pot exactly. The run is stored as a `preview` with its inputs snapshot (the referrals answer as "
    "received) so it can be reproduced and explained; commit it to create the grants.\n\n"
    "If the referrals service is down, slow or answers oddly: **503** problem with `Retry-After`, and nothing "
    "is stored. Constraints that cannot be met (floors above the pot, caps below it, no incidents at all): 422 "
    "`allocation-infeasible`. Director or programme officer.",
    status_code=status.HTTP_201_CREATED,
    response_model=AllocationRead,
    responses=problem_responses(401, 403, 422, 503),
)
async def preview_allocation(
    session: Session, principal: Commissioner, data: AllocationCreate, referrals: Referrals, response: Response
) -> AllocationRead:
    allocation = await service.preview(session, data=data, principal=principal, referrals=referrals)
    response.headers["Location"] = f"/v1/allocations/{allocation.id}"
    set_etag(response, allocation.version)
    return allocation


@router.get(
    "/v1/allocations",
    summary="List allocations",
    description="Allocation runs, oldest first; `status` filters previews or committed runs. A CSP officer sees "
    "the runs that include their districts, with only their districts' shares.",
    response_model=Page[AllocationRead],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_allocations(
    session: Session,
    principal: Reader,
    page: Pagination,
    request: Request,
    response: Response,
    allocation_status: StatusFilter = None,
) -> Page[AllocationRead]:
    rows = await service.list_allocations(session, scope=district_scope(principal), page=page, status=allocation_status)
    return paginate(rows, page, lambda a: (a.created_at, a.id), request, response)


@router.get(
    "/v1/allocations/{allocation_id}",
    summary="Get an allocation",
    description="One run with each recipient's figures as stored, and `reproducible`: whether recomputing from "
    "the stored inputs gives the same figures. A CSP officer sees only their districts' shares (404 when none).",
    response_model=AllocationRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_allocation(
    session: Session, principal: Reader, allocation_id: AllocationId, response: Response
) -> AllocationRead:
    allocation = await service.get_allocation(session, scope=district_scope(principal), allocation_id=allocation_id)
    set_etag(response, allocation.version)
    return allocation


@router.get(
    "/v1/allocations/{allocation_id}/export",
    summary="Export an allocation's explanation (CSV or xlsx)",
    description="Each recipient's figures of the run as `GET /v1/allocations/{id}` shows them (a CSP officer: "
    "only their districts' shares; 404 when none), one row per recipient, as a file: `format=csv` (the default) "
    'or `xlsx`. Columns in a fixed order (docs/funding.md, "Exports").',
    response_class=StreamingResponse,
    responses={**export_responses(EXPORT_COLUMNS), **problem_responses(401, 403, 404, 422)},
)
async def export_allocation(
    session: Session, principal: Reader, allocation_id: AllocationId, fmt: FormatParam = ExportFormat.CSV
) -> StreamingResponse:
    allocation = await service.get_allocation(session, scope=district_scope(principal), allocation_id=allocation_id)
    file = await write_export(
        EXPORT_COLUMNS, batches_of(allocation.recipients), fmt=fmt, name=f"allocation-{allocation_id}"
    )
    return file.response()


@router.post(
    "/v1/allocations/{allocation_id}/commit",
    summary="Commit an allocation",
    description="Create a grant for each district's share (above £0.00) to the council hosting its Community "
    "Safety Unit, charged to the run's budget line, status `submitted` (approval still needs a second person), "
    "marked as a regrant. The pot must fit the budget line's available amount (409 `budget-exceeded`). Once "
    "only (409 `allocation-already-committed`). `If-Match` is checked when sent. Director or programme officer.",
    response_model=AllocationRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422),
)
async def commit_allocation(
    session: Session, principal: Commissioner, allocation_id: AllocationId, response: Response, if_match: IfMatch = None
) -> AllocationRead:
    allocation = await service.commit(session, allocation_id=allocation_id, principal=principal, if_match=if_match)
    set_etag(response, allocation.version)
    return allocation
