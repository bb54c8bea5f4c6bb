from fastapi import APIRouter, Depends, Request, Response, status

from funding.access import COMMISSION, READ_REFERENCE, RECORD_SPEND
from funding.fund import service
from funding.fund.dependencies import BudgetLineId, FundFilter, FundId, SpendId, StreamCode, StreamFilter, YearFilter
from funding.fund.models import BudgetLine, Fund, FundingStream, Spend
from funding.fund.schemas import (
    BudgetLineCreate,
    BudgetLineRead,
    BudgetLineUpdate,
    FundCreate,
    FundRead,
    SpendCreate,
    SpendRead,
    StreamCreate,
    StreamRead,
)
from vru_shared.auth import CurrentPrincipal
from vru_shared.db import Session
from vru_shared.etag import IfMatch, set_etag
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter()

# --- funds ---------------------------------------------------------------------------------------------


@router.get(
    "/v1/funds",
    tags=["funds and budgets"],
    summary="List funds",
    description="Money the unit receives (the Home Office VRU grant via the PCC), by code.",
    response_model=Page[FundRead],
    responses=problem_responses(400, 401, 403, 422),
    dependencies=[Depends(READ_REFERENCE)],
)
async def list_funds(session: Session, page: Pagination, request: Request, response: Response) -> Page[FundRead]:
    rows = [FundRead.model_validate(f) for f in await service.list_funds(session, page=page)]
    return paginate(rows, page, lambda f: (f.code,), request, response)


@router.get(
    "/v1/funds/{fund_id}",
    tags=["funds and budgets"],
    summary="Get a fund",
    description="One fund by id.",
    response_model=FundRead,
    responses=problem_responses(401, 403, 404, 422),
    dependencies=[Depends(READ_REFERENCE)],
)
async def get_fund(session: Session, fund_id: FundId) -> Fund:
    return await service.get_fund(session, fund_id=fund_id)


@router.post(
    "/v1/funds",
    tags=["funds and budgets"],
    summary="Create a fund",
    description="Register money the unit receives. `code` is unique (409 otherwise). Director or programme officer.",
    status_code=status.HTTP_201_CREATED,
    response_model=FundRead,
    responses=problem_responses(401, 403, 409, 422),
    dependencies=[Depends(COMMISSION)],
)
async def create_fund(session: Session, data: FundCreate, response: Response) -> Fund:
    fund = await service.create_fund(session, data=data)
    response.headers["Location"] = f"/v1/funds/{fund.id}"
    return fund


# --- streams -------------------------------------------------------------------------------------------


@router.get(
    "/v1/funding-streams",
    tags=["funds and budgets"],
    summary="List funding streams",
    description="The purposes the unit funds (Vulnerable Children's Charities fund, ACE, schools, prisons and "
    "custody, youth justice, knife awareness, equipment), by code.",
    response_model=Page[StreamRead],
    responses=problem_responses(400, 401, 403, 422),
    dependencies=[Depends(READ_REFERENCE)],
)
async def list_streams(session: Session, page: Pagination, request: Request, response: Response) -> Page[StreamRead]:
    rows = [StreamRead.model_validate(s) for s in await service.list_streams(session, page=page)]
    return paginate(rows, page, lambda s: (s.code,), request, response)


@router.get(
    "/v1/funding-streams/{code}",
    tags=["funds and budgets"],
    summary="Get a funding stream",
    description="One stream by its code.",
    response_model=StreamRead,
    responses=problem_responses(401, 403, 404, 422),
    dependencies=[Depends(READ_REFERENCE)],
)
async def get_stream(session: Session, code: StreamCode) -> FundingStream:
    return await service.get_stream(session, code=code)


@router.post(
    "/v1/funding-streams",
    tags=["funds and budgets"],
    summary="Create a funding stream",
    description="Add a purpose the unit funds. `code` is unique (409 otherwise). Director or programme officer.",
    status_code=status.HTTP_201_CREATED,
    response_model=StreamRead,
    responses=problem_responses(401, 403, 409, 422),
    dependencies=[Depends(COMMISSION)],
)
async def create_stream(session: Session, data: StreamCreate, response: Response) -> FundingStream:
    stream = await service.create_stream(session, data=data)
    response.headers["Location"] = f"/v1/funding-streams/{stream.code}"
    return stream


# --- budget lines ----------------------------------------------------------------------------------------


@router.get(
    "/v1/budget-lines",
    tags=["funds and budgets"],
    summary="List budget lines",
    description="Budget lines, oldest first, each with what is awarded, spent and still available. Filter by "
    "`financial_year`, `stream` and `fund_id`.",
    response_model=Page[BudgetLineRead],
    responses=problem_responses(400, 401, 403, 422),
    dependencies=[Depends(READ_REFERENCE)],
)
async def list_budget_lines(
    session: Session,
    page: Pagination,
    request: Request,
    response: Response,
    year: YearFilter = None,
    stream: StreamFilter = None,
    fund_id: FundFilter = None,
) -> Page[BudgetLineRead]:
    lines = await service.list_budget_lines(session, page=page, year=year, stream=stream, fund_id=fund_id)
    rows = [BudgetLineRead.model_validate(line) for line in lines]
    return paginate(rows, page, lambda line: (line.created_at, line.id), request, response)


@router.get(
    "/v1/budget-lines/{budget_line_id}",
    tags=["funds and budgets"],
    summary="Get a budget line",
    description="One budget line with awarded, spent and available amounts, and its `ETag` for a PATCH.",
    response_model=BudgetLineRead,
    responses=problem_responses(401, 403, 404, 422),
    dependencies=[Depends(READ_REFERENCE)],
)
async def get_budget_line(session: Session, budget_line_id: BudgetLineId, response: Response) -> BudgetLine:
    line = await service.get_budget_line(session, line_id=budget_line_id)
    set_etag(response, line.version)
    return line


@router.post(
    "/v1/budget-lines",
    tags=["funds and budgets"],
    summary="Create a budget line",
    description="Set part of a fund aside for a stream in a financial year. `code` is unique within the fund and "
    "year (409). An unknown fund, year or stream is 422 `unknown-reference`. Director or programme officer.",
    status_code=status.HTTP_201_CREATED,
    response_model=BudgetLineRead,
    responses=problem_responses(401, 403, 409, 422),
    dependencies=[Depends(COMMISSION)],
)
async def create_budget_line(session: Session, data: BudgetLineCreate, response: Response) -> BudgetLine:
    line = await service.create_budget_line(session, data=data)
    response.headers["Location"] = f"/v1/budget-lines/{line.id}"
    set_etag(response, line.version)
    return line


@router.patch(
    "/v1/budget-lines/{budget_line_id}",
    tags=["funds and budgets"],
    summary="Change a budget line",
    description="Rename it or change its amount. Send `If-Match` with the ETag of your last read (428 without it, "
    "412 when stale). The amount cannot go below what is awarded and spent (409 `budget-below-commitments`). "
    "Director or programme officer.",
    response_model=BudgetLineRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
    dependencies=[Depends(COMMISSION)],
)
async def update_budget_line(
    session: Session,
    budget_line_id: BudgetLineId,
    data: BudgetLineUpdate,
    response: Response,
    if_match: IfMatch = None,
) -> BudgetLine:
    line = await service.update_budget_line(session, line_id=budget_line_id, data=data, if_match=if_match)
    set_etag(response, line.version)
    return line


# --- spend ----------------------------------------------------------------------------------------------


@router.post(
    "/v1/budget-lines/{budget_line_id}/spend",
    tags=["funds and budgets"],
    summary="Record spend against a budget line",
    description="For other VRU services (the ETP inventory's pack purchases), the programme officer and the "
    "director. Idempotent twice over: `Idempotency-Key` replays the stored response, and "
    "(`source`, `source_reference`) is unique — a repeat with the same details answers **200** with the first "
    "record, with different details **409** `spend-conflict`. Spend counts against the line like awards: "
    "409 `budget-exceeded` when awarded + spent would pass the line's amount (also under concurrent requests). "
    "Unknown line: 404.",
    status_code=status.HTTP_201_CREATED,
    response_model=SpendRead,
    responses={
        200: {"description": "Already recorded with the same details: the first record.", "model": SpendRead},
        **problem_responses(401, 403, 404, 409, 422),
    },
    dependencies=[Depends(RECORD_SPEND)],
)
async def record_spend(
    session: Session, principal: CurrentPrincipal, budget_line_id: BudgetLineId, data: SpendCreate, response: Response
) -> Spend:
    spend, created = await service.record_spend(session, line_id=budget_line_id, data=data, principal=principal)
    response.headers["Location"] = f"/v1/spend/{spend.id}"
    if not created:
        response.status_code = status.HTTP_200_OK
    return spend


@router.get(
    "/v1/budget-lines/{budget_line_id}/spend",
    tags=["funds and budgets"],
    summary="List spend on a budget line",
    description="Spend recorded against the line, oldest first.",
    response_model=Page[SpendRead],
    responses=problem_responses(400, 401, 403, 404, 422),
    dependencies=[Depends(READ_REFERENCE)],
)
async def list_spend(
    session: Session, budget_line_id: BudgetLineId, page: Pagination, request: Request, response: Response
) -> Page[SpendRead]:
    rows = [SpendRead.model_validate(s) for s in await service.list_spend(session, line_id=budget_line_id, page=page)]
    return paginate(rows, page, lambda s: (s.created_at, s.id), request, response)


@router.get(
    "/v1/spend/{spend_id}",
    tags=["funds and budgets"],
    summary="Get a spend record",
    description="One spend record by id (the `Location` of a recorded spend).",
    response_model=SpendRead,
    responses=problem_responses(401, 403, 404, 422),
    dependencies=[Depends(READ_REFERENCE)],
)
async def get_spend(session: Session, spend_id: SpendId) -> Spend:
    return await service.get_spend(session, spend_id=spend_id)
