from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response, status

from etp_inventory.access import FIELD, LOCAL, STAFF, scope_of
from etp_inventory.clients import peer
from etp_inventory.clients.referrals import ReferralsClient
from etp_inventory.districts import DistrictFilter
from etp_inventory.use_report import service
from etp_inventory.use_report.dependencies import ReferenceStatusFilter, TaskStatusFilter, UseReportId
from etp_inventory.use_report.models import UseReport
from etp_inventory.use_report.schemas import ResupplyTaskRead, UseReportCreate, UseReportRead, VerificationRun
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.etag import set_etag
from vru_shared.http_client import ServiceClient
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter()
Worker = Annotated[Principal, Depends(FIELD)]
Local = Annotated[Principal, Depends(LOCAL)]


def optional_referrals(request: Request) -> ReferralsClient | None:
    peers: dict[str, ServiceClient] = getattr(request.app.state, "peers", {})
    client = peers.get("referrals")
    return ReferralsClient(client) if client is not None else None


def referrals_client(request: Request) -> ReferralsClient:
    return ReferralsClient(peer(request.app, "referrals"))


@router.post(
    "/v1/use-reports",
    tags=["use reports"],
    summary="Report a pack used",
    description="A pack at a site was used: it becomes `used` (a `used` ledger entry takes it out of the site's "
    "stock) and a resupply task opens for the CSP. A crime reference, when given, is checked with the referrals "
    "service: `verified` or `unknown`; when referrals cannot answer the report is still accepted with "
    "`unverified`, and the reference is checked again in the background. Guardians at their sites, CSP officers "
    "in their district, staff.",
    status_code=status.HTTP_201_CREATED,
    response_model=UseReportRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def report_use(
    session: Session,
    principal: Worker,
    data: UseReportCreate,
    referrals: Annotated[ReferralsClient | None, Depends(optional_referrals)],
    response: Response,
) -> UseReport:
    report = await service.report_use(
        session, principal=principal, scope=scope_of(principal), data=data, referrals=referrals
    )
    response.headers["Location"] = f"/v1/use-reports/{report.id}"
    set_etag(response, report.version)
    return report


@router.get(
    "/v1/use-reports",
    tags=["use reports"],
    summary="List use reports",
    description="Use reports at sites you can see, newest first; filter by `district` and by `crime_reference_status`.",
    response_model=Page[UseReportRead],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_reports(
    session: Session,
    principal: Worker,
    page: Pagination,
    request: Request,
    response: Response,
    district: DistrictFilter = None,
    crime_reference_status: ReferenceStatusFilter = None,
) -> Page[Any]:
    rows = await service.list_reports(
        session, scope=scope_of(principal), page=page, district=district, status=crime_reference_status
    )
    return paginate(rows, page, lambda r: (r.created_at, r.id), request, response)


@router.get(
    "/v1/use-reports/{report_id}",
    tags=["use reports"],
    summary="Get a use report",
    description="One use report, with its crime reference's status and its resupply task.",
    response_model=UseReportRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_report(session: Session, principal: Worker, report_id: UseReportId, response: Response) -> UseReport:
    report = await service.get_report(session, scope=scope_of(principal), report_id=report_id)
    set_etag(response, report.version)
    return report


@router.post(
    "/v1/use-reports/crime-reference-checks",
    tags=["use reports"],
    summary="Check unverified crime references now",
    description="Ask the referrals service now about every crime reference still `unverified` (the background "
    "task does this every few minutes). 503 when referrals is not configured. The unit's staff.",
    response_model=VerificationRun,
    responses=problem_responses(401, 403, 503),
    dependencies=[Depends(STAFF)],
)
async def verify_now(
    session: Session, referrals: Annotated[ReferralsClient, Depends(referrals_client)]
) -> VerificationRun:
    return await service.verify_pending(session, referrals=referrals)


@router.get(
    "/v1/resupply-tasks",
    tags=["use reports"],
    summary="List resupply tasks",
    description="A site whose pack was used needs a new one: each use report opens a task for the site's CSP; "
    "deploying a pack to the site completes it. Newest first; filter by `status` and `district`. Staff, or CSP "
    "officers in their district.",
    response_model=Page[ResupplyTaskRead],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_tasks(
    session: Session,
    principal: Local,
    page: Pagination,
    request: Request,
    response: Response,
    status: TaskStatusFilter = None,
    district: DistrictFilter = None,
) -> Page[Any]:
    rows = await service.list_tasks(session, scope=scope_of(principal), page=page, district=district, status=status)
    return paginate(rows, page, lambda t: (t.opened_at, t.id), request, response)
