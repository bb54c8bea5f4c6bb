from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import StreamingResponse

from funding.access import READ_REFERENCE
from funding.report import service
from funding.report.dependencies import YearFilter, group_by
from funding.report.schemas import EXPORT_COLUMNS, Totals, TotalsDimension
from vru_shared.db import Session
from vru_shared.exports import ExportFormat, FormatParam, batches_of, export_responses, write_export
from vru_shared.problems import problem_responses

router = APIRouter(tags=["reports"], dependencies=[Depends(READ_REFERENCE)])


@router.get(
    "/v1/reports/totals",
    summary="Totals by year, area and stream",
    description="Awarded grants (approved, active, completed, closed) and what they delivered, grouped by any of "
    "financial year, area and stream: projects, grants, awarded, paid, spend recorded directly on budget lines "
    "(not when grouped by area), and people served and sessions delivered from submitted monitoring returns. "
    "An aggregate (a handful of rows), so not paginated. `financial_year` filters to one year.",
    response_model=Totals,
    responses=problem_responses(401, 403, 422),
)
async def totals(
    session: Session,
    dimensions: Annotated[list[TotalsDimension], Depends(group_by)],
    financial_year: YearFilter = None,
) -> Totals:
    return await service.totals(session, group_by=dimensions, year=financial_year)


@router.get(
    "/v1/reports/totals/export",
    summary="Export the totals (CSV or xlsx)",
    description="The groups of `GET /v1/reports/totals` with the same parameters, as a file: `format=csv` (the "
    'default) or `xlsx`; money in pounds. Columns in a fixed order (docs/funding.md, "Exports").',
    response_class=StreamingResponse,
    responses={**export_responses(EXPORT_COLUMNS), **problem_responses(401, 403, 422)},
)
async def export_totals(
    session: Session,
    dimensions: Annotated[list[TotalsDimension], Depends(group_by)],
    fmt: FormatParam = ExportFormat.CSV,
    financial_year: YearFilter = None,
) -> StreamingResponse:
    report = await service.totals(session, group_by=dimensions, year=financial_year)
    file = await write_export(EXPORT_COLUMNS, batches_of(report.groups), fmt=fmt, name="funding-totals")
    return file.response()
