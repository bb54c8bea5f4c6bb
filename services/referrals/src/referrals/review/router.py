from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import StreamingResponse

from referrals.access import READ_CASEWORK, WORK_REVIEWS, district_scope
from referrals.calendar import WorkingDays
from referrals.review import service
from referrals.review.dependencies import AreaFilter, DistrictFilter, OverdueFilter, ReviewId, StatusFilter
from referrals.review.schemas import EXPORT_COLUMNS, ReviewRead, ReviewSummary, ReviewTransition
from referrals.settings import ReferralsSettings
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.etag import IfMatch, set_etag, versioned_response
from vru_shared.exports import ExportFormat, FormatParam, export_responses
from vru_shared.pagination import ChangeFeed, Page, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["reviews"])
Reader = Annotated[Principal, Depends(READ_CASEWORK)]
Worker = Annotated[Principal, Depends(WORK_REVIEWS)]


def _target(request: Request) -> WorkingDays:
    settings: ReferralsSettings = request.app.state.settings
    return settings.review_target


@router.get(
    "/v1/reviews",
    summary="The review queue",
    description="Serious Violence Reviews, newest first. Filter by coordinator `area`, `district` (reviews "
    "that draw it in), `status` and `overdue`. Analysts and the director see all; a coordinator sees the "
    "reviews that draw in one of their districts. Each page read is recorded in the audit log.",
    response_model=Page[ReviewSummary],
    responses=problem_responses(400, 401, 403, 422),
)
async def list_reviews(
    session: Session,
    principal: Reader,
    page: ChangeFeed,
    request: Request,
    response: Response,
    area: AreaFilter = None,
    district: DistrictFilter = None,
    status: StatusFilter = None,
    overdue: OverdueFilter = None,
) -> Page[ReviewSummary]:
    rows = await service.list_reviews(
        session,
        principal=principal,
        scope=district_scope(principal),
        page=page,
        target=_target(request),
        area=area,
        district=district,
        status=status,
        overdue=overdue,
    )
    return paginate(rows, page, lambda r: (r.created_at, r.id), request, response)


@router.get(
    "/v1/reviews/export",
    summary="Export the review queue (CSV or xlsx)",
    description="Every review the queue shows with the same filters and visibility, newest first, as a file: "
    '`format=csv` (the default) or `xlsx`. Columns in a fixed order (docs/referrals.md, "Exports"). Recorded '
    "in the audit log (action `export`, the reviews' ids, the filters).",
    response_class=StreamingResponse,
    responses={**export_responses(EXPORT_COLUMNS), **problem_responses(400, 401, 403, 422)},
)
async def export_reviews(
    session: Session,
    principal: Reader,
    request: Request,
    fmt: FormatParam = ExportFormat.CSV,
    area: AreaFilter = None,
    district: DistrictFilter = None,
    status: StatusFilter = None,
    overdue: OverdueFilter = None,
) -> StreamingResponse:
    file = await service.export_reviews(
        session,
        principal=principal,
        scope=district_scope(principal),
        fmt=fmt,
        target=_target(request),
        area=area,
        district=district,
        status=status,
        overdue=overdue,
    )
    return file.response()


@router.get(
    "/v1/reviews/{review_id}",
    summary="Get a review",
    description="One review with its incidents, young people and history, and its `ETag`. A review outside "
    "a coordinator's districts is 404 for them. The read is recorded in the audit log.",
    response_model=ReviewRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_review(session: Session, principal: Reader, review_id: ReviewId, request: Request) -> Response:
    review = await service.get_review(
        session,
        principal=principal,
        scope=district_scope(principal),
        review_id=review_id,
        target=_target(request),
    )
    return versioned_response(review, review.version)  # serialised once: ReviewRead, as declared


@router.post(
    "/v1/reviews/{review_id}/transitions",
    summary="Move a review on",
    description="One step of the lifecycle: `new` → `in_review` → `referred` | `already_managed` | "
    "`no_further_action` → `closed`. Any other step is 409. `no_further_action` needs a `reason`; "
    "`already_managed` needs the existing `forum_case_ref`. Who and when are recorded. Send `If-Match` with "
    "the review's ETag to be sure nobody moved it meanwhile (412 when stale). Analysts, and coordinators for "
    "reviews in their districts.",
    response_model=ReviewRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422),
)
async def transition_review(
    session: Session,
    principal: Worker,
    review_id: ReviewId,
    data: ReviewTransition,
    request: Request,
    response: Response,
    if_match: IfMatch = None,
) -> ReviewRead:
    review = await service.transition(
        session,
        principal=principal,
        scope=district_scope(principal),
        review_id=review_id,
        data=data,
        if_match=if_match,
        target=_target(request),
    )
    set_etag(response, review.version)
    return review
