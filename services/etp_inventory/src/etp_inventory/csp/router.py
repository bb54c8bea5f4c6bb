from typing import Annotated

from fastapi import APIRouter, Depends, Response

from etp_inventory.access import STAFF, SUMMARIES, summary_scope
from etp_inventory.csp import service
from etp_inventory.csp.schemas import CspSummary, CspUpdate
from etp_inventory.dependencies import Rules, Settings
from etp_inventory.districts import DistrictPath
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.etag import IfMatch, set_etag
from vru_shared.pagination import Page, whole
from vru_shared.problems import problem_responses

router = APIRouter(tags=["locations"])
Summaries = Annotated[Principal, Depends(SUMMARIES)]


@router.get(
    "/v1/csps",
    summary="CSP summaries",
    description="Each Community Safety Partnership's packs in figures: held, at sites, readiness at sites, used, "
    "open resupply tasks, minimum stock. No sites, lock codes or contacts: partner agencies may read it. A CSP "
    "officer sees their own district. One entry per district, so the list comes whole: `next_cursor` is always "
    "null.",
    response_model=Page[CspSummary],
    responses=problem_responses(401, 403),
)
async def list_csps(session: Session, principal: Summaries, rules: Rules, settings: Settings) -> Page[CspSummary]:
    return whole(
        await service.csp_summaries(
            session, districts=summary_scope(principal), rules=rules, default_minimum=settings.csp_minimum_stock
        )
    )


@router.get(
    "/v1/csps/{district}",
    summary="One CSP's summary",
    description="The figures of one district's CSP, with its `ETag` for a later PATCH.",
    response_model=CspSummary,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_csp(
    session: Session, principal: Summaries, district: DistrictPath, rules: Rules, settings: Settings, response: Response
) -> CspSummary:
    csp = await service.get_csp(
        session,
        districts=summary_scope(principal),
        district=district,
        rules=rules,
        default_minimum=settings.csp_minimum_stock,
    )
    set_etag(response, csp.version)
    return csp


@router.patch(
    "/v1/csps/{district}",
    summary="Set a CSP's minimum stock",
    description="Below `minimum_stock` packs held, the CSP is on the low-stock alert; `null` returns it to the "
    "service default. Send `If-Match` with the CSP's ETag (428 without, 412 when stale). The unit's staff.",
    response_model=CspSummary,
    responses=problem_responses(401, 403, 404, 412, 422, 428),
    dependencies=[Depends(STAFF)],
)
async def update_csp(
    session: Session,
    district: DistrictPath,
    data: CspUpdate,
    rules: Rules,
    settings: Settings,
    response: Response,
    if_match: IfMatch = None,
) -> CspSummary:
    csp = await service.update_csp(
        session,
        district=district,
        data=data,
        if_match=if_match,
        rules=rules,
        default_minimum=settings.csp_minimum_stock,
    )
    set_etag(response, csp.version)
    return csp
