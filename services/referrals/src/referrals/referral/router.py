from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import StreamingResponse

from referrals.access import READ_REFERRALS, RESPOND_REFERRALS, WORK_CASEWORK, casework_scope
from referrals.clients.funding import FundingClient, funding_client
from referrals.referral import service
from referrals.referral.dependencies import (
    CodeFilter,
    DistrictQuery,
    ReferralId,
    ReviewFilter,
    StatusFilter,
    SubjectFilter,
)
from referrals.referral.schemas import (
    EXPORT_COLUMNS,
    AnyReferralRead,
    FundedProjects,
    ReferralCreate,
    ReferralPage,
    ReferralRead,
    ReferralTransition,
    ReferralUpdate,
    SharedReferralRead,
)
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.etag import IfMatch, set_etag, versioned_response
from vru_shared.exports import ExportFormat, FormatParam, export_responses
from vru_shared.pagination import ChangeFeed, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["referrals"])
Reader = Annotated[Principal, Depends(READ_REFERRALS)]
Referrer = Annotated[Principal, Depends(WORK_CASEWORK)]
Responder = Annotated[Principal, Depends(RESPOND_REFERRALS)]
Funding = Annotated[FundingClient, Depends(funding_client)]

AUDIENCES = (
    "VRU staff get the full view (`view: full`); a partner agency gets the shared view (`view: shared`) of the "
    "referrals sent to it — the young person's name and date of birth, the reason and the lawful basis, nothing "
    "of the incidents or reviews."
)


@router.get(
    "/v1/referrals/funded-projects",
    summary="Funded projects to refer to",
    description="The active projects serving `district` that the unit funds (Box It Out, StreetSoccer…), fetched "
    "from the funding service when asked, with your own token: pass one's `project_id` as `project` to refer a "
    "young person there. When the project accepts the referral, the funding service counts it into the grant's "
    "monitoring figures. 503 with `Retry-After` when the funding service cannot answer (nothing is cached). "
    "Analysts and coordinators.",
    response_model=FundedProjects,
    responses=problem_responses(401, 403, 422, 503),
)
async def list_funded_projects(
    session: Session, principal: Referrer, district: DistrictQuery, funding: Funding
) -> FundedProjects:
    return await service.list_funded_projects(session, principal=principal, district=district, funding=funding)


@router.get(
    "/v1/referrals",
    summary="List referrals",
    description="Referrals, newest first. Filter by `status`, `subject_id`, `review_id`, `forum`, "
    "`partner_agency` and `district`. Analysts and the director see all; a coordinator those of their "
    "districts; a partner agency exactly those sent to it or to a funded project it delivers (never drafts). "
    + AUDIENCES
    + " Every page is "
    "recorded in the audit log (for a partner agency, as a disclosure naming it).",
    response_model=ReferralPage,
    responses=problem_responses(400, 401, 403, 422),
)
async def list_referrals(
    session: Session,
    principal: Reader,
    page: ChangeFeed,
    request: Request,
    response: Response,
    status: StatusFilter = None,
    subject_id: SubjectFilter = None,
    review_id: ReviewFilter = None,
    forum: CodeFilter = None,
    partner_agency: CodeFilter = None,
    district: CodeFilter = None,
) -> ReferralPage:
    rows = await service.list_referrals(
        session,
        principal=principal,
        scope=casework_scope(principal),
        page=page,
        status=status,
        subject_id=subject_id,
        review_id=review_id,
        forum=forum,
        partner_agency=partner_agency,
        district=district,
    )
    listed = paginate(rows, page, lambda r: (r.created_at, r.id), request, response)
    return ReferralPage(items=listed.items, next_cursor=listed.next_cursor)


@router.get(
    "/v1/referrals/export",
    summary="Export referrals (CSV or xlsx)",
    description="Every referral the list shows with the same filters and visibility, newest first, as a file: "
    "`format=csv` (the default) or `xlsx`, in the caller's view — a partner agency's export has only the shared "
    'view\'s columns. Columns in a fixed order (docs/referrals.md, "Exports"). Recorded in the audit log (action '
    "`export`, the referrals' and young people's ids, the filters; for a partner agency, a disclosure naming it).",
    response_class=StreamingResponse,
    responses={**export_responses(EXPORT_COLUMNS), **problem_responses(400, 401, 403, 422)},
)
async def export_referrals(
    session: Session,
    principal: Reader,
    fmt: FormatParam = ExportFormat.CSV,
    status: StatusFilter = None,
    subject_id: SubjectFilter = None,
    review_id: ReviewFilter = None,
    forum: CodeFilter = None,
    partner_agency: CodeFilter = None,
    district: CodeFilter = None,
) -> StreamingResponse:
    file = await service.export_referrals(
        session,
        principal=principal,
        scope=casework_scope(principal),
        fmt=fmt,
        status=status,
        subject_id=subject_id,
        review_id=review_id,
        forum=forum,
        partner_agency=partner_agency,
        district=district,
    )
    return file.response()


@router.post(
    "/v1/referrals",
    status_code=201,
    summary="Refer a young person",
    description="Draft a referral of a young person to a forum (DCSM, CARM, the area's multi-agency meeting), to "
    "a partner agency's service, or to a funded project serving the district (`project`: an id from "
    "`GET /v1/referrals/funded-projects`, checked with the funding service — 503 with `Retry-After` and nothing "
    "saved when it cannot answer; 422 when the project is not active, funded and serving the district). The "
    "lawful basis for sharing and consent may be given now or later, but the "
    "referral cannot be sent without them. 409 when an open referral of the same young person to the same "
    "destination exists (the problem names it in `existing_referral_id`). Analysts, and coordinators for young "
    "people in their districts.",
    response_model=ReferralRead,
    responses=problem_responses(401, 403, 404, 409, 422, 503),
)
async def create_referral(
    session: Session, principal: Referrer, data: ReferralCreate, response: Response, funding: Funding
) -> ReferralRead | SharedReferralRead:
    referral = await service.create(
        session, principal=principal, scope=casework_scope(principal), data=data, funding=funding
    )
    response.headers["Location"] = f"/v1/referrals/{referral.id}"
    set_etag(response, referral.version)
    return referral


@router.get(
    "/v1/referrals/{referral_id}",
    summary="Get a referral",
    description="One referral with its history, and its `ETag`. 404 when you cannot see it (another district, "
    "another agency's, or a draft for a partner agency). " + AUDIENCES + " Recorded in the audit log.",
    response_model=AnyReferralRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_referral(session: Session, principal: Reader, referral_id: ReferralId) -> Response:
    referral = await service.get_referral(
        session, principal=principal, scope=casework_scope(principal), referral_id=referral_id
    )
    return versioned_response(referral, referral.version)  # serialised once: AnyReferralRead, as declared


@router.patch(
    "/v1/referrals/{referral_id}",
    summary="Update a referral",
    description="The referrer may change the reason, lawful basis, consent and sharing note of a draft; the "
    "receiving agency may set its `agency_reference`; either may add a progress `note`. Requires `If-Match` "
    "with the referral's ETag: 428 without it, 412 when someone changed it since (nothing is overwritten).",
    response_model=AnyReferralRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def update_referral(
    session: Session,
    principal: Responder,
    referral_id: ReferralId,
    data: ReferralUpdate,
    response: Response,
    if_match: IfMatch = None,
) -> ReferralRead | SharedReferralRead:
    referral = await service.update(
        session,
        principal=principal,
        scope=casework_scope(principal),
        referral_id=referral_id,
        data=data,
        if_match=if_match,
    )
    set_etag(response, referral.version)
    return referral


@router.post(
    "/v1/referrals/{referral_id}/transitions",
    summary="Move a referral through its lifecycle",
    description="draft → sent → accepted | rejected (`reason`) → in_progress → completed (`outcome`); withdrawn "
    "(`reason`) from any open status. Accepting a referral to a funded project also queues its count for the "
    "funding service (the grant's people receiving a service): the acceptance stands even while funding is down, "
    "and the count is delivered once, later (`funding_count` shows its state). "
    "Sending needs the lawful basis (409 otherwise) and is recorded in the audit "
    "log as a disclosure to the receiving agency. The receiving agency may accept, reject, start and complete; "
    "only VRU staff send or withdraw. Send `If-Match` to be sure nobody moved it meanwhile (412 when stale).",
    response_model=AnyReferralRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422),
)
async def transition_referral(
    session: Session,
    principal: Responder,
    referral_id: ReferralId,
    data: ReferralTransition,
    response: Response,
    if_match: IfMatch = None,
) -> ReferralRead | SharedReferralRead:
    referral = await service.transition(
        session,
        principal=principal,
        scope=casework_scope(principal),
        referral_id=referral_id,
        data=data,
        if_match=if_match,
    )
    set_etag(response, referral.version)
    return referral
