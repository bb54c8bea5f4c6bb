from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from referrals.access import DATA_PROTECTION
from referrals.privacy import service
from referrals.privacy.dependencies import SubjectId
from referrals.privacy.schemas import ErasureRequest, ErasureResult, RetentionCandidate, SubjectAccessExport
from referrals.settings import ReferralsSettings
from vru_shared.auth import Principal
from vru_shared.db import Session
from vru_shared.pagination import Page, Pagination, paginate
from vru_shared.problems import problem_responses

router = APIRouter(tags=["data protection"])
Officer = Annotated[Principal, Depends(DATA_PROTECTION)]


@router.get(
    "/v1/subject-access/{subject_id}",
    summary="Subject-access export",
    description="Everything held about one young person: their record and any records merged into it, the "
    "incidents as reported, reviews and their history, referrals and their history, meeting decisions and "
    "actions, support plans and interventions, possible duplicates, and the audit entries about them. For the "
    "data protection officer (role `auditor`). The export is itself recorded in the audit log.",
    response_model=SubjectAccessExport,
    responses=problem_responses(401, 403, 404, 422),
)
async def subject_access(session: Session, principal: Officer, subject_id: SubjectId) -> SubjectAccessExport:
    return await service.export(session, principal=principal, subject_id=subject_id)


@router.get(
    "/v1/retention/review-list",
    summary="Records due for retention review",
    description="Young people whose records have had no activity for the retention period "
    "(`REFERRALS_RETENTION_YEARS_AFTER_LAST_ACTIVITY`, default 6 years), who have reached "
    "`REFERRALS_RETENTION_MINIMUM_AGE` (default 25) and have nothing open. Ids and dates only. Role `auditor`.",
    response_model=Page[RetentionCandidate],
    responses=problem_responses(400, 401, 403, 422),
)
async def review_list(
    session: Session, principal: Officer, page: Pagination, request: Request, response: Response
) -> Page[RetentionCandidate]:
    settings: ReferralsSettings = request.app.state.settings
    rows = await service.review_list(
        session,
        principal=principal,
        page=page,
        retention_years=settings.retention_years_after_last_activity,
        minimum_age=settings.retention_minimum_age,
    )
    return paginate(rows, page, lambda c: (c.created_at, c.subject_id), request, response)


@router.post(
    "/v1/retention/erasures",
    summary="Erase a young person's records",
    description="Deletes every record of the young person (and records merged into theirs): incidents they "
    "were the only person in, their part in others, reviews left empty, referrals, meeting decisions and "
    "actions, support plans. The audit log keeps an `erase` entry naming only ids, and the earlier entries "
    "(which hold ids, not personal data). 409 while anything about them is still open. Role `auditor`. "
    "Meeting minutes are free text: redact them by hand.",
    response_model=ErasureResult,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def erase(session: Session, principal: Officer, data: ErasureRequest) -> ErasureResult:
    return await service.erase(session, principal=principal, data=data)
