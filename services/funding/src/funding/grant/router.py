from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response, status

from funding.access import COMMISSION, READ_GRANTS, district_scope
from funding.grant import service
from funding.grant.dependencies import (
    AllocationFilter,
    BudgetLineFilter,
    DisbursementId,
    DistrictFilter,
    GrantFilter,
    GrantId,
    OverdueFilter,
    ProjectFilter,
    RecipientFilter,
    ReturnId,
    StatusFilter,
)
from funding.grant.models import Disbursement, Grant, MonitoringReturn, MonitoringReturnVersion
from funding.grant.schemas import (
    DisbursementRead,
    DisbursementTransition,
    GrantCreate,
    GrantDetail,
    GrantRead,
    GrantTransition,
    GrantUpdate,
    MonitoringReturnAmend,
    MonitoringReturnRead,
    MonitoringReturnSubmit,
    MonitoringReturnVersionRead,
    ScheduleCreate,
)
from funding.settings import FundingSettings
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.etag import IfMatch, set_etag
from vru_shared.pagination import ChangeFeed, Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter()
Reader = Annotated[Principal, Depends(READ_GRANTS)]
Commissioner = Annotated[Principal, Depends(COMMISSION)]


@router.get(
    "/v1/grants",
    tags=["grants"],
    summary="List grants",
    description="Grants, oldest first. Filter by `status`, `district` (grants serving it), `budget_line_id`, "
    "`project_id`, `recipient_organisation_id` and `allocation_id`. A CSP officer sees only grants serving their "
    "districts.",
    response_model=Page[GrantRead],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_grants(
    session: Session,
    principal: Reader,
    page: ChangeFeed,
    request: Request,
    response: Response,
    grant_status: StatusFilter = None,
    district: DistrictFilter = None,
    budget_line_id: BudgetLineFilter = None,
    project_id: ProjectFilter = None,
    recipient_organisation_id: RecipientFilter = None,
    allocation_id: AllocationFilter = None,
) -> Page[GrantRead]:
    grants = await service.list_grants(
        session,
        scope=district_scope(principal),
        page=page,
        status=grant_status,
        district=district,
        budget_line_id=budget_line_id,
        project_id=project_id,
        recipient_id=recipient_organisation_id,
        allocation_id=allocation_id,
    )
    rows = [GrantRead.model_validate(grant) for grant in grants]
    return paginate(rows, page, lambda g: (g.created_at, g.id), request, response)


@router.get(
    "/v1/grants/{grant_id}",
    tags=["grants"],
    summary="Get a grant",
    description="One grant with its money (paid, scheduled, remaining), its history and its `ETag` (send it as "
    "`If-Match` on a PATCH or a transition). A grant outside a CSP officer's districts is 404 for them.",
    response_model=GrantDetail,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_grant(session: Session, principal: Reader, grant_id: GrantId, response: Response) -> Grant:
    grant = await service.get_grant(session, scope=district_scope(principal), grant_id=grant_id)
    set_etag(response, grant.version)
    return grant


@router.post(
    "/v1/grants",
    tags=["grants"],
    summary="Create a grant application",
    description="A grant in status `draft`. Districts default to the project's (else the recipient's district). An "
    "unknown organisation, project or budget line is 422 `invalid-grant`. Director or programme officer.",
    status_code=status.HTTP_201_CREATED,
    response_model=GrantDetail,
    responses=problem_responses(401, 403, 422),
)
async def create_grant(session: Session, principal: Commissioner, data: GrantCreate, response: Response) -> Grant:
    grant = await service.create_grant(session, data=data, principal=principal)
    response.headers["Location"] = f"/v1/grants/{grant.id}"
    set_etag(response, grant.version)
    return grant


@router.patch(
    "/v1/grants/{grant_id}",
    tags=["grants"],
    summary="Change a grant application",
    description="Change the application before it is decided (draft, submitted, in review; otherwise 409 "
    "`grant-not-editable`). Send `If-Match` with the grant's ETag (428 without it, 412 when stale). Director or "
    "programme officer.",
    response_model=GrantDetail,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
    dependencies=[Depends(COMMISSION)],
)
async def update_grant(
    session: Session, grant_id: GrantId, data: GrantUpdate, response: Response, if_match: IfMatch = None
) -> Grant:
    grant = await service.update_grant(session, grant_id=grant_id, data=data, if_match=if_match)
    set_etag(response, grant.version)
    return grant


@router.post(
    "/v1/grants/{grant_id}/transitions",
    tags=["grants"],
    summary="Move a grant on",
    description="One step of the lifecycle: `draft` → `submitted` → `in_review` → `approved` | `rejected` → "
    "`active` → `completed` | `withdrawn` | `closed` (an undecided or approved grant may also be `withdrawn`). "
    "Any other step is 409. `rejected` and `closed` need a `reason`.\n\n"
    "**Approval** needs someone other than the person who submitted it (403 `four-eyes`), a current passing "
    "due-diligence check of the recipient (409 `due-diligence-not-current`: none, failed, or older than "
    "`FUNDING_DUE_DILIGENCE_VALID_MONTHS`, 12 by default), a budget line, and room "
    "on it: the awards on a line never exceed it, also when approvals race (409 `budget-exceeded`, with the "
    "line's figures). Becoming `active` creates the quarterly monitoring returns due. Send `If-Match` with the "
    "grant's ETag (428 without it, 412 when stale). Director or programme officer.",
    response_model=GrantDetail,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def transition_grant(
    session: Session,
    principal: Commissioner,
    grant_id: GrantId,
    data: GrantTransition,
    response: Response,
    request: Request,
    if_match: IfMatch = None,
) -> Grant:
    settings: FundingSettings = request.app.state.settings
    grant = await service.transition(
        session,
        grant_id=grant_id,
        data=data,
        principal=principal,
        if_match=if_match,
        due_diligence_months=settings.due_diligence_valid_months,
    )
    set_etag(response, grant.version)
    return grant


# --- disbursements --------------------------------------------------------------------------------------


@router.post(
    "/v1/grants/{grant_id}/disbursements",
    tags=["disbursements"],
    summary="Schedule disbursements",
    description="Split an amount (default: what remains of the award) into `instalments` monthly or quarterly "
    "payments from `first_due_on`, exactly to the penny: the first instalments take the odd pennies "
    "(£10,000.00 in 3 → 333,334 + 333,333 + 333,333 pence). Only for approved or active grants (409 "
    "`schedule-not-allowed`); more than remains is 409 `schedule-exceeds-award`. Director or programme officer.",
    status_code=status.HTTP_201_CREATED,
    response_model=list[DisbursementRead],
    responses=problem_responses(401, 403, 404, 409, 422),
    dependencies=[Depends(COMMISSION)],
)
async def schedule_disbursements(
    session: Session, grant_id: GrantId, data: ScheduleCreate, response: Response
) -> list[Disbursement]:
    rows = await service.schedule(session, grant_id=grant_id, data=data)
    response.headers["Location"] = f"/v1/grants/{grant_id}/disbursements"
    return rows


@router.get(
    "/v1/grants/{grant_id}/disbursements",
    tags=["disbursements"],
    summary="List a grant's disbursements",
    description="The grant's instalments in order.",
    response_model=Page[DisbursementRead],
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def list_disbursements(
    session: Session, principal: Reader, grant_id: GrantId, page: Pagination, request: Request, response: Response
) -> Page[DisbursementRead]:
    rows = await service.list_disbursements(session, scope=district_scope(principal), grant_id=grant_id, page=page)
    items = [DisbursementRead.model_validate(d) for d in rows]
    return paginate(items, page, lambda d: (d.sequence, d.id), request, response)


@router.get(
    "/v1/disbursements/{disbursement_id}",
    tags=["disbursements"],
    summary="Get a disbursement",
    description="One instalment, with its `ETag`.",
    response_model=DisbursementRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_disbursement(
    session: Session, principal: Reader, disbursement_id: DisbursementId, response: Response
) -> Disbursement:
    row = await service.get_disbursement(session, scope=district_scope(principal), disbursement_id=disbursement_id)
    set_etag(response, row.version)
    return row


@router.post(
    "/v1/disbursements/{disbursement_id}/transitions",
    tags=["disbursements"],
    summary="Approve, pay or cancel a disbursement",
    description="`scheduled` → `approved` → `paid` | `cancelled` (a scheduled one may be cancelled too); other "
    "steps 409. Paying needs the grant approved or active. `If-Match` is checked when sent (412 when stale). "
    "Director or programme officer.",
    response_model=DisbursementRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422),
    dependencies=[Depends(COMMISSION)],
)
async def transition_disbursement(
    session: Session,
    disbursement_id: DisbursementId,
    data: DisbursementTransition,
    response: Response,
    if_match: IfMatch = None,
) -> Disbursement:
    row = await service.transition_disbursement(session, disbursement_id=disbursement_id, data=data, if_match=if_match)
    set_etag(response, row.version)
    return row


# --- monitoring returns -----------------------------------------------------------------------------------


@router.get(
    "/v1/monitoring-returns",
    tags=["monitoring and evaluation"],
    summary="List monitoring returns",
    description="Quarterly returns by due date. `overdue=true` lists those not submitted and past due; `grant_id` "
    "one grant's. A CSP officer sees the returns of grants serving their districts.",
    response_model=Page[MonitoringReturnRead],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_returns(
    session: Session,
    principal: Reader,
    page: Pagination,
    request: Request,
    response: Response,
    grant_id: GrantFilter = None,
    overdue: OverdueFilter = None,
) -> Page[MonitoringReturnRead]:
    returns = await service.list_returns(
        session, scope=district_scope(principal), page=page, grant_id=grant_id, overdue=overdue
    )
    rows = [MonitoringReturnRead.model_validate(r) for r in returns]
    return paginate(rows, page, lambda r: (r.due_on, r.id), request, response)


@router.get(
    "/v1/monitoring-returns/{return_id}",
    tags=["monitoring and evaluation"],
    summary="Get a monitoring return",
    description="One quarterly return.",
    response_model=MonitoringReturnRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_return(session: Session, principal: Reader, return_id: ReturnId) -> MonitoringReturn:
    return await service.get_return(session, scope=district_scope(principal), return_id=return_id)


@router.post(
    "/v1/monitoring-returns/{return_id}/submission",
    tags=["monitoring and evaluation"],
    summary="Submit a monitoring return",
    description="Record the quarter's figures: people receiving a service, sessions delivered, outcomes. Once only "
    "(409 when already submitted). Director or programme officer.",
    response_model=MonitoringReturnRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def submit_return(
    session: Session, principal: Commissioner, return_id: ReturnId, data: MonitoringReturnSubmit
) -> MonitoringReturn:
    return await service.submit_return(session, return_id=return_id, data=data, principal=principal)


@router.post(
    "/v1/monitoring-returns/{return_id}/amendments",
    tags=["monitoring and evaluation"],
    summary="Amend a submitted monitoring return",
    description="Correct a submitted return's figures: a new version with a mandatory `reason`, recorded with who "
    "and when. The return then shows the new figures (and `version`, `amended_at`, `amended_by`), and so do the "
    "totals derived from returns; every earlier version stays readable at `/v1/monitoring-returns/{id}/versions`. "
    "A return not yet submitted: 409 `monitoring-return-not-submitted` (submit it). Director or programme officer, "
    "as for submitting. 201 with `Location` of the new version.",
    status_code=status.HTTP_201_CREATED,
    response_model=MonitoringReturnRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def amend_return(
    session: Session, principal: Commissioner, return_id: ReturnId, data: MonitoringReturnAmend, response: Response
) -> MonitoringReturn:
    row, version = await service.amend_return(session, return_id=return_id, data=data, principal=principal)
    response.headers["Location"] = f"/v1/monitoring-returns/{return_id}/versions/{version.version}"
    return row


@router.get(
    "/v1/monitoring-returns/{return_id}/versions",
    tags=["monitoring and evaluation"],
    summary="List the versions of a monitoring return's figures",
    description="The submission (version 1) and each amendment (with its reason), oldest first: who recorded each "
    "and when. Readable by whoever may read the return (a CSP officer: returns of grants serving their districts).",
    response_model=Page[MonitoringReturnVersionRead],
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def list_return_versions(
    session: Session, principal: Reader, return_id: ReturnId, page: Pagination, request: Request, response: Response
) -> Page[MonitoringReturnVersionRead]:
    versions = await service.list_return_versions(
        session, scope=district_scope(principal), return_id=return_id, page=page
    )
    rows = [MonitoringReturnVersionRead.model_validate(v) for v in versions]
    return paginate(rows, page, lambda v: (v.version, v.id), request, response)


@router.get(
    "/v1/monitoring-returns/{return_id}/versions/{version}",
    tags=["monitoring and evaluation"],
    summary="Get one version of a monitoring return's figures",
    description="Version 1 is the submission; each later one an amendment with its reason. Unknown version: 404 "
    "`monitoring-return-version-not-found`.",
    response_model=MonitoringReturnVersionRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_return_version(
    session: Session,
    principal: Reader,
    return_id: ReturnId,
    version: Annotated[int, Path(ge=1, le=100_000, description="The version: 1 the submission, 2 on the amendments.")],
) -> MonitoringReturnVersion:
    return await service.get_return_version(
        session, scope=district_scope(principal), return_id=return_id, version=version
    )
