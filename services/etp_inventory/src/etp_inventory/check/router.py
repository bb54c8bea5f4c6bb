from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response, status

from etp_inventory.access import FIELD, scope_of
from etp_inventory.check import service
from etp_inventory.check.dependencies import GuardianFilter, PackFilter, SiteFilter, WithinDays
from etp_inventory.check.schemas import CheckCreate, CheckRead, CheckResult, DueCheck
from etp_inventory.dependencies import Rules, Settings
from etp_inventory.districts import DistrictFilter
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["checks"])
Worker = Annotated[Principal, Depends(FIELD)]


@router.post(
    "/v1/checks",
    summary="Log a check",
    description="A guardian's check of a pack at their site: seal intact, contents present, expiry seen and in "
    "date. All fine: the pack is ready again until the next check falls due. Anything wrong: the pack `needs "
    "attention` until the CSP replaces what is missing or a later check passes. Guardians at their sites, CSP "
    "officers in their district, staff.",
    status_code=status.HTTP_201_CREATED,
    response_model=CheckResult,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def log_check(session: Session, principal: Worker, rules: Rules, data: CheckCreate) -> CheckResult:
    return await service.log_check(session, principal=principal, scope=scope_of(principal), rules=rules, data=data)


@router.get(
    "/v1/checks",
    summary="List checks",
    description="Checks at sites you can see, newest first; filter by `pack_id` or `site_id`.",
    response_model=Page[CheckRead],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_checks(
    session: Session,
    principal: Worker,
    page: Pagination,
    request: Request,
    response: Response,
    pack_id: PackFilter = None,
    site_id: SiteFilter = None,
) -> Page[Any]:
    rows = await service.list_checks(session, scope=scope_of(principal), page=page, pack_id=pack_id, site_id=site_id)
    return paginate(rows, page, lambda c: (c.checked_at, c.id), request, response)


@router.get(
    "/v1/checks/due",
    summary="Checks due and overdue",
    description="Packs at sites whose next check is overdue or due within `within_days`, soonest first: per CSP "
    "(`district`) and per guardian (`guardian`, a person id). A guardian sees their own sites; a CSP officer "
    "their district's.",
    response_model=Page[DueCheck],
    responses=problem_responses(400, 401, 403, 422),
)
async def due_checks(
    session: Session,
    principal: Worker,
    rules: Rules,
    settings: Settings,
    page: Pagination,
    request: Request,
    response: Response,
    within_days: WithinDays = None,
    district: DistrictFilter = None,
    guardian: GuardianFilter = None,
) -> Page[DueCheck]:
    rows = await service.due_checks(
        session,
        scope=scope_of(principal),
        rules=rules,
        page=page,
        within_days=settings.check_due_soon_days if within_days is None else within_days,
        overdue_only=False,
        district=district,
        guardian=guardian,
    )
    return paginate(rows, page, lambda d: (d.due_at, d.pack_id), request, response)
