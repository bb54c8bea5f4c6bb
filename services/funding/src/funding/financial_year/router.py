from fastapi import APIRouter, Depends, Request, Response

from funding.access import READ_REFERENCE
from funding.financial_year import service
from funding.financial_year.dependencies import FinancialYearCode, OnDate
from funding.financial_year.models import FinancialYear
from funding.financial_year.schemas import FinancialYearRead
from vru_shared.db import Session
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["reference data"], dependencies=[Depends(READ_REFERENCE)])


@router.get(
    "/v1/financial-years",
    summary="List financial years",
    description="The financial years the unit plans and reports in (1 April – 31 March), oldest first. "
    "With `on`, only the year containing that date (an empty list when none is held).",
    response_model=Page[FinancialYearRead],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_financial_years(
    session: Session, page: Pagination, request: Request, response: Response, on: OnDate = None
) -> Page[FinancialYearRead]:
    rows = [FinancialYearRead.model_validate(y) for y in await service.list_financial_years(session, page=page, on=on)]
    return paginate(rows, page, lambda y: (y.starts_on,), request, response)


@router.get(
    "/v1/financial-years/{code}",
    summary="Get a financial year",
    description="One financial year by its code, e.g. `2020-21`.",
    response_model=FinancialYearRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_financial_year(session: Session, code: FinancialYearCode) -> FinancialYear:
    return await service.get_financial_year(session, code=code)
