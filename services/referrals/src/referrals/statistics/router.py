from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import StreamingResponse

from referrals.access import READ_STATISTICS, statistics_districts
from referrals.statistics import service
from referrals.statistics.dependencies import From, Knife, To, group_by
from referrals.statistics.schemas import EXPORT_COLUMNS, GroupBy, IncidentStatistics
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.exports import ExportFormat, FormatParam, batches_of, export_responses, write_export
from vru_shared.problems import problem_responses

router = APIRouter(tags=["statistics"])


@router.get(
    "/v1/statistics/incidents",
    summary="Incident counts",
    description="Counts of incidents that occurred in a period (`from`–`to`, UK local dates, inclusive), by "
    "any of district, month and category, optionally only knife incidents (`knife=true`). Aggregates only, no "
    "personal data. Analysts, the director, the programme officer and other VRU services (the funding service "
    "uses the knife counts) count every district; a coordinator counts their own districts (`districts` in the "
    "answer says which were counted).",
    response_model=IncidentStatistics,
    response_model_by_alias=True,
    responses=problem_responses(401, 403, 422),
)
async def incident_statistics(
    session: Session,
    principal: Annotated[Principal, Depends(READ_STATISTICS)],
    first: From,
    last: To,
    dimensions: Annotated[list[GroupBy], Depends(group_by)],
    knife: Knife = None,
) -> IncidentStatistics:
    return await service.incident_statistics(
        session,
        first=first,
        last=last,
        group_by=dimensions,
        knife=knife,
        districts=statistics_districts(principal),
    )


@router.get(
    "/v1/statistics/incidents/export",
    summary="Export incident counts (CSV or xlsx)",
    description="The groups of `GET /v1/statistics/incidents` with the same parameters and the same districts, "
    "as a file: `format=csv` (the default) or `xlsx`. Columns `district`, `month`, `category`, `count` (a "
    "dimension not grouped by is empty). Aggregates only: not audited.",
    response_class=StreamingResponse,
    responses={**export_responses(EXPORT_COLUMNS), **problem_responses(401, 403, 422)},
)
async def export_incident_statistics(
    session: Session,
    principal: Annotated[Principal, Depends(READ_STATISTICS)],
    first: From,
    last: To,
    dimensions: Annotated[list[GroupBy], Depends(group_by)],
    fmt: FormatParam = ExportFormat.CSV,
    knife: Knife = None,
) -> StreamingResponse:
    statistics = await service.incident_statistics(
        session,
        first=first,
        last=last,
        group_by=dimensions,
        knife=knife,
        districts=statistics_districts(principal),
    )
    file = await write_export(EXPORT_COLUMNS, batches_of(statistics.groups), fmt=fmt, name="incident-statistics")
    return file.response()
