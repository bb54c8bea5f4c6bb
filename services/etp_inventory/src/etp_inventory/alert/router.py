from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from etp_inventory.access import ALERTS, SUMMARIES, scope_of, summary_scope
from etp_inventory.alert import service
from etp_inventory.alert.dependencies import ExpiryWindow
from etp_inventory.alert.schemas import AlertCounts, ExpiringPack
from etp_inventory.check.schemas import DueCheck
from etp_inventory.check.service import due_checks
from etp_inventory.csp.schemas import CspSummary
from etp_inventory.csp.service import csp_summaries
from etp_inventory.dependencies import Rules, Settings
from etp_inventory.districts import DistrictFilter
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.pagination import Page, Pagination, paginate, whole
from vru_shared.problems import problem_responses

router = APIRouter(tags=["alerts"])
Alerted = Annotated[Principal, Depends(ALERTS)]


@router.get(
    "/v1/alerts",
    summary="Alert counts",
    description="How many packs are expired or expiring within 30/60/90 days, how many checks are overdue, and "
    "which CSPs hold fewer than their minimum — among what you can see (a CSP officer: their district).",
    response_model=AlertCounts,
    responses=problem_responses(401, 403),
)
async def alert_counts(session: Session, principal: Alerted, rules: Rules, settings: Settings) -> AlertCounts:
    return await service.counts(
        session, scope=scope_of(principal), rules=rules, default_minimum=settings.csp_minimum_stock
    )


@router.get(
    "/v1/alerts/expiring",
    summary="Packs expiring soon",
    description="Packs in stock (store, CSPs and sites) that expire within `within_days` (30, 60 or 90), soonest "
    "first, expired ones included (`expired: true`): replace their expiring component or write them off.",
    response_model=Page[ExpiringPack],
    responses=problem_responses(400, 401, 403, 422),
)
async def expiring(
    session: Session,
    principal: Alerted,
    rules: Rules,
    within_days: ExpiryWindow,
    page: Pagination,
    request: Request,
    response: Response,
) -> Page[ExpiringPack]:
    rows = await service.expiring(
        session, scope=scope_of(principal), rules=rules, page=page, within_days=int(within_days)
    )
    return paginate(rows, page, lambda e: (e.expires_on, e.pack_id), request, response)


@router.get(
    "/v1/alerts/overdue-checks",
    summary="Overdue checks",
    description="Packs at sites that no guardian has checked within the configured interval, most overdue "
    "first; filter by `district`.",
    response_model=Page[DueCheck],
    responses=problem_responses(400, 401, 403, 422),
)
async def overdue_checks(
    session: Session,
    principal: Alerted,
    rules: Rules,
    page: Pagination,
    request: Request,
    response: Response,
    district: DistrictFilter = None,
) -> Page[DueCheck]:
    rows = await due_checks(
        session,
        scope=scope_of(principal),
        rules=rules,
        page=page,
        within_days=0,
        overdue_only=True,
        district=district,
        guardian=None,
    )
    return paginate(rows, page, lambda d: (d.due_at, d.pack_id), request, response)


@router.get(
    "/v1/alerts/low-stock",
    summary="CSPs below minimum stock",
    description="CSPs holding fewer packs than their minimum (their own, or the service default), as summaries. "
    "Partner agencies may read it. At most one entry per district, so the list comes whole: `next_cursor` is "
    "always null.",
    response_model=Page[CspSummary],
    responses=problem_responses(401, 403),
)
async def low_stock(
    session: Session, principal: Annotated[Principal, Depends(SUMMARIES)], rules: Rules, settings: Settings
) -> Page[CspSummary]:
    rows = await csp_summaries(
        session, districts=summary_scope(principal), rules=rules, default_minimum=settings.csp_minimum_stock
    )
    return whole([c for c in rows if c.below_minimum])
