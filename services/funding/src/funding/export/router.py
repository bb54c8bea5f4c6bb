from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from funding.access import READ_PUBLISHED
from funding.export import service
from funding.export.schemas import Package
from funding.settings import FundingSettings
from vru_shared.db import Session
from vru_shared.problems import problem_responses

router = APIRouter(tags=["360Giving"], dependencies=[Depends(READ_PUBLISHED)])
YearFilter = Annotated[
    str | None, Query(pattern=r"^[0-9]{4}-[0-9]{2}$", description="Only this financial year.", examples=["2020-21"])
]


def _settings(request: Request) -> FundingSettings:
    settings: FundingSettings = request.app.state.settings
    return settings


def _filename(year: str | None, extension: str) -> str:
    return f"vru-grants-{year or 'all'}-{datetime.now(UTC):%Y%m%d}.{extension}"


@router.get(
    "/v1/exports/360giving.json",
    summary="360Giving JSON",
    description="Every awarded grant (approved, active, completed, closed) as a 360Giving JSON package: "
    "identifier (`360G-` prefix), title, description, currency, amount awarded (in pounds, as the standard has "
    "it), award date, recipient and funding organisation ids and names — the ten required fields, validated "
    "before publishing — plus planned dates, grant programme (the stream), beneficiary locations with each "
    "district's ONS code and its type from the standard's codelist (`UA` for Medway, `NMD` for the Kent "
    "districts), and regrant type `FRG020` for grants to Community Safety Units. A file, not a list: "
    "filter with `financial_year`. Partner agencies may read it.",
    response_model=Package,
    responses=problem_responses(401, 403, 422),
)
async def export_json(session: Session, request: Request, financial_year: YearFilter = None) -> Package:
    return Package(grants=await service.package(session, settings=_settings(request), year=financial_year))


@router.get(
    "/v1/exports/360giving.csv",
    summary="360Giving CSV",
    description="The same grants as the JSON package, in the 360Giving CSV layout (the standard's column titles, "
    "one row per grant; the regrant type is `For Regrant Type`). "
    "A grant serving several districts lists their names in `Beneficiary Location:Name` "
    "with no single geocode; the JSON has each one.",
    response_class=Response,
    responses={
        200: {"content": {"text/csv": {"example": "Identifier,Title,Description,Currency,Amount Awarded,…\r\n"}}},
        **problem_responses(401, 403, 422),
    },
)
async def export_csv(session: Session, request: Request, financial_year: YearFilter = None) -> Response:
    records = await service.package(session, settings=_settings(request), year=financial_year)
    return Response(
        service.to_csv(records),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{_filename(financial_year, "csv")}"'},
    )
